public import Corpus
public import Extractor
import CSQLiteShim
import Foundation
import GRDB

/// What went wrong with the knowledge base file.
public enum KnowledgeBaseError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case storage(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open the knowledge base: \(reason)"
        case .storage(let reason): return "knowledge base: \(reason)"
        }
    }
}

/// The knowledge graph in an SQLite file: documents, sentences, entities, mentions, figures, events and office terms.
public final class KnowledgeBase: Sendable {
    let writer: any DatabaseWriter

    /// SQLite's process-wide settings, made once before the process's first connection (every connection is opened
    /// by an initializer of this class, and each waits for this first): memory statistics off. They cost a
    /// process-wide lock in each of SQLite's allocations and frees — about 3% of an ingest's CPU time (BENCHMARKS.md,
    /// seventh round) — and nothing reads them. Too late (SQLite already initialized), it is only slower.
    private static let processSettings: Void = { _ = kb_sqlite_configure() }()

    /// Makes SQLite's process-wide settings now, for code that opens a connection of its own (tests do).
    static func configureProcess() { _ = processSettings }

    /// Opens (or creates) the file at `path` in WAL mode and brings its schema up to date.
    public convenience init(path: String) throws(KnowledgeBaseError) {
        try self.init(path: path, mode: .shared)
    }

    /// How a file is used: shared (WAL: readers beside the one writer, and a power cut never breaks the file), or
    /// built by one ingest alone before anyone else may open it (see `NewKnowledgeBase`).
    enum FileMode {
        case shared, building
    }

    init(path: String, mode: FileMode) throws(KnowledgeBaseError) {
        Self.configureProcess()
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            switch mode {
            case .shared:
                writer = try DatabasePool(path: path, configuration: config)
            case .building:
                // The rollback journal in memory: savepoints and transactions still roll back, and every page is
                // written once, into the file itself (see `NewKnowledgeBase`).
                config.prepareDatabase { db in
                    try db.execute(sql: "PRAGMA journal_mode = MEMORY")
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                }
                writer = try DatabaseQueue(path: path, configuration: config)
            }
            try Schema.migrator.migrate(writer)
            try writer.writeWithoutTransaction(Self.configureWriter)
            if mode == .shared { try writer.writeWithoutTransaction(Self.configureWAL) }
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Closes the file; the knowledge base cannot be used afterwards.
    func close() throws(KnowledgeBaseError) {
        do { try writer.close() } catch { throw .storage(reason: "\(error)") }
    }

    /// Settings of the one connection that writes (the readers keep SQLite's defaults).
    ///
    /// Each document is stored in a savepoint, and SQLite keeps the original of every page a savepoint changes in a
    /// sub-journal, a temporary file by default: an ingest wrote 4 bytes and 4 KiB to it for each such page, two
    /// thirds of its writes. In memory, the sub-journal is a copy; it only serves to roll back a savepoint, so what
    /// a crash leaves is the same (the committed transactions, from the WAL). (Temporary tables and sorts of this
    /// connection are in memory too: the derived tables' few thousand rows.)
    ///
    /// A group of documents dirties a few MB of pages: with SQLite's 2 MB page cache, part of them were spilled to
    /// the WAL before the commit wrote them again (16 MB holds a group).
    static func configureWriter(_ db: Database) throws {
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        try db.execute(sql: "PRAGMA cache_size = -16384")
    }

    /// The writer's settings for a shared file, in WAL mode.
    ///
    /// The WAL is copied into the database every 10,000 pages (40 MB; SQLite's default is 1,000) rather than every
    /// two or three groups: the pages each commit touches again (index pages, the last pages of each table and the
    /// full-text segments) are copied once instead of at each checkpoint. An ingest checkpoints when it ends
    /// (`checkpoint()`), and closing the file does too.
    ///
    /// Commits do not wait for the disk (`synchronous = NORMAL`, SQLite's advice for WAL mode; the default waits at
    /// every commit): the WAL is synced before each checkpoint instead, so an ingest is on disk once it has ended
    /// (`finishIngest` checkpoints). A power cut in the middle of one can take its last commits back, never leave a
    /// broken file, and running the ingest again stores what it took back; a process that is killed loses nothing
    /// committed (the WAL is written at each commit, only not synced). About 2% of an ingest of the news corpus.
    static func configureWAL(_ db: Database) throws {
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }

    /// Copies what the WAL holds into the database file (as far as readers allow), so the file is whole and the
    /// next writes start the WAL over.
    public func checkpoint() throws(KnowledgeBaseError) {
        do {
            try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        } catch {
            throw .storage(reason: "\(error)")
        }
    }

    /// A knowledge base in memory, for tests.
    public init() throws(KnowledgeBaseError) {
        Self.configureProcess()
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            writer = try DatabaseQueue(configuration: config)
            try Schema.migrator.migrate(writer)
        } catch {
            throw .storage(reason: "\(error)")
        }
    }

    func write<T>(_ body: @Sendable (Database) throws -> T) throws(KnowledgeBaseError) -> T {
        do { return try writer.write(body) } catch { throw .storage(reason: "\(error)") }
    }

    func read<T>(_ body: @Sendable (Database) throws -> T) throws(KnowledgeBaseError) -> T {
        do { return try writer.read(body) } catch { throw .storage(reason: "\(error)") }
    }

    // MARK: - Storing

    /// What storing a document did: `reextracted` replaced the same document extracted by other rules.
    public enum StoreOutcome: String, Sendable { case new, updated, reextracted, skipped }

    /// Ids of the documents stored with the rules of `rulesVersion`, for skipping unchanged ones before extracting them.
    public func documentIDs(rulesVersion: String) throws(KnowledgeBaseError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM document WHERE rulesVersion = ?", arguments: [rulesVersion])) }
    }

    /// One document to store: its facts, the documents it nearly duplicates, and the text its rows hold, prepared
    /// beforehand (by the worker that extracted it, not by the single writer).
    public struct Storable: Sendable {
        /// The document's facts, without the sentences' tokens and the document's paragraphs (nothing stores them).
        public var facts: DocumentFacts
        public var nearDuplicates: [(id: String, similarity: Double)]
        /// The extraction as the `extraction` column stores it.
        let extractionJSON: String
        /// The full-text index's text for each sentence.
        let searchStems: [String]
        /// The MinHash signature of the body (its sentences joined), to find and link near-duplicates.
        public let signature: NearDuplicateIndex.Signature

        public init(facts: DocumentFacts, nearDuplicates: [(id: String, similarity: Double)] = []) {
            self.facts = facts
            self.nearDuplicates = nearDuplicates
            extractionJSON = facts.extraction.jsonLine
            searchStems = facts.sentences.map(DocumentWriter.searchStems)
            signature = NearDuplicateIndex.signature(of: Self.body(facts.sentences.map(\.text)))
            // What is stored of the sentences is their text and span, and of the document its text and metadata: the
            // tokens and paragraphs are freed here, by the worker, rather than by the one writer thread once the group
            // is stored (freeing whole documents took about 7% of its time).
            for i in self.facts.sentences.indices { self.facts.sentences[i].tokens = [] }
            self.facts.document.paragraphs = []
        }

        /// The text a signature is made from: the sentences, joined by spaces.
        static func body(_ sentences: [String]) -> String { sentences.joined(separator: " ") }
    }

    /// Stores documents in order, each in its own savepoint (a nested transaction): each is stored whole or not at
    /// all, and the group is committed at once, which spares a commit (WAL frames, a full-text index flush) per document.
    /// An unchanged document (same content id) is skipped; a changed one from the same source replaces the old.
    @discardableResult
    public func store(_ documents: [Storable], gazetteer: Gazetteer) throws(KnowledgeBaseError) -> [StoreOutcome] {
        let (outcomes, failure) = try write { db in
            let writer = try DocumentWriter(db: db, gazetteer: gazetteer)
            var outcomes: [StoreOutcome] = []
            var searchRows: [DocumentWriter.SearchRow] = []
            var unindexed: [Int64] = []
            // A document that cannot be stored is rolled back alone; those before it are kept, and the error is reported.
            var failure: String?
            for document in documents {
                do {
                    try writer.inSavepoint {
                        let stored = try writer.store(document)
                        try writer.link(document.facts.document.id, document.nearDuplicates)
                        outcomes.append(stored.outcome)
                        // A version stored earlier in this group and replaced now is not in the index yet: its rows are
                        // not added. (Taking out a row the index does not have does nothing.)
                        if !stored.replaced.isEmpty { searchRows.removeAll { stored.replaced.contains($0.documentID) } }
                        unindexed += stored.replacedSentences
                        searchRows += stored.searchRows
                    }
                } catch {
                    failure = "\(document.facts.document.source): \(error)"
                    break
                }
            }
            // The stored documents' sentences enter the full-text index after the savepoints (see DocumentWriter.store).
            try writer.index(searchRows, removing: unindexed)
            return (outcomes, failure)
        }
        if let failure { throw .storage(reason: failure) }
        return outcomes
    }

    /// Stores one document's facts in its own transaction: all of it or nothing.
    @discardableResult
    public func store(_ facts: DocumentFacts, gazetteer: Gazetteer) throws(KnowledgeBaseError) -> StoreOutcome {
        try store([Storable(facts: facts)], gazetteer: gazetteer)[0]
    }

    /// Acronyms that stored documents defined, to recognise them in other documents: those that documents extracted by
    /// the rules of `rulesVersion` name. (Documents of other rules are about to be extracted again, and learn their
    /// acronyms again if the rules still find them: a misreading of older rules does not spread to every document.)
    public func learnedAcronyms(rulesVersion: String) throws(KnowledgeBaseError) -> [LearnedAcronym] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.kind, e.name, a.alias FROM entity e JOIN alias a ON a.entityId = e.id
                WHERE e.fromGazetteer = 0 AND a.caseSensitive = 1 AND e.kind IN ('program', 'organization')
                  AND EXISTS (SELECT 1 FROM mention m JOIN document d ON d.id = m.documentId WHERE m.entityId = e.id AND d.rulesVersion = ?)
                ORDER BY e.id
                """, arguments: [rulesVersion]).compactMap { row in
                guard let kind = EntityKind(rawValue: row["kind"]) else { return nil }
                return LearnedAcronym(acronym: row["alias"], expansion: row["name"], kind: kind, id: row["id"], span: 0..<0)
            }
        }
    }

    /// Brings the stored entities that the gazetteer names in line with it as it is now: their kind, name, type, code
    /// and parent, and the aliases it gives them (one it no longer lists is dropped; those found in documents stay).
    /// An entity it no longer names stays as one found in documents, pruned at an ingest's end if none names it. Each
    /// ingest runs it first, so an edited gazetteer reaches the entity pages, the aliases queries resolve and the
    /// exports, not only the documents extracted again. Returns the number of entities changed.
    @discardableResult
    public func refreshGazetteerEntities(_ gazetteer: Gazetteer) throws(KnowledgeBaseError) -> Int {
        try write { db in
            var changed = 0
            let upsertAlias = try db.cachedStatement(sql: """
                INSERT INTO alias (entityId, alias, normalized, caseSensitive, fromGazetteer) VALUES (?, ?, ?, ?, 1)
                ON CONFLICT (entityId, alias) DO UPDATE SET caseSensitive = excluded.caseSensitive, fromGazetteer = 1
                """)
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, name, type, code, parentId, fromGazetteer FROM entity") {
                let id: String = row["id"]
                guard let entry = gazetteer.entry(id) else {
                    if row["fromGazetteer"] as Bool {
                        try db.execute(sql: "UPDATE entity SET fromGazetteer = 0 WHERE id = ?", arguments: [id])
                        try db.execute(sql: "UPDATE alias SET fromGazetteer = 0 WHERE entityId = ?", arguments: [id])
                        changed += 1
                    }
                    continue
                }
                var entityChanged = false
                if row["kind"] != entry.kind.rawValue || row["name"] != entry.name || row["type"] != entry.type || row["code"] != entry.code
                    || row["parentId"] != entry.parent || !(row["fromGazetteer"] as Bool) {
                    try db.execute(sql: "UPDATE entity SET kind = ?, name = ?, type = ?, code = ?, parentId = ?, fromGazetteer = 1 WHERE id = ?",
                                   arguments: [entry.kind.rawValue, entry.name, entry.type, entry.code, entry.parent, id])
                    entityChanged = true
                }
                // The first of a name given twice counts, as when the entity was stored.
                var wanted: [String: Bool] = [:]
                for (name, caseSensitive) in entry.names where wanted[name] == nil { wanted[name] = caseSensitive }
                var stored: Set<String> = []
                for alias in try Row.fetchAll(db, sql: "SELECT alias, caseSensitive, fromGazetteer FROM alias WHERE entityId = ?", arguments: [id]) {
                    let name: String = alias["alias"]
                    if let caseSensitive = wanted[name] {
                        if alias["caseSensitive"] as Bool == caseSensitive, alias["fromGazetteer"] as Bool { stored.insert(name) }
                    } else if alias["fromGazetteer"] as Bool {
                        try db.execute(sql: "DELETE FROM alias WHERE entityId = ? AND alias = ?", arguments: [id, name])
                        entityChanged = true
                    }
                }
                for (name, caseSensitive) in wanted where !stored.contains(name) {
                    try upsertAlias.execute(arguments: [id, name, Gazetteer.normalize(name), caseSensitive])
                    entityChanged = true
                }
                if entityChanged { changed += 1 }
            }
            return changed
        }
    }

    /// `extractor`, also recognising the acronyms stored documents defined (`learnedAcronyms`, for its rules).
    public func knowingAcronyms(_ extractor: DocumentExtractor) throws(KnowledgeBaseError) -> DocumentExtractor {
        extractor.knowing(try learnedAcronyms(rulesVersion: extractor.resources.rulesVersion))
    }

    /// A near-duplicate index of the stored documents, to find near-duplicates of new ones, from their stored
    /// signatures (a document stored before signatures were kept is signed from its sentences).
    public func nearDuplicateIndex() throws(KnowledgeBaseError) -> NearDuplicateIndex {
        try read { db in
            var index = NearDuplicateIndex()
            var unsigned: [(position: Int, id: String)] = []
            var stored: [(id: String, signature: NearDuplicateIndex.Signature?)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, signature FROM document ORDER BY id")
            while let row = try rows.next() {
                let signature = (row["signature"] as Data?).flatMap { NearDuplicateIndex.Signature(bytes: [UInt8]($0)) }
                if signature == nil { unsigned.append((stored.count, row["id"])) }
                stored.append((row["id"], signature))
            }
            for (position, id) in unsigned {
                let sentences = try String.fetchAll(db, sql: "SELECT text FROM sentence WHERE documentId = ? ORDER BY ordinal", arguments: [id])
                stored[position].signature = NearDuplicateIndex.signature(of: Storable.body(sentences))
            }
            for (id, signature) in stored {
                if let signature { index.insert(id: id, signature: signature) }
            }
            return index
        }
    }

    /// Recomputes what is derived across documents: office terms, possible name variants, and figures that
    /// near-duplicate documents both report. `pruning` also removes what no stored document names any more (people,
    /// acronyms learned: the misreadings of a document since replaced or extracted again), with their aliases, but for the
    /// gazetteer's entries: only documents replaced leave any.
    public func rebuildDerived(pruning: Bool = true) throws(KnowledgeBaseError) {
        try write { db in
            // The figures below are read through `figure_on_documentId` by name: an ingest may have deferred it.
            try Self.buildDeferredIndexes(db)
            if pruning {
                try db.execute(sql: """
                    DELETE FROM entity WHERE fromGazetteer = 0 AND id NOT IN (
                        SELECT entityId FROM mention UNION SELECT personId FROM officialMention UNION SELECT entityId FROM eventRole
                        UNION SELECT orgId FROM officialMention WHERE orgId IS NOT NULL UNION SELECT aboutId FROM figure WHERE aboutId IS NOT NULL)
                    """)
            }
            // The same value, range, unit (currency and `per`) and qualifier in a near-duplicate document is the same
            // figure (amount): each copy points at the first one stored. (The other document's rows are found by
            // document, not through the unit index SQLite would pick: that scans every earlier figure with the unit,
            // seconds on a large base.)
            for (table, sameUnit) in [("figure", "lower(o.unit) IS lower(figure.unit)"),
                                      ("money", "o.currency IS money.currency AND o.per IS money.per")] {
                try db.execute(sql: "UPDATE \(table) SET sameAs = NULL WHERE sameAs IS NOT NULL")
                try db.execute(sql: """
                    UPDATE \(table) SET sameAs = (
                        SELECT min(o.id) FROM nearDuplicate n CROSS JOIN \(table) o INDEXED BY \(table)_on_documentId ON o.documentId = n.otherId
                        WHERE n.documentId = \(table).documentId AND o.id < \(table).id AND o.value IS \(table).value AND o.max IS \(table).max
                          AND \(sameUnit) AND o.qualifier IS \(table).qualifier)
                    WHERE documentId IN (SELECT documentId FROM nearDuplicate)
                    """)
                // A chain (A, B, C each a near-duplicate of the one before only) points at its head.
                repeat {
                    try db.execute(sql: """
                        UPDATE \(table) SET sameAs = (SELECT head.sameAs FROM \(table) head WHERE head.id = \(table).sameAs)
                        WHERE sameAs IN (SELECT id FROM \(table) WHERE sameAs IS NOT NULL)
                        """)
                } while db.changesCount > 0
            }
            try db.execute(sql: "DELETE FROM officeTerm")
            // A term's title is the one its holder is most often given (`Menteri Perhubungan`, not `Menhub`), ties to the longer.
            try db.execute(sql: """
                INSERT INTO officeTerm (personId, title, titleKey, orgId, firstDate, lastDate, evidence)
                SELECT personId, title, titleKey, orgId, firstDate, lastDate, evidence FROM (
                    SELECT personId, title, titleKey, max(orgId) OVER term AS orgId, min(firstDate) OVER term AS firstDate,
                           max(lastDate) OVER term AS lastDate, sum(n) OVER term AS evidence,
                           row_number() OVER (term ORDER BY n DESC, length(title) DESC, title) AS rank
                    FROM (SELECT personId, titleKey, title, max(orgId) AS orgId, min(date) AS firstDate, max(date) AS lastDate, count(*) AS n
                          FROM officialMention WHERE date IS NOT NULL AND NOT former GROUP BY personId, titleKey, title)
                    WINDOW term AS (PARTITION BY personId, titleKey))
                WHERE rank = 1
                """)
            try db.execute(sql: "DELETE FROM personVariant")
            let rows = try Row.fetchAll(db, sql: """
                SELECT DISTINCT m.personId, e.name, m.titleKey, m.orgId FROM officialMention m JOIN entity e ON e.id = m.personId
                """)
            // Each row read once (an office can have hundreds of holders: the news corpus has one of 395, some 78,000
            // pairs), its letters numbered (equal characters, equal numbers) so that distances compare integers.
            struct Office: Hashable {
                var titleKey: String
                var orgId: String?
            }
            /// A holder's name and, for a person people.tsv knows, its other names there (`Anies Rasyid Baswedan`), so that a
            /// misprint of one is a variant too (`Anies Rasyis Baswedan`).
            struct Spelling {
                var name: String
                var length: Int
                var letters: [Int]
            }
            struct Holder {
                var id: String
                var name: String
                var office: Office
                var spellings: [Spelling]
            }
            var aliases: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.entityId, a.alias FROM alias a JOIN entity e ON e.id = a.entityId
                WHERE a.fromGazetteer AND e.kind = 'person' AND a.alias <> e.name ORDER BY a.alias
                """) {
                aliases[row["entityId"], default: []].append(row["alias"])
            }
            var letterNumbers: [Character: Int] = [:]
            let holders = rows.map { row in
                let name: String = row["name"]
                let id: String = row["personId"]
                let spellings = ([name] + (aliases[id] ?? [])).map { spelling in
                    Spelling(name: spelling, length: spelling.count, letters: spelling.lowercased().map { letter in
                        if let number = letterNumbers[letter] { return number }
                        letterNumbers[letter] = letterNumbers.count
                        return letterNumbers.count - 1
                    })
                }
                return Holder(id: id, name: name, office: Office(titleKey: row["titleKey"], orgId: row["orgId"]), spellings: spellings)
            }
            // Who is linked with whom so far, through any chain of links (a root for each person).
            var linkedTo: [String: String] = [:]
            func root(_ id: String) -> String { linkedTo[id].map { $0 == id ? id : root($0) } ?? id }
            func link(_ a: Holder, _ b: Holder, _ how: String) throws {
                let reason = "same position (\(a.office.titleKey)) and \(how): \(a.name) / \(b.name)"
                try db.execute(sql: "INSERT OR IGNORE INTO personVariant (personId, variantId, reason) VALUES (?, ?, ?)", arguments: [a.id, b.id, reason])
                try db.execute(sql: "INSERT OR IGNORE INTO personVariant (personId, variantId, reason) VALUES (?, ?, ?)", arguments: [b.id, a.id, reason])
                linkedTo[root(b.id)] = root(a.id)
            }
            // Only holders of the same position and organization are compared: each pair once, in row order.
            var byOffice: [Office: [Int]] = [:]
            for (i, holder) in holders.enumerated() { byOffice[holder.office, default: []].append(i) }
            for (i, a) in holders.enumerated() {
                for j in byOffice[a.office, default: []] where j > i {
                    let b = holders[j]
                    guard a.id != b.id else { continue }
                    close: for x in a.spellings {
                        for y in b.spellings where min(x.length, y.length) >= 6 {
                            // Names 3 or more letters apart in length are never 2 edits apart: most pairs stop there.
                            guard let distance = Self.editDistance(x.letters, y.letters, atMost: 2), distance > 0 else { continue }
                            let written = x.name == a.name && y.name == b.name ? "" : ", as \(x.name) / \(y.name)"
                            try link(a, b, "names \(distance) letter(s) apart\(written)")
                            break close
                        }
                    }
                }
            }
            // A name that is a shorter form of one other holder's name in the same office, and of no third's, is a variant
            // of it (`Agus Gumiwang`, `Anies`, `Baswedan` of `Agus Gumiwang Kartasasmita`, `Anies Baswedan`); so is one
            // with an initial for a word (`Basuki T Purnama`, `Basuki Tjahaja Purnama`).
            let words = holders.map { $0.name.lowercased().split(separator: " ") }
            let spelledWords = holders.map { $0.spellings.map { $0.name.lowercased().split(separator: " ") } }
            var shorterOfSeveral: [(short: Int, longer: [Int])] = []
            for indices in byOffice.values {
                for i in indices {
                    let longer = indices.filter { other in
                        holders[other].id != holders[i].id && spelledWords[other].contains { Self.isShorterForm(words[i], of: $0) }
                    }
                    let initials = indices.filter { $0 > i && Self.isSameWithInitials(words[i], words[$0]) }
                    var pairs = initials.map { (holders[$0], "one name with an initial for a word of the other") }
                    if Set(longer.map { holders[$0].id }).count == 1 {
                        pairs.append((holders[longer[0]], "one name a shorter form of the other"))
                    } else if !longer.isEmpty {
                        shorterOfSeveral.append((i, longer))
                    }
                    for (b, how) in pairs where holders[i].id != b.id { try link(holders[i], b, how) }
                }
            }
            // A shorter form of several names that are themselves variants of one (`Budi` of `Budi Karya` and `Budi Karya
            // Sumadi`, `Laode` of `Laode M Syarif` and `Laode Muhammad Syarif`) is a variant of the longest.
            for (i, longer) in shorterOfSeveral where Set(longer.map { root(holders[$0].id) }).count == 1 {
                let longest = longer.max { words[$0].count < words[$1].count }!
                try link(holders[longest], holders[i], "one name a shorter form of the others, variants of one")
            }
        }
    }

    /// Whether a name's words (`short`) are a shorter form of another's: its first words (`Agus Gumiwang`, `Anies`), or its
    /// last word alone (`Baswedan`).
    static func isShorterForm(_ short: [Substring], of long: [Substring]) -> Bool {
        guard !short.isEmpty, short.count < long.count else { return false }
        return long.starts(with: short) || (short.count == 1 && short.last == long.last)
    }

    /// Whether two names of as many words, not the same, differ only where one has an initial, `T` or `T.`, for the
    /// other's word (`Basuki T Purnama`, `Basuki Tjahaja Purnama`).
    static func isSameWithInitials(_ a: [Substring], _ b: [Substring]) -> Bool {
        guard a.count == b.count, a.count >= 2, a != b else { return false }
        return zip(a, b).allSatisfy { x, y in
            if x == y { return true }
            let (initial, word) = x.count <= 2 ? (x, y) : (y, x)
            guard initial.count <= 2, word.count > 2, let letter = initial.first, letter.isLetter else { return false }
            return (initial.count == 1 || initial.last == ".") && word.first == letter
        }
    }

    /// The edit distance (Levenshtein's) of `a` and `b` when it is at most `limit`, else nil: it stops at the first
    /// row of the table whose every cell exceeds the limit (no later row can come back under it).
    static func editDistance<Letter: Equatable>(_ a: [Letter], _ b: [Letter], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                smallest = min(smallest, current[j])
            }
            guard smallest <= limit else { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    // MARK: - Counting

    public struct Stats: Sendable, Codable {
        public var documents: Int
        public var sentences: Int
        public var entities: Int
        public var people: Int
        public var organizations: Int
        public var programs: Int
        public var places: Int
        public var mentions: Int
        public var events: Int
        public var figures: Int
        public var money: Int
        public var dates: Int
        public var officeTerms: Int
        public var nearDuplicates: Int
        /// Documents extracted by rules other than those asked about (an edited gazetteer, another kb): an ingest of
        /// their files extracts them again. Nil when no rules were given.
        public var otherRules: Int?
        /// Indexes a first ingest that did not end left unbuilt: the next ingest builds them, queries meanwhile answer
        /// more slowly.
        public var deferredIndexes: Int

        enum CodingKeys: String, CodingKey {
            case documents, sentences, entities, people, organizations, programs, places, mentions, events, figures, money, dates
            case officeTerms = "office_terms", nearDuplicates = "near_duplicates", otherRules = "other_rules", deferredIndexes = "deferred_indexes"
        }
    }

    /// What the knowledge base holds; with `rulesVersion` (`ExtractionResources.rulesVersion`), also how many documents
    /// other rules extracted.
    public func stats(rulesVersion: String? = nil) throws(KnowledgeBaseError) -> Stats {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return Stats(documents: try count("SELECT count(*) FROM document"),
                         sentences: try count("SELECT count(*) FROM sentence"),
                         entities: try count("SELECT count(*) FROM entity WHERE id IN (SELECT entityId FROM mention)"),
                         people: try count("SELECT count(*) FROM entity WHERE kind = 'person' AND id IN (SELECT entityId FROM mention)"),
                         organizations: try count("SELECT count(*) FROM entity WHERE kind = 'organization' AND id IN (SELECT entityId FROM mention)"),
                         programs: try count("SELECT count(*) FROM entity WHERE kind = 'program' AND id IN (SELECT entityId FROM mention)"),
                         places: try count("SELECT count(*) FROM entity WHERE kind = 'place' AND id IN (SELECT entityId FROM mention)"),
                         mentions: try count("SELECT count(*) FROM mention"),
                         events: try count("SELECT count(*) FROM event"),
                         figures: try count("SELECT count(*) FROM figure"),
                         money: try count("SELECT count(*) FROM money"),
                         dates: try count("SELECT count(*) FROM dateMention"),
                         officeTerms: try count("SELECT count(*) FROM officeTerm"),
                         nearDuplicates: try count("SELECT count(*) / 2 FROM nearDuplicate"),
                         otherRules: try rulesVersion.map { version in
                             try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE rulesVersion IS NOT ?", arguments: [version]) ?? 0
                         },
                         deferredIndexes: try count("SELECT count(*) FROM deferredIndex"))
        }
    }

    /// A digest of every table's rows, to show that a second ingest changed nothing.
    public func fingerprint() throws(KnowledgeBaseError) -> String {
        try read { db in
            var parts: [String] = []
            for table in ["document", "nearDuplicate", "sentence", "entity", "alias", "mention", "figure", "money", "dateMention",
                          "event", "eventRole", "officialMention", "officeTerm", "personVariant"] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                parts.append("\(table):\(rows.map { $0.description }.sorted().joined(separator: "|"))")
            }
            return ContentHash.hex(parts.joined(separator: "\n").utf8)
        }
    }
}
