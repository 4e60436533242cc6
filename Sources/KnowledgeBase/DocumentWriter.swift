import Corpus
import Extractor
import Foundation
import GRDB

/// Writes documents' facts inside the caller's transaction, one group of documents per writer.
final class DocumentWriter {
    let db: Database
    let gazetteer: Gazetteer
    private let statements: Statements
    private let savepoint: (begin: Statement, release: Statement, rollback: Statement)
    /// Entities and aliases known to be stored, so that another mention of them in the group costs no query: those
    /// the released savepoints of this transaction stored or found. (Entities and aliases are never deleted while an
    /// ingest stores documents, but a writer lives for one transaction only: no knowledge outlives it, whatever others
    /// write later.)
    private var known = KnownRows()
    /// Those learnt in the document's savepoint, known once it is released and forgotten if it is rolled back.
    private var learnt = KnownRows()

    init(db: Database, gazetteer: Gazetteer) throws {
        self.db = db
        self.gazetteer = gazetteer
        statements = try Statements(db)
        savepoint = (try db.cachedStatement(sql: "SAVEPOINT document"), try db.cachedStatement(sql: "RELEASE SAVEPOINT document"),
                     try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT document"))
    }

    /// Runs `body` in a savepoint, so that a document is stored whole or not at all.
    ///
    /// As `Database.inSavepoint` inside a transaction, with the savepoint's statements prepared once per connection
    /// (`inSavepoint` parses them for every document). They go through GRDB, which keeps track of savepoints.
    func inSavepoint(_ body: () throws -> Void) throws {
        precondition(db.isInsideTransaction, "a document's savepoint is nested in the group's transaction")
        try savepoint.begin.execute()
        do {
            try body()
            try savepoint.release.execute()
        } catch {
            learnt = KnownRows()
            // Rolled back and released (a rollback alone leaves the savepoint open); the first error is the one reported.
            do {
                try savepoint.rollback.execute()
                try savepoint.release.execute()
            } catch {}
            throw error
        }
        known.entities.formUnion(learnt.entities)
        known.aliases.formUnion(learnt.aliases)
        learnt = KnownRows()
    }

    /// A sentence's row and what the full-text index holds for it.
    typealias SearchRow = (documentID: String, rowID: Int64, stems: String)

    /// The statements run for every document, looked up once per group (see `WriterStatement`).
    struct Statements {
        let storedRulesVersion, documentsFromSource, sentencesOfDocument, deleteDocument, insertDocument, insertSentence: WriterStatement
        let entityExists, insertGazetteerEntity, insertEntity, insertAlias: WriterStatement
        let insertMention, insertOfficial, insertFigure, insertMoney, insertDate, insertEvent, insertEventRole: WriterStatement
        let storedCount, insertNearDuplicate, insertSearch, deleteSearch: WriterStatement
        /// Extracting a stored document again with its sentences unchanged (see `store`).
        let storedSentences: Statement
        let deleteFacts: [WriterStatement]
        let updateDocument: WriterStatement

        init(_ db: Database) throws {
            storedRulesVersion = try WriterStatement(db, "SELECT coalesce(rulesVersion, '') FROM document WHERE id = ?")
            documentsFromSource = try WriterStatement(db, "SELECT id FROM document WHERE source = ?")
            sentencesOfDocument = try WriterStatement(db, "SELECT id FROM sentence WHERE documentId = ?")
            deleteDocument = try WriterStatement(db, "DELETE FROM document WHERE id = ?")
            insertDocument = try WriterStatement(db, """
                INSERT INTO document (id, source, url, title, headline, published, outlet, reporter, editor, format, text, eventDate, extraction, signature,
                                      rulesVersion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertSentence = try WriterStatement(db, "INSERT INTO sentence (documentId, ordinal, start, end, text) VALUES (?, ?, ?, ?, ?)")
            entityExists = try WriterStatement(db, "SELECT 1 FROM entity WHERE id = ?")
            insertGazetteerEntity = try WriterStatement(db, "INSERT INTO entity (id, kind, name, type, code, parentId, fromGazetteer) VALUES (?, ?, ?, ?, ?, ?, 1)")
            insertEntity = try WriterStatement(db, "INSERT INTO entity (id, kind, name, fromGazetteer) VALUES (?, ?, ?, 0)")
            insertAlias = try WriterStatement(db, """
                INSERT OR IGNORE INTO alias (entityId, alias, normalized, caseSensitive, fromGazetteer) VALUES (?, ?, ?, ?, ?)
                """)
            insertMention = try WriterStatement(db, "INSERT INTO mention (documentId, entityId, start, end, surface) VALUES (?, ?, ?, ?, ?)")
            insertOfficial = try WriterStatement(db, """
                INSERT INTO officialMention (documentId, personId, title, titleKey, orgId, date, surface, start, end, former)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertFigure = try WriterStatement(db, """
                INSERT INTO figure (documentId, value, max, unit, qualifier, about, aboutId, date, surface, sentence, sentenceStart, sentenceEnd, start, end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertMoney = try WriterStatement(db, """
                INSERT INTO money (documentId, value, max, currency, qualifier, per, about, date, surface, start, end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertDate = try WriterStatement(db, "INSERT INTO dateMention (documentId, normalized, granularity, warning, surface, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)")
            insertEvent = try WriterStatement(db, """
                INSERT INTO event (documentId, actor, action, program, date, datePrecision, dateStart, dateEnd, location, participants, sentence, start, end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertEventRole = try WriterStatement(db, "INSERT OR IGNORE INTO eventRole (eventId, role, entityId) VALUES (?, ?, ?)")
            storedCount = try WriterStatement(db, "SELECT count(*) FROM document WHERE id IN (?, ?)")
            insertNearDuplicate = try WriterStatement(db, "INSERT OR REPLACE INTO nearDuplicate (documentId, otherId, similarity) VALUES (?, ?, ?)")
            insertSearch = try WriterStatement(db, "INSERT INTO sentenceSearch (rowid, stems) VALUES (?, ?)")
            deleteSearch = try WriterStatement(db, "DELETE FROM sentenceSearch WHERE rowid = ?")
            storedSentences = try db.cachedStatement(sql: """
                SELECT s.start, s."end", s.text, x.stems FROM sentence s LEFT JOIN sentenceSearch x ON x.rowid = s.id
                WHERE s.documentId = ? ORDER BY s.ordinal
                """)
            // Every row that names the document but its sentences (events take their roles with them).
            deleteFacts = try ["mention", "figure", "money", "dateMention", "event", "officialMention"].map { table in
                try WriterStatement(db, "DELETE FROM \(table) WHERE documentId = ?")
            } + [try WriterStatement(db, "DELETE FROM nearDuplicate WHERE documentId = ?1 OR otherId = ?1")]
            updateDocument = try WriterStatement(db, """
                UPDATE document SET source = ?2, url = ?3, title = ?4, headline = ?5, published = ?6, outlet = ?7, reporter = ?8, editor = ?9,
                                     format = ?10, text = ?11, eventDate = ?12, extraction = ?13, signature = ?14, rulesVersion = ?15
                WHERE id = ?1
                """)
        }
    }

    /// What storing a document changed that the full-text index has still to follow (see `store`).
    struct Stored {
        var outcome: KnowledgeBase.StoreOutcome
        /// The document's sentences, to add.
        var searchRows: [SearchRow] = []
        /// The documents it replaced, and their sentences' ids, whose rows are to go.
        var replaced: [String] = []
        var replacedSentences: [Int64] = []
    }

    /// Stores the document and returns what the full-text index has to follow: its sentences' rows to add, and the
    /// sentences of the documents it replaced to take out. The caller changes the index after the group's savepoints:
    /// an index written before a savepoint flushes its pending terms into a new segment at every later statement
    /// (FTS5's `xSavepoint`). When a delete trigger took a replaced document's sentences out of the index here, each
    /// document extracted again wrote hundreds of tiny segments, and a knowledge base of the news corpus took three
    /// times as long to extract again as to build (BENCHMARKS.md, sixteenth round).
    func store(_ storable: KnowledgeBase.Storable) throws -> Stored {
        let facts = storable.facts
        let doc = facts.document
        let sql = statements
        let stored = try sql.storedRulesVersion.strings(doc.id)
        if stored.first == facts.rulesVersion { return Stored(outcome: .skipped) }
        // A changed document from the same source replaces the old one, and so does one extracted again with other
        // rules (their rows go with them by cascade) — unless its sentences and their stems are unchanged, as after
        // most edits of the gazetteer: then its facts are replaced and its sentences kept, which spares the
        // full-text index a deletion and an insertion of each.
        var replaced = try sql.documentsFromSource.strings(doc.source).filter { $0 != doc.id }
        // Deleting a document finds its rows through the indexes a first ingest defers: built now if so.
        if !replaced.isEmpty || !stored.isEmpty { try KnowledgeBase.buildDeferredIndexes(db) }
        let keepsSentences = try !stored.isEmpty && hasSentences(doc.id, facts.sentences, storable.searchStems)
        if !stored.isEmpty, !keepsSentences { replaced.append(doc.id) }
        var replacedSentences: [Int64] = []
        for old in replaced {
            replacedSentences += try sql.sentencesOfDocument.integers(old)
            try sql.deleteDocument.execute(old)
        }

        let e = facts.extraction
        let eventDate = Self.occasion(of: e, published: doc.published)
        if keepsSentences {
            for statement in sql.deleteFacts { try statement.execute(doc.id) }
        }
        // The row updated in place takes its values in the order a new one does.
        try (keepsSentences ? sql.updateDocument : sql.insertDocument)
            .execute(doc.id, doc.source, doc.url, doc.title, Self.headline(doc, facts.sentences), doc.published?.iso, doc.outlet, doc.reporter,
                     doc.editor, doc.format.rawValue, doc.text, eventDate, storable.extractionJSON, Data(storable.signature.bytes), facts.rulesVersion)
        var searchRows: [SearchRow] = []
        if !keepsSentences {
            for (ordinal, s) in facts.sentences.enumerated() {
                let rowID = try sql.insertSentence.insert(doc.id, ordinal, s.span.lowerBound, s.span.upperBound, s.text)
                searchRows.append((doc.id, rowID, storable.searchStems[ordinal]))
            }
        }

        for a in facts.acronyms {
            try ensureEntity(a.id, kind: a.kind.rawValue, name: a.expansion)
            try addAlias(a.id, a.acronym, caseSensitive: true)
            try addAlias(a.id, a.expansion, caseSensitive: false)
        }
        for m in facts.mentions {
            try ensureEntity(m.id, kind: m.kind, name: m.name)
            if m.kind == "person" { try addAlias(m.id, m.name, caseSensitive: false) }
            try sql.insertMention.execute(doc.id, m.id, m.span[0], m.span[1], m.surface)
        }
        for o in e.officials {
            guard let person = o.entity else { continue }
            try ensureEntity(person, kind: "person", name: o.name)
            if let org = o.orgID { try ensureEntity(org, kind: "organization", name: o.org ?? org) }
            if let position = o.positionID, let entry = gazetteer.entry(position) { try ensureEntity(position, kind: "position", name: entry.name) }
            let key = gazetteer.officeKey(positionID: o.positionID, title: o.title, orgID: o.orgID)
            try sql.insertOfficial.execute(doc.id, person, o.title, key, o.orgID, o.date, o.surface, o.span[0], o.span[1], o.former ?? false)
        }
        for f in e.figures {
            let aboutID = f.about.flatMap { about in facts.mentions.first { $0.name == about }?.id }
            let sentence = facts.sentences.first { $0.span.lowerBound <= f.span[0] && $0.span.upperBound >= f.span[1] }
            try sql.insertFigure.execute(doc.id, f.value, f.max, f.unit, f.qualifier, f.about, aboutID,
                                         Self.eventDate(containing: f.span, in: e) ?? eventDate, f.surface,
                                         sentence?.text ?? f.surface, sentence?.span.lowerBound ?? f.span[0], sentence?.span.upperBound ?? f.span[1],
                                         f.span[0], f.span[1])
        }
        for m in e.money {
            try sql.insertMoney.execute(doc.id, m.value, m.max, m.currency, m.qualifier, m.per, m.about, Self.eventDate(containing: m.span, in: e) ?? eventDate,
                                        m.surface, m.span[0], m.span[1])
        }
        for d in e.dates {
            try sql.insertDate.execute(doc.id, d.normalized, d.granularity, d.warning, d.surface, d.span[0], d.span[1])
        }
        for ev in e.events {
            let (start, end) = Self.bounds(of: ev.date)
            let participants = Participants.jsonLine(ev.participants)
            let eventID = try sql.insertEvent.insert(doc.id, ev.actor, ev.action, ev.program, ev.date, ev.datePrecision, start, end, ev.location,
                                                     participants, ev.sentence, ev.span[0], ev.span[1])
            var roles: [(String, String)] = (ev.programIDs ?? []).map { ("program", $0) }
            let inside = facts.mentions.filter { $0.span[0] >= ev.span[0] && $0.span[1] <= ev.span[1] }
            for m in inside where m.kind == "place" { roles.append(("place", m.id)) }
            for m in inside where m.kind == "organization" || m.kind == "person" {
                roles.append((m.name == ev.actor ? "actor" : "mentioned", m.id))
            }
            for (role, id) in roles {
                try sql.insertEventRole.execute(eventID, role, id)
            }
        }
        return Stored(outcome: !stored.isEmpty ? .reextracted : replaced.isEmpty ? .new : .updated, searchRows: searchRows,
                      replaced: replaced, replacedSentences: replacedSentences)
    }

    /// Whether the stored document `id` has exactly `sentences` (their offsets and text), indexed with `stems`.
    func hasSentences(_ id: String, _ sentences: [Sentence], _ stems: [String]) throws -> Bool {
        let rows = try Row.fetchAll(statements.storedSentences, arguments: [id])
        guard rows.count == sentences.count else { return false }
        for (k, row) in rows.enumerated() {
            let s = sentences[k]
            guard row[0] == s.span.lowerBound, row[1] == s.span.upperBound, row[2] == s.text, (row[3] as String?) == stems[k] else { return false }
        }
        return true
    }

    /// Creates an entity on first sight, with the gazetteer's name, type, code and aliases when it knows it.
    func ensureEntity(_ id: String, kind: String, name: String) throws {
        let key = ExactText(id)
        if known.entities.contains(key) || learnt.entities.contains(key) { return }
        learnt.entities.insert(key)
        if try statements.entityExists.exists(id) { return }
        if let entry = gazetteer.entry(id) {
            try statements.insertGazetteerEntity.execute(id, entry.kind.rawValue, entry.name, entry.type, entry.code, entry.parent)
            for (alias, caseSensitive) in entry.names {
                try addAlias(id, alias, caseSensitive: caseSensitive, fromGazetteer: true)
            }
        } else {
            try statements.insertEntity.execute(id, kind, name)
            try addAlias(id, name, caseSensitive: false)
        }
    }

    /// Adds an alias unless the entity has it already (the first one stored stays, with its case sensitivity and its
    /// origin: a gazetteer entity's are stored with it, before any found in a document).
    func addAlias(_ id: String, _ alias: String, caseSensitive: Bool, fromGazetteer: Bool = false) throws {
        let key = KnownRows.Alias(entity: ExactText(id), alias: ExactText(alias))
        if known.aliases.contains(key) || learnt.aliases.contains(key) { return }
        learnt.aliases.insert(key)
        try statements.insertAlias.execute(id, alias, Gazetteer.normalize(alias), caseSensitive, fromGazetteer)
    }

    static func headline(_ doc: Document, _ sentences: [Sentence]) -> String {
        if let title = doc.title { return title }
        let first = sentences.first?.text ?? (doc.source as NSString).lastPathComponent
        let words = first.split(separator: " ")
        return words.count <= 12 ? first : words.prefix(12).joined(separator: " ") + " …"
    }

    /// Links a document with the near-duplicates found for it, both ways; one that is gone (a version this ingest
    /// replaced) is left out.
    func link(_ id: String, _ others: [(id: String, similarity: Double)]) throws {
        for other in others {
            guard try statements.storedCount.integer(id, other.id) == 2 else { continue }
            for (a, b) in [(id, other.id), (other.id, id)] {
                try statements.insertNearDuplicate.execute(a, b, other.similarity)
            }
        }
    }

    /// What the full-text index holds for a sentence: each word's stem, and its normalized form when that differs.
    /// (Appended to one string: no array of pieces and no string per token.)
    static func searchStems(_ sentence: Sentence) -> String {
        var text = ""
        text.reserveCapacity(sentence.text.utf8.count + sentence.text.utf8.count / 2)
        var first = true
        for token in sentence.tokens where token.kind == .word || token.kind == .number || token.kind == .abbreviation {
            if !first { text.append(" ") }
            first = false
            text.append(token.stem)
            if token.stem != token.normalized {
                text.append(" ")
                text.append(token.normalized)
            }
        }
        return text
    }

    /// Takes the sentences `removed` out of the full-text index, then adds `rows` (a new sentence may take the id of
    /// a removed one).
    func index(_ rows: [SearchRow], removing removed: [Int64]) throws {
        for id in removed {
            try statements.deleteSearch.execute(id)
        }
        for row in rows {
            try statements.insertSearch.execute(row.rowID, row.stems)
        }
    }

    /// What a document reports on: its first activity dated on or shortly before its publication (31 days before to a day
    /// after), else its publication date; an undated document's first activity's date. It dates the document's figures and
    /// amounts outside any activity. A report's first activity may be history it recalls or a plan (`sejak KUR diluncurkan
    /// pada tahun 2015`, `akan digelar pada 6 Juni 2020`), which does not date the figures it reports.
    static func occasion(of e: Extraction, published: CalendarDate?) -> String? {
        guard let published else { return e.events.first?.date }
        let from = published.adding(days: -31).iso
        let to = published.adding(days: 1).iso
        let recent = e.events.first { event in
            let (start, end) = bounds(of: event.date)
            guard let start, let end else { return false }
            return start <= to && end >= from
        }
        return recent?.date ?? published.iso
    }

    /// The date of the activity whose sentence holds `span`.
    static func eventDate(containing span: [Int], in e: Extraction) -> String? {
        e.events.first { $0.span[0] <= span[0] && $0.span[1] >= span[1] }?.date
    }

    /// First and last day an ISO date or range covers (`2025` → 2025-01-01…2025-12-31).
    static func bounds(of iso: String?) -> (String?, String?) {
        guard let iso else { return (nil, nil) }
        let parts = iso.split(separator: "/").map(String.init)
        guard let first = parts.first, let last = parts.last else { return (nil, nil) }
        return (CalendarDate.dayBounds(of: first)?.first, CalendarDate.dayBounds(of: last)?.last)
    }
}

/// Entity ids, and aliases of entities, known to be stored.
struct KnownRows {
    struct Alias: Hashable {
        var entity: ExactText
        var alias: ExactText
    }

    var entities: Set<ExactText> = []
    var aliases: Set<Alias> = []
}

/// Text that is the same when its UTF-8 bytes are, as SQLite compares the keys of `entity` and `alias` (a Swift string
/// also equals a canonically equivalent one: `é` as one scalar or as `e` and an accent).
struct ExactText: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: ExactText, b: ExactText) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { for byte in string.utf8 { hasher.combine(byte) } }
    }
}
