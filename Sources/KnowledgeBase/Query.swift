import Corpus
public import Extractor
import Foundation
import GRDB

/// What a query asks for.
public enum QueryIntent: String, Sendable, Codable {
    case events, officials, figures, money, places, sentences
}

/// How kb understood a query: the intent, the entities it names, the period and the words left for full-text search.
public struct UnderstoodQuery: Sendable, Codable {
    public var intent: QueryIntent
    public var entities: [Named] = []
    public var from: String?
    public var to: String?
    public var period: String?
    /// A title asked about with a word naming Indonesia's government after it (`siapa Presiden RI`): Indonesia's office
    /// of that name is meant, not every office the title starts (`Presiden Amerika Serikat`, `Presiden ke-3 RI`). Absent
    /// (nil) otherwise, so that queries understood before it was read decode as they were.
    public var national: Bool?
    public var text: String = ""

    public struct Named: Sendable, Codable, Hashable {
        public var id: String
        public var kind: String
        public var name: String
    }

    /// `events · program=Karang Taruna · year=2025 · text=""`.
    public var summary: String {
        var parts = [intent.rawValue]
        for e in entities { parts.append("\(e.kind == "organization" ? "org" : e.kind)=\(e.name)") }
        if national == true { parts.append("national") }
        if let period { parts.append(period) }
        parts.append("text=\"\(text)\"")
        return parts.joined(separator: " · ")
    }
}

/// One answer to a query, with its source.
public struct QueryResult: Sendable, Codable {
    public struct Source: Sendable, Codable {
        public var id: String
        public var title: String?
        public var source: String
        public var outlet: String?
        public var published: String?
    }

    public var kind: String
    public var date: String?
    public var actor: String?
    public var action: String?
    public var program: String?
    public var place: String?
    public var figures: String?
    public var person: String?
    public var position: String?
    public var organization: String?
    public var value: Double?
    public var unit: String?
    public var qualifier: String?
    public var document: Source
    public var sentence: String
    public var span: [Int]
    public var score: Int
    /// Near-duplicate documents that report the same figure (the same story from another outlet), besides `document`.
    public var alsoReportedBy: [Source] = []
    /// An official's other names, taken for the same person (misprints, a shorter form: `personVariant`).
    public var alsoWritten: [String]?
}

/// A query's results, and what was left out of it or widened to find them.
public struct QueryAnswer: Sendable, Codable {
    public var results: [QueryResult]
    public var notes: [QueryNote] = []
}

/// Something an answer did not match as asked, so that the reader knows what the results stand for.
public struct QueryNote: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// No holder of the office is named with the places or programs asked about: holders named with any are listed
        /// (`siapa Kapolres Jakarta Utara`).
        case officeNotNamedWith
        /// No title or organization has these words, so they were left out (`siapa Kepala Dinas Sosial yang baru`).
        case wordsInNoTitle
        /// No figure's own sentence has these words: the figures are of documents that have them in other sentences.
        case wordsElsewhereInDocument
    }

    public var kind: Kind
    /// The words or names concerned, as asked.
    public var terms: [String]

    public init(_ kind: Kind, _ terms: [String]) {
        self.kind = kind
        self.terms = terms
    }

    public var description: String {
        let listed = terms.map { "‘\($0)’" }.joined(separator: ", ")
        switch kind {
        case .officeNotNamedWith: return "no holder of the office is named with \(listed): its holders everywhere are listed"
        case .wordsInNoTitle: return "no title or organization has \(listed): left out"
        case .wordsElsewhereInDocument: return "no figure's own sentence has \(listed): figures of documents that have them elsewhere"
        }
    }
}

/// Reads Indonesian questions and keyword queries and answers them from the knowledge base.
public struct QueryEngine: Sendable {
    public let kb: KnowledgeBase
    public let resources: ExtractionResources

    public init(kb: KnowledgeBase, resources: ExtractionResources) {
        self.kb = kb
        self.resources = resources
    }

    static let intentWords: [String: QueryIntent] = [
        "kegiatan": .events, "acara": .events, "aktivitas": .events, "agenda": .events, "program": .events,
        "siapa": .officials, "pejabat": .officials, "berapa": .figures, "jumlah": .figures, "angka": .figures,
        "dimana": .places, "lokasi": .places, "tempat": .places,
    ]
    /// Words that ask for amounts of money (`berapa anggaran bansos`, `dana hibah 2025`): they make a question about
    /// figures, or one without an intent, one about money, and stay words its sentences must have. A currency's name
    /// (`rupiah`, `Rp`) asks for money alone.
    static let moneyWords: Set<String> = ["anggaran", "dana", "biaya", "harga", "uang", "kerugian", "gaji", "upah", "tarif",
                                          "insentif", "pagu", "belanja"]
    static let currencyWords: Set<String> = ["rp", "rupiah"]
    static let stopWords: Set<String> = ["di", "yang", "dan", "pada", "tahun", "bulan", "apa", "saja", "ke", "dari", "untuk", "oleh",
                                         "dengan", "para", "itu", "ini", "sejak", "hingga", "sampai", "antara", "mana", "adalah", "sebagai"]

    // MARK: - Understanding

    public func understand(_ query: String) throws(KnowledgeBaseError) -> UnderstoodQuery {
        let tokens = resources.analyzer.tokenizer.tokenize(Array(query.unicodeScalars))
        var used = Set<Int>()
        var intent: QueryIntent?
        for (i, t) in tokens.enumerated() {
            if t.normalized == "di", i + 1 < tokens.count, tokens[i + 1].normalized == "mana" {
                intent = intent ?? .places
                used.formUnion([i, i + 1])
            } else if let found = Self.intentWords[t.normalized] {
                // `program` is an intent only when it is not part of a name (`Program Keluarga Harapan`).
                if t.normalized == "program", resources.matcher.matches(in: tokens).contains(where: { $0.tokenRange.contains(i) }) { continue }
                intent = intent ?? found
                used.insert(i)
            }
        }
        if intent == nil || intent == .figures,
           tokens.contains(where: { Self.moneyWords.contains($0.normalized) || Self.currencyWords.contains($0.normalized) }) {
            intent = .money
            for (i, t) in tokens.enumerated() where Self.currencyWords.contains(t.normalized) { used.insert(i) }
        }
        var understood = UnderstoodQuery(intent: intent ?? .events)
        // Periods: `2025`, `Juli 2025`, `2024-2025`, `sejak Maret 2025`, `hingga Mei 2025`.
        var i = 0
        var direction = ""
        while i < tokens.count {
            let t = tokens[i]
            if ["sejak", "mulai", "dari"].contains(t.normalized) { direction = "from"; i += 1; continue }
            if ["hingga", "sampai", "sebelum"].contains(t.normalized) { direction = "to"; i += 1; continue }
            var period: (String, String, String)?
            if let month = IndonesianCalendar.month(named: t.text), t.text.count >= 3, i + 1 < tokens.count, let year = Self.year(tokens[i + 1].text) {
                let last = CalendarDate.daysIn(month: month, year: year)
                period = (String(format: "%04d-%02d-01", year, month), String(format: "%04d-%02d-%02d", year, month, last),
                          "month=\(String(format: "%04d-%02d", year, month))")
                used.formUnion([i, i + 1])
                i += 2
            } else if let year = Self.year(t.text) {
                if i + 2 < tokens.count, tokens[i + 1].text == "-" || tokens[i + 1].text == "–", let end = Self.year(tokens[i + 2].text) {
                    period = ("\(year)-01-01", "\(end)-12-31", "years=\(year)-\(end)")
                    used.formUnion([i, i + 1, i + 2])
                    i += 3
                } else {
                    period = ("\(year)-01-01", "\(year)-12-31", "year=\(year)")
                    used.insert(i)
                    i += 1
                }
            } else {
                i += 1
                continue
            }
            if let (from, to, label) = period {
                switch direction {
                case "from": understood.from = from; understood.period = "from=\(from)"
                case "to": understood.to = to; understood.period = "to=\(to)"
                default: understood.from = from; understood.to = to; understood.period = label
                }
                direction = ""
            }
        }
        // Names: gazetteer entries, then what the knowledge base learned (people, acronyms).
        // Positions overlap organizations (`Kepala Dinas Sosial` / `Dinas Sosial`): both are kept.
        let matches = resources.matcher.matches(in: tokens)
        // `siapa Presiden RI`, `siapa Menteri Perhubungan Republik Indonesia`: Indonesia's office (see `national`).
        let nationalSuffixes = resources.gazetteer.words["national_suffix"] ?? []
        for m in matches where m.kind == .position {
            if nationalSuffixes.contains(where: { Gazetteer.normalize(m.surface).hasSuffix(" " + $0) }) { understood.national = true }
            let after = m.tokenRange.upperBound
            if let n = Gazetteer.longestPhrase(tokens[after...].map(\.normalized), upTo: 2, where: nationalSuffixes.contains) {
                understood.national = true
                used.formUnion(after..<(after + n))
            }
        }
        for m in matches where !m.tokenRange.contains(where: used.contains) || m.kind == .position {
            understood.entities.append(.init(id: m.id, kind: m.kind.rawValue, name: resources.gazetteer.entry(m.id)?.name ?? m.surface))
        }
        // A word that says a place follows (`Kelurahan Baru`) is part of the place asked about, not text to search.
        let placeContext = resources.gazetteer.words["place_context"] ?? []
        for m in matches {
            used.formUnion(m.tokenRange)
            if m.kind == .place, m.tokenRange.lowerBound > 0, placeContext.contains(tokens[m.tokenRange.lowerBound - 1].normalized) {
                used.insert(m.tokenRange.lowerBound - 1)
            }
        }
        // A kelurahan named like a word (`Baru`, `Kramat`) is that place only after such a word, as in documents. The
        // matcher applies that rule; the names below are looked up regardless of case (queries are typed in lowercase,
        // which the matcher's capital rule refuses), so they apply it again.
        let ambiguousPlaces = resources.gazetteer.words["ambiguous_place"] ?? []
        let words = tokens.enumerated().filter { !used.contains($0.offset) && ($0.element.kind == .word || $0.element.kind == .number || $0.element.kind == .abbreviation) }
        var k = 0
        var leftover: [Token] = []
        while k < words.count {
            // A province, city or country outside Jakarta (`Jawa Barat`) qualifies the title asked about: it stays
            // text, for the officials' titles, and is never looked up as a name.
            if let n = resources.rules.regionLength(words[k...].lazy.map(\.element.normalized)) {
                leftover += words[k..<(k + n)].map(\.element)
                k += n
                continue
            }
            var matched = false
            for n in stride(from: min(6, words.count - k), through: 1, by: -1) {
                let phrase = words[k..<(k + n)].map(\.element.normalized).joined(separator: " ")
                // An acronym (a case-sensitive alias) names its entity here if it would in other documents (`PRSA`; not
                // `Ibu Kota`, a movement's: see `LearnedAcronym.travels`), also not in capitals (`prsa`) unless then a
                // word of the language (`ibu`, `Ibu` are not `IBU`).
                let written = words[k..<(k + n)].map(\.element.text)
                let ordinaryWord = written.contains { $0 != $0.uppercased() && resources.analyzer.isKnownWord($0.lowercased()) }
                // A person people.tsv knows by this name (`Jokowi`), whatever gazetteer the knowledge base was built with.
                var hits = resources.gazetteer.person(named: phrase).map { [UnderstoodQuery.Named(id: $0.id, kind: "person", name: $0.name)] } ?? []
                if hits.isEmpty { hits = try kb.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT e.id, e.kind, e.name, a.alias, a.caseSensitive FROM alias a JOIN entity e ON e.id = a.entityId
                        WHERE a.normalized = ? AND e.id IN (SELECT entityId FROM mention) LIMIT 10
                        """, arguments: [Gazetteer.normalize(phrase)])
                        .filter { row in
                            let alias: String = row["alias"]
                            return !row["caseSensitive"] || (LearnedAcronym.travels(alias) && (alias == written.joined(separator: " ") || !ordinaryWord))
                        }
                        .map { UnderstoodQuery.Named(id: $0["id"], kind: $0["kind"], name: $0["name"]) }
                } }
                let placeNamed = words[k].offset > 0 && placeContext.contains(tokens[words[k].offset - 1].normalized)
                if let hit = hits.first, n > 1 || !Self.stopWords.contains(phrase),
                   hit.kind != "place" || !ambiguousPlaces.contains(phrase) || placeNamed {
                    if !understood.entities.contains(hit) { understood.entities.append(hit) }
                    k += n
                    matched = true
                    break
                }
            }
            if !matched {
                if !Self.stopWords.contains(words[k].element.normalized) { leftover.append(words[k].element) }
                k += 1
            }
        }
        understood.text = leftover.map(\.text).joined(separator: " ")
        if intent == nil, understood.entities.isEmpty, !understood.text.isEmpty { understood.intent = .sentences }
        return understood
    }

    /// The words of a query's text, lowercased, each with the spellings it may be written with in a title: a region's
    /// words together, with its other spellings (`jabar` → `jawa barat`, `jabar`), any other word alone.
    func titleWords(_ text: String) -> [(phrase: String, spellings: [String], region: Bool)] {
        let words = text.lowercased().split(separator: " ").map(String.init)
        var result: [(phrase: String, spellings: [String], region: Bool)] = []
        var k = 0
        while k < words.count {
            let region = resources.rules.regionLength(words[k...])
            let phrase = words[k..<(k + (region ?? 1))].joined(separator: " ")
            result.append((phrase, resources.gazetteer.spellings(of: phrase), region != nil))
            k += region ?? 1
        }
        return result
    }

    static func year(_ s: String) -> Int? {
        guard s.count == 4, let y = Int(s), (1900...2100).contains(y) else { return nil }
        return y
    }

    // MARK: - Answering

    public func answer(_ q: UnderstoodQuery, limit: Int) throws(KnowledgeBaseError) -> [QueryResult] {
        try respond(q, limit: limit).results
    }

    /// The results, with what was left out of the query or widened to find them.
    public func respond(_ q: UnderstoodQuery, limit: Int) throws(KnowledgeBaseError) -> QueryAnswer {
        switch q.intent {
        case .events: return QueryAnswer(results: try events(q, limit: limit))
        case .officials: return try officials(q, limit: limit)
        case .figures: return try figures(q, limit: limit)
        case .money: return try money(q, limit: limit)
        case .places: return QueryAnswer(results: try places(q, limit: limit))
        case .sentences: return QueryAnswer(results: try sentences(q, limit: limit))
        }
    }

    /// The FTS5 query for the leftover words: each word's stem, all required.
    func ftsQuery(_ text: String) -> String? {
        let terms = ftsTerms(text)
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// One FTS5 term per word of `text`: its stem, quoted as an FTS5 string so user text is never FTS syntax.
    func ftsTerms(_ text: String) -> [String] {
        resources.analyzer.tokenizer.tokenize(Array(text.unicodeScalars)).filter { $0.kind == .word || $0.kind == .number }
            .map { "\"" + $0.stem.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    }

    /// A list as a JSON array, the one way user values reach SQL as a list (`IN (SELECT value FROM json_each(?))`).
    static func jsonArray(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    public static let documentColumns = "d.id AS docId, d.headline AS docTitle, d.source AS docSource, d.outlet AS docOutlet, d.published AS docPublished"

    static func source(_ row: Row) -> QueryResult.Source {
        QueryResult.Source(id: row["docId"], title: row["docTitle"], source: row["docSource"], outlet: row["docOutlet"], published: row["docPublished"])
    }

    /// Events matching the query, ranked by how many of its entities they involve; `placed` keeps only those with a place.
    ///
    /// An office asked about without a person (`kegiatan Kepala Dinas Sosial Juli 2025`, `kegiatan Presiden RI 2019`) is
    /// its holders then (those `siapa` would list, of its most evidenced office) or its organization: an event involves
    /// one of them, and every other entity asked about. An office without either has no events.
    func events(_ q: UnderstoodQuery, limit: Int, placed: Bool = false) throws(KnowledgeBaseError) -> [QueryResult] {
        let named = q.entities.filter { $0.kind != "position" }.map(\.id)
        let fts = ftsQuery(q.text)
        return try kb.read { db in
            var ids = named
            var anyOf: [String] = []
            if let office = try officeStandIns(q, db) {
                anyOf = office
                ids.removeAll(where: office.contains)
                guard !anyOf.isEmpty else { return [] }
            }
            var sql = """
                SELECT e.*, \(Self.documentColumns),
                       (SELECT count(DISTINCT entityId) FROM eventRole r WHERE r.eventId = e.id AND r.entityId IN (SELECT value FROM json_each(?))) AS hits
                FROM event e JOIN document d ON d.id = e.documentId WHERE 1 = 1
                """
            var arguments: StatementArguments = [try Self.jsonArray(ids + anyOf)]
            // Filters are written as `e.id IN (…)` computed once, not as subqueries run for every event of the base.
            if !ids.isEmpty {
                sql += " AND e.id IN (SELECT eventId FROM eventRole WHERE entityId IN (SELECT value FROM json_each(?)) GROUP BY eventId HAVING count(DISTINCT entityId) = ?)"
                arguments += [try Self.jsonArray(ids), ids.count]
            }
            if !anyOf.isEmpty {
                sql += " AND e.id IN (SELECT eventId FROM eventRole WHERE entityId IN (SELECT value FROM json_each(?)))"
                arguments += [try Self.jsonArray(anyOf)]
            }
            if let from = q.from { sql += " AND e.dateEnd >= ?"; arguments += [from] }
            if let to = q.to { sql += " AND e.dateStart <= ?"; arguments += [to] }
            if placed { sql += " AND e.location IS NOT NULL" }
            if let fts {
                sql += """
                     AND e.id IN (SELECT m.id FROM sentenceSearch f JOIN sentence s ON s.id = f.rowid JOIN event m ON m.documentId = s.documentId
                                  WHERE sentenceSearch MATCH ? AND s.start >= m.start AND s.end <= m.end)
                    """
                arguments += [fts]
            }
            sql += " ORDER BY hits DESC, e.dateStart DESC, e.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let participants = (try? JSONDecoder().decode([Participants].self, from: Data((row["participants"] as String? ?? "[]").utf8))) ?? []
                return QueryResult(kind: "event", date: row["date"], actor: row["actor"], action: row["action"], program: row["program"],
                                   place: row["location"], figures: participants.map { "\(Self.format($0.value)) \($0.unit ?? "")" }.joined(separator: ", "),
                                   document: Self.source(row), sentence: row["sentence"], span: [row["start"], row["end"]], score: row["hits"])
            }
        }
    }

    /// What an office asked about without a person stands for in a list of activities: its holders in the query's period
    /// (those `siapa` would list, of its most evidenced office, with the names folded into them) and the organizations
    /// asked about (`Kepala Dinas Sosial`: Dinas Sosial). Nil when the query names no such office; empty when no one
    /// held it and it has no organization.
    func officeStandIns(_ q: UnderstoodQuery, _ db: Database) throws -> [String]? {
        guard q.entities.contains(where: { $0.kind == "position" }), !q.entities.contains(where: { $0.kind == "person" }) else { return nil }
        let (terms, folded, _) = try holdings(q, db)
        var standIns: [String] = []
        if let office = terms.first?["titleKey"] as String? {
            standIns = terms.filter { $0["titleKey"] == office }.flatMap { Self.members(of: $0, folded.folded) }
        }
        return standIns + q.entities.filter { $0.kind == "organization" }.map(\.id)
    }

    func officials(_ q: UnderstoodQuery, limit: Int) throws(KnowledgeBaseError) -> QueryAnswer {
        try kb.read { db in
            let (terms, folded, notes) = try holdings(q, db)
            var results: [QueryResult] = []
            for term in terms.prefix(limit) {
                let personID: String = term["personId"]
                let titleKey: String = term["titleKey"]
                let evidence = try Row.fetchOne(db, sql: """
                    SELECT m.*, \(Self.documentColumns), s.text AS sentenceText FROM officialMention m JOIN document d ON d.id = m.documentId
                    LEFT JOIN sentence s ON s.documentId = m.documentId AND s.start <= m.start AND s.end >= m.end
                    WHERE m.personId IN (SELECT value FROM json_each(?)) AND m.titleKey = ? AND NOT m.former
                    ORDER BY (m.date <= ?) DESC, m.date DESC LIMIT 1
                    """, arguments: [try Self.jsonArray(Self.members(of: term, folded.folded)), titleKey, q.to ?? "9999"])
                guard let evidence else { continue }
                var result = QueryResult(kind: "official", date: "\(term["firstDate"] as String)/\(term["lastDate"] as String)",
                                         person: term["personName"], position: term["title"], organization: term["orgName"],
                                         document: Self.source(evidence), sentence: evidence["sentenceText"] ?? evidence["surface"],
                                         span: [evidence["start"], evidence["end"]], score: term["evidence"])
                result.alsoWritten = folded.names[Holding(person: personID, office: titleKey)]
                results.append(result)
            }
            return QueryAnswer(results: results, notes: results.isEmpty ? [] : notes)
        }
    }

    /// The holder of a term and those folded into it (`foldVariants`).
    static func members(of term: Row, _ folded: [Holding: String]) -> [String] {
        let personID: String = term["personId"]
        let titleKey: String = term["titleKey"]
        return [personID] + folded.filter { $0.key.office == titleKey && $0.value == personID }.map(\.key.person).sorted()
    }

    /// The terms that answer an officials query, grouped by office, most evidenced office first (`byOffice`), with the
    /// holdings folded into them and what was left out of the question or widened to find them.
    func holdings(_ q: UnderstoodQuery, _ db: Database) throws
        -> (terms: [Row], folded: (folded: [Holding: String], names: [Holding: [String]]), notes: [QueryNote]) {
        let positions = q.entities.filter { $0.kind == "position" }.map(\.id)
        let orgs = q.entities.filter { $0.kind == "organization" }.map(\.id)
        let people = q.entities.filter { $0.kind == "person" }.map(\.id)
        let words = titleWords(q.text)
        func officeTerms(_ words: [[String]]) throws -> [Row] {
            var sql = """
                SELECT t.*, p.name AS personName, p.fromGazetteer AS personKnown, o.name AS orgName
                FROM officeTerm t JOIN entity p ON p.id = t.personId LEFT JOIN entity o ON o.id = t.orgId WHERE 1 = 1
                """
            var arguments: StatementArguments = []
            for (column, values) in [("t.titleKey", positions), ("t.orgId", orgs), ("t.personId", people)] where !values.isEmpty {
                if column == "t.titleKey" {
                    sql += " AND (" + values.map { _ in "t.titleKey LIKE ?" }.joined(separator: " OR ") + ")"
                    arguments += StatementArguments(values.map { $0 + "@%" })
                } else {
                    sql += " AND \(column) IN (SELECT value FROM json_each(?))"
                    arguments += [try Self.jsonArray(values)]
                }
            }
            // Each word left over must be a word of the title or of the organization's name, in one of its spellings.
            for spellings in words {
                sql += " AND (" + spellings.map { _ in
                    "instr(' ' || lower(t.title) || ' ', ?) > 0 OR instr(' ' || lower(coalesce(o.name, '')) || ' ', ?) > 0"
                }.joined(separator: " OR ") + ")"
                for spelling in spellings { arguments += [" \(spelling) ", " \(spelling) "] }
            }
            // The holder at a time: the latest whose first evidence is not after the period's end.
            if let to = q.to { sql += " AND t.firstDate <= ?"; arguments += [to] }
            sql += " ORDER BY t.firstDate DESC"
            return try Row.fetchAll(db, sql: sql, arguments: arguments)
        }
        // `Luar Negeri` in `siapa Menteri Luar Negeri` narrows the titles; a word no title has (`siapa Kepala Dinas
        // Sosial yang baru`) is left out, but never a region (`siapa Gubernur Jawa Barat` names no other governor).
        var notes: [QueryNote] = []
        func narrowest(_ extra: [[String]]) throws -> [Row] {
            let terms = try officeTerms(words.map(\.spellings) + extra)
            guard terms.isEmpty, words.contains(where: { !$0.region }) else { return terms }
            let wider = try officeTerms(words.filter(\.region).map(\.spellings) + extra)
            if !wider.isEmpty { notes.append(QueryNote(.wordsInNoTitle, words.filter { !$0.region }.map(\.phrase))) }
            return wider
        }
        // A place asked about (`siapa Gubernur DKI Jakarta`) is named by the title or the organization, as a region
        // is; places no office names (`siapa Kepala Dinas Sosial Cengkareng`) narrow nothing.
        var places = q.entities.filter { $0.kind == "place" }.map { resources.gazetteer.spellings(of: $0.name.lowercased()) }
        // So is a program, by any name the knowledge base has for it (`siapa Menteri PUPR`: Menteri PUPR, Menteri
        // Pekerjaan Umum dan Perumahan Rakyat).
        for program in q.entities where program.kind == "program" {
            let aliases = try String.fetchAll(db, sql: "SELECT normalized FROM alias WHERE entityId = ?", arguments: [program.id])
            places.append(Array(Set(aliases + [program.name.lowercased()])).sorted())
        }
        var terms = try narrowest(places)
        if terms.isEmpty, !places.isEmpty {
            terms = try narrowest([])
            let named = q.entities.filter { $0.kind == "place" || $0.kind == "program" }.map(\.name)
            if !terms.isEmpty { notes.append(QueryNote(.officeNotNamedWith, named)) }
        }
        // Indonesia's office of the title asked about: the one the knowledge base keys by the position's name
        // (`Gazetteer.officeKey`: `Presiden`, `Presiden RI`, `Presiden Indonesia`), or one of a known organization.
        if q.national == true {
            let named = Set(positions.map { resources.gazetteer.officeKey(positionID: $0, title: resources.gazetteer.entry($0)?.name, orgID: nil) })
            terms = terms.filter { named.contains($0["titleKey"]) || ($0["orgId"] as String?) != nil }
        }
        let holders = Array(Set(terms.map { $0["personId"] as String }))
        let variants = try Row.fetchAll(db, sql: """
            SELECT personId, variantId FROM personVariant WHERE personId IN (SELECT value FROM json_each(?))
            """, arguments: [try Self.jsonArray(holders)]).map { ($0["personId"] as String, $0["variantId"] as String) }
        let folded = Self.foldVariants(terms, variants: variants)
        terms = folded.terms
        // A holding's mentions are its variants' too.
        let mentions = try Row.fetchAll(db, sql: """
            SELECT personId, titleKey, date FROM officialMention
            WHERE personId IN (SELECT value FROM json_each(?)) AND date IS NOT NULL AND NOT former
            """, arguments: [try Self.jsonArray(holders)])
        let overshadowed = Self.overshadowed(terms, mentions: Dictionary(grouping: mentions) { row in
            let office: String = row["titleKey"]
            let person: String = row["personId"]
            return Holding(person: folded.folded[Holding(person: person, office: office)] ?? person, office: office)
        }.mapValues { rows in rows.map { $0["date"] as String } })
        terms = Self.byOffice(terms, overshadowed: overshadowed, period: q.to != nil || q.from != nil ? q.from ?? "" : nil)
        return (terms, (folded.folded, folded.names), notes)
    }

    /// One person in one office.
    struct Holding: Hashable {
        var person: String
        var office: String
    }

    /// Terms of one office whose holders are variants of one name (`personVariant`: `Airlangga Hartarto` and its misprint
    /// `Airlangga Hatarto`, `Agus Gumiwang` and `Agus Gumiwang Kartasasmita`) as one term under the most evidenced name:
    /// from the earliest first day to the latest last day, with the evidence of all. `terms` are latest first day first,
    /// and so are the terms returned; `folded` maps each holding folded into another to that one's person, `names` the
    /// holdings kept to the other names folded into them.
    static func foldVariants(_ terms: [Row], variants: [(String, String)]) -> (terms: [Row], folded: [Holding: String], names: [Holding: [String]]) {
        guard !variants.isEmpty else { return (terms, [:], [:]) }
        let linked = Set(variants.map { [$0.0, $0.1] })
        // Groups of linked holders, office by office (each linked to some other in the group).
        var group = Array(terms.indices)
        func root(_ i: Int) -> Int { group[i] == i ? i : root(group[i]) }
        let byOffice = Dictionary(grouping: terms.indices, by: { terms[$0]["titleKey"] as String })
        for indices in byOffice.values {
            for i in indices {
                for j in indices where j > i && linked.contains([terms[i]["personId"] as String, terms[j]["personId"] as String]) {
                    group[root(j)] = root(i)
                }
            }
        }
        let groups = Dictionary(grouping: terms.indices, by: root)
        var kept: [Row] = []
        var folded: [Holding: String] = [:]
        var names: [Holding: [String]] = [:]
        for members in groups.values {
            // The name people.tsv gives the person (`Anies Baswedan`, not its misprint `Anies Rasyis Baswedan`), else the
            // most evidenced name, ties to the longest (`Agus Gumiwang Kartasasmita`), then the first given.
            let head = members.max { a, b in
                let (p, q) = (terms[a]["personKnown"] as Bool, terms[b]["personKnown"] as Bool)
                if p != q { return q }
                let (x, y) = (terms[a]["evidence"] as Int, terms[b]["evidence"] as Int)
                if x != y { return x < y }
                let (m, n) = ((terms[a]["personName"] as String).count, (terms[b]["personName"] as String).count)
                return m != n ? m < n : a > b
            }!
            guard members.count > 1 else { kept.append(terms[head]); continue }
            var row = Dictionary(terms[head].map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            row["firstDate"] = members.map { terms[$0]["firstDate"] as String }.min()!.databaseValue
            row["lastDate"] = members.map { terms[$0]["lastDate"] as String }.max()!.databaseValue
            row["evidence"] = members.reduce(0) { $0 + (terms[$1]["evidence"] as Int) }.databaseValue
            kept.append(Row(row))
            let office: String = terms[head]["titleKey"]
            let person: String = terms[head]["personId"]
            for k in members where k != head { folded[Holding(person: terms[k]["personId"], office: office)] = person }
            names[Holding(person: person, office: office)] = members.filter { $0 != head }.sorted().map { terms[$0]["personName"] as String }
        }
        // Latest first day first, as given; ties in the order given.
        let order = Dictionary(uniqueKeysWithValues: terms.indices.map { (Holding(person: terms[$0]["personId"], office: terms[$0]["titleKey"]), $0) })
        return (kept.sorted { a, b in
            let (x, y) = (a["firstDate"] as String, b["firstDate"] as String)
            if x != y { return x > y }
            return order[Holding(person: a["personId"], office: a["titleKey"])]! < order[Holding(person: b["personId"], office: b["titleKey"])]!
        }, folded, names)
    }

    /// The terms (indices into `terms`) that are overshadowed. A term is overshadowed when another holder of the same
    /// office was named no later than its first day and, from that day on, at least `overshadowing` times as often as
    /// the term's whole evidence. An office has one holder at a time, so such a term is most likely a misprint or a
    /// misreading (`Ridwal Kamil`, `Tipe` among Ridwan Kamil's mentions on the news corpus): it is still listed, after
    /// the holders, and is no answer for a time asked about (`byOffice`). A successor is not: its predecessor is seldom
    /// named once it has come. `mentions` holds the days of each holding's mentions (dated ones, no former holder's).
    static func overshadowed(_ terms: [Row], mentions: [Holding: [String]]) -> Set<Int> {
        struct Term {
            var holding: Holding
            var first: String
            var evidence: Int
        }
        let periods = terms.map { row in
            Term(holding: Holding(person: row["personId"], office: row["titleKey"]),
                 first: DocumentWriter.bounds(of: row["firstDate"]).0 ?? "", evidence: row["evidence"])
        }
        // A mention's day is its last possible one: `2019` may be any day of that year.
        let lastDays = mentions.mapValues { dates in dates.compactMap { DocumentWriter.bounds(of: $0).1 } }
        let byOffice = Dictionary(grouping: periods.indices, by: { periods[$0].holding.office })
        return Set(periods.indices.filter { k in
            let t = periods[k]
            return byOffice[t.holding.office, default: []].contains { j in
                let u = periods[j]
                guard j != k, u.first <= t.first else { return false }
                let since = lastDays[u.holding, default: []].count { $0 >= t.first }
                return since >= overshadowing * t.evidence
            }
        })
    }

    /// Office terms (latest first day first) as answered: one office after another, the most evidenced first
    /// (`siapa Presiden` starts with the office named hundreds of times, not with the one first named last), and within
    /// an office its holders, latest first, the overshadowed ones after them. For a period asked about (`period` is its
    /// first day, empty when it has none; the terms are those first named by its end), an office's answers are its
    /// holders during the period: the one holding it when the period began (the latest first named before) and those
    /// first named within it (`siapa Kapolri 2019`: the Kapolri and, from October, the acting one), no overshadowed
    /// term among them.
    static func byOffice(_ terms: [Row], overshadowed: Set<Int>, period: String?) -> [Row] {
        let offices = Dictionary(grouping: terms.indices, by: { terms[$0]["titleKey"] as String })
        let evidence = offices.mapValues { $0.reduce(0) { $0 + (terms[$1]["evidence"] as Int) } }
        // Offices in order of evidence, ties by the order given (latest first day first).
        var seen = Set<String>()
        let order = terms.compactMap { row -> String? in
            let office: String = row["titleKey"]
            return seen.insert(office).inserted ? office : nil
        }.enumerated().sorted { a, b in
            let (x, y) = (evidence[a.element, default: 0], evidence[b.element, default: 0])
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        return order.flatMap { office -> [Row] in
            let indices = offices[office, default: []]
            let holders = indices.filter { !overshadowed.contains($0) }
            guard let start = period else { return (holders + indices.filter(overshadowed.contains)).map { terms[$0] } }
            var during: [Int] = []
            for k in holders {
                during.append(k)
                if (DocumentWriter.bounds(of: terms[k]["firstDate"]).0 ?? "") < start { break }
            }
            return during.map { terms[$0] }
        }
    }

    /// How many times a holder must be named, from another's first day on, to overshadow it (`overshadowed`).
    static let overshadowing = 5

    func figures(_ q: UnderstoodQuery, limit: Int) throws(KnowledgeBaseError) -> QueryAnswer {
        let ids = q.entities.map(\.id)
        let names = q.entities.map(\.name)
        let words = q.text.lowercased().split(separator: " ").map(String.init)
        return try kb.read { db in
            // The first leftover word that is some figure's unit (`korban` in `berapa korban gempa`: the counted noun
            // comes first) filters by unit; the other words (`gempa`, even when it is a unit too) must be in the
            // figure's sentence, or, when no figure has them there, somewhere in its document.
            let unit = try Self.unitWords(words, db).first
            let terms = ftsTerms(words.filter { $0 != unit }.joined(separator: " "))
            var rows = try figureRows(db, q, ids: ids, names: names, unit: unit, terms: terms, sameSentence: true, limit: limit)
            var notes: [QueryNote] = []
            if rows.isEmpty, !terms.isEmpty {
                rows = try figureRows(db, q, ids: ids, names: names, unit: unit, terms: terms, sameSentence: false, limit: limit)
                if !rows.isEmpty { notes.append(elsewhereNote(words.filter { $0 != unit }, rows)) }
            }
            return QueryAnswer(results: try rows.map { row in
                QueryResult(kind: "figure", date: row["date"], program: row["about"], value: row["value"], unit: row["unit"],
                            qualifier: row["qualifier"], document: Self.source(row), sentence: row["sentence"],
                            span: [row["start"], row["end"]], score: 1, alsoReportedBy: try Self.copies(db, of: "figure", row["id"]))
            }, notes: notes)
        }
    }

    /// The note of results found with words elsewhere in their documents: the words, by their roots, that some result's
    /// sentence lacks (`meninggal` in `… 20 korban tewas akibat gempa`), else all of them.
    func elsewhereNote(_ words: [String], _ rows: [Row]) -> QueryNote {
        let sentences = rows.map { ScalarText.lowercased($0["sentence"] as String) }
        let lacking = words.filter { word in
            let root = resources.analyzer.tokenizer.tokenize(Array(word.unicodeScalars)).first?.stem ?? word
            return sentences.contains { !$0.contains(root) }
        }
        return QueryNote(.wordsElsewhereInDocument, lacking.isEmpty ? words : lacking)
    }

    /// Amounts of money (`berapa anggaran Dinas Sosial 2025`): those whose sentence has every word asked, else those
    /// whose document has them (with a note), with the places, programs and organizations asked named in the sentence.
    /// An amount is dated as a figure is, when stored (`DocumentWriter.occasion`).
    func money(_ q: UnderstoodQuery, limit: Int) throws(KnowledgeBaseError) -> QueryAnswer {
        let ids = q.entities.map(\.id)
        let words = q.text.lowercased().split(separator: " ").map(String.init)
        let terms = ftsTerms(q.text)
        return try kb.read { db in
            var rows = try moneyRows(db, q, ids: ids, terms: terms, sameSentence: true, limit: limit)
            var notes: [QueryNote] = []
            if rows.isEmpty, !terms.isEmpty {
                rows = try moneyRows(db, q, ids: ids, terms: terms, sameSentence: false, limit: limit)
                if !rows.isEmpty { notes.append(elsewhereNote(words, rows)) }
            }
            return QueryAnswer(results: try rows.map { row in
                QueryResult(kind: "money", date: row["date"], program: row["about"], value: row["value"], unit: row["currency"],
                            qualifier: row["qualifier"], document: Self.source(row), sentence: row["sentence"],
                            span: [row["start"], row["end"]], score: 1, alsoReportedBy: try Self.copies(db, of: "money", row["id"]))
            }, notes: notes)
        }
    }

    /// The other documents stating the figure (amount, `table` `money`) whose id is `id`: near-duplicates whose copy
    /// points at it (`sameAs`).
    static func copies(_ db: Database, of table: String, _ id: Int64) throws -> [QueryResult.Source] {
        try Row.fetchAll(db, sql: """
            SELECT \(documentColumns) FROM \(table) f JOIN document d ON d.id = f.documentId
            WHERE f.sameAs = ? GROUP BY d.id ORDER BY min(f.id)
            """, arguments: [id]).map(source)
    }

    private func moneyRows(_ db: Database, _ q: UnderstoodQuery, ids: [String], terms: [String], sameSentence: Bool,
                           limit: Int) throws -> [Row] {
        // With words for the sentence, the sentences that have them lead.
        let led = sameSentence && !terms.isEmpty
        var sql = "SELECT * FROM \(Self.amounts(led: led)) f WHERE 1 = 1"
        var arguments: StatementArguments = led ? [terms.joined(separator: " ")] : []
        if !ids.isEmpty {
            sql += """
                 AND EXISTS (SELECT 1 FROM mention x WHERE x.documentId = f.documentId AND x.entityId IN (SELECT value FROM json_each(?))
                             AND x.start >= f.sentenceStart AND x.end <= f.sentenceEnd)
                """
            arguments += [try Self.jsonArray(ids)]
        }
        if !sameSentence {
            let (clause, termArguments) = Self.figureTermsClause(terms, sameSentence: false)
            sql += clause
            arguments += termArguments
        }
        let (periodClause, periodArguments) = Self.periodClause(q)
        sql += periodClause
        arguments += periodArguments
        // An amount that near-duplicates state is one result, listing every source.
        sql += " AND f.sameAs IS NULL ORDER BY f.docPublished DESC, f.id LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// Amounts of money as a table with a figure's columns: each amount's sentence (`sentence`, `sentenceStart`,
    /// `sentenceEnd`) and its document's columns (`documentColumns`). `led`: only amounts in the sentences matching the
    /// full-text argument the SQL then takes, read from the index first (a few hundred sentences of hundreds of
    /// thousands; a document's row is long, and is read only for the amounts left).
    static func amounts(led: Bool) -> String {
        let amounts = led
            ? "sentenceSearch x JOIN sentence s ON s.id = x.rowid JOIN money m ON m.documentId = s.documentId AND m.start >= s.start AND m.end <= s.end"
            : "money m LEFT JOIN sentence s ON s.documentId = m.documentId AND s.start <= m.start AND s.end >= m.end"
        return """
            (SELECT m.*, s.id AS sentenceId, coalesce(s.text, m.surface) AS sentence, coalesce(s.start, m.start) AS sentenceStart,
                    coalesce(s.end, m.end) AS sentenceEnd, \(documentColumns)
             FROM \(amounts) CROSS JOIN document d ON d.id = m.documentId\(led ? " WHERE sentenceSearch MATCH ?" : ""))
            """
    }

    private func figureRows(_ db: Database, _ q: UnderstoodQuery, ids: [String], names: [String], unit: String?, terms: [String],
                            sameSentence: Bool, limit: Int) throws -> [Row] {
        var sql = "SELECT f.*, \(Self.documentColumns) FROM figure f JOIN document d ON d.id = f.documentId WHERE 1 = 1"
        var arguments: StatementArguments = []
        if !ids.isEmpty {
            sql += """
                 AND (f.aboutId IN (SELECT value FROM json_each(?)) OR f.about IN (SELECT value FROM json_each(?))
                      OR EXISTS (SELECT 1 FROM mention m WHERE m.documentId = f.documentId AND m.entityId IN (SELECT value FROM json_each(?))
                                 AND m.start >= f.sentenceStart AND m.end <= f.sentenceEnd))
                """
            let idsJSON = try Self.jsonArray(ids)
            arguments += [idsJSON, try Self.jsonArray(names), idsJSON]
        }
        if let unit {
            sql += " AND lower(f.unit) = ?"
            arguments += [unit]
        }
        let (clause, termArguments) = Self.figureTermsClause(terms, sameSentence: sameSentence)
        sql += clause
        arguments += termArguments
        let (periodClause, periodArguments) = Self.periodClause(q)
        sql += periodClause
        arguments += periodArguments
        // A figure that near-duplicates report is one result, listing every source.
        sql += " AND f.sameAs IS NULL ORDER BY d.published DESC, f.id LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// The SQL condition that a figure or an amount `f` is dated in the period asked, or not dated.
    static func periodClause(_ q: UnderstoodQuery) -> (String, StatementArguments) {
        var sql = ""
        var arguments: StatementArguments = []
        if let from = q.from { sql += " AND (f.date IS NULL OR substr(f.date, 1, 10) >= substr(?, 1, length(f.date)))"; arguments += [from] }
        if let to = q.to { sql += " AND (f.date IS NULL OR substr(f.date, 1, 10) <= ?)"; arguments += [to] }
        return (sql, arguments)
    }

    /// The SQL condition that a figure `f` has all `terms` (FTS5 terms) in its sentence, or, not `sameSentence`, each of
    /// them in some sentence of its document (an amount's too); nothing without terms.
    static func figureTermsClause(_ terms: [String], sameSentence: Bool) -> (String, StatementArguments) {
        guard !terms.isEmpty else { return ("", []) }
        if sameSentence {
            return ("""
                 AND f.id IN (SELECT g.id FROM sentenceSearch x JOIN sentence s ON s.id = x.rowid
                              JOIN figure g ON g.documentId = s.documentId AND g.sentenceStart = s.start
                              WHERE sentenceSearch MATCH ?)
                """, [terms.joined(separator: " ")])
        }
        let clause = " AND f.documentId IN (SELECT s.documentId FROM sentenceSearch x JOIN sentence s ON s.id = x.rowid WHERE sentenceSearch MATCH ?)"
        return (String(repeating: clause, count: terms.count), StatementArguments(terms))
    }

    /// The words that are some figure's unit. Words of ASCII letters, digits, `-` and `.` are looked up through the
    /// lower(unit) index (no other text is canonically equal to them); any other word is compared with every unit.
    static func unitWords(_ words: [String], _ db: Database) throws -> [String] {
        let plain = words.allSatisfy { word in
            word.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E }
        }
        let units: Set<String>
        if plain {
            units = try Set(String.fetchAll(db, sql: "SELECT DISTINCT lower(unit) FROM figure WHERE lower(unit) IN (SELECT value FROM json_each(?))",
                                            arguments: [try Self.jsonArray(words)]))
        } else {
            units = try Set(String.fetchAll(db, sql: "SELECT DISTINCT lower(unit) FROM figure WHERE unit IS NOT NULL"))
        }
        return words.filter(units.contains)
    }

    /// Where: the places of matching events, else the places named in the sentences that match the query's words
    /// and name its other entities (a program, an organization).
    func places(_ q: UnderstoodQuery, limit: Int) throws(KnowledgeBaseError) -> [QueryResult] {
        let placedEvents = try events(q, limit: limit, placed: true)
        let ids = q.entities.filter { $0.kind != "position" && $0.kind != "place" }.map(\.id)
        let fts = ftsQuery(q.text)
        guard placedEvents.isEmpty, fts != nil || !ids.isEmpty else { return placedEvents }
        return try kb.read { db in
            var sql = """
                SELECT p.name AS placeName, s.text AS sentenceText, s.start AS sentenceStart, s.end AS sentenceEnd, \(Self.documentColumns)
                FROM sentence s JOIN document d ON d.id = s.documentId
                JOIN mention m ON m.documentId = s.documentId AND m.start >= s.start AND m.end <= s.end
                JOIN entity p ON p.id = m.entityId AND p.kind = 'place'
                WHERE 1 = 1
                """
            var arguments: StatementArguments = []
            if let fts {
                sql += " AND s.id IN (SELECT rowid FROM sentenceSearch WHERE sentenceSearch MATCH ?)"
                arguments += [fts]
            }
            if !ids.isEmpty {
                sql += """
                     AND (SELECT count(DISTINCT o.entityId) FROM mention o WHERE o.documentId = s.documentId AND o.start >= s.start AND o.end <= s.end
                          AND o.entityId IN (SELECT value FROM json_each(?))) = ?
                    """
                arguments += [try Self.jsonArray(ids), ids.count]
            }
            if let from = q.from { sql += " AND substr(d.published, 1, 10) >= ?"; arguments += [from] }
            if let to = q.to { sql += " AND substr(d.published, 1, 10) <= ?"; arguments += [to] }
            // One row per place and sentence, the most recent releases first.
            sql += " GROUP BY s.id, p.id ORDER BY d.published DESC, s.id, min(m.start) LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                QueryResult(kind: "place", date: row["docPublished"], place: row["placeName"], document: Self.source(row),
                            sentence: row["sentenceText"], span: [row["sentenceStart"], row["sentenceEnd"]], score: 1)
            }
        }
    }

    func sentences(_ q: UnderstoodQuery, limit: Int) throws(KnowledgeBaseError) -> [QueryResult] {
        guard let fts = ftsQuery(q.text) else { return [] }
        return try kb.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, \(Self.documentColumns) FROM sentenceSearch f JOIN sentence s ON s.id = f.rowid JOIN document d ON d.id = s.documentId
                WHERE sentenceSearch MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [fts, limit]).map { row in
                QueryResult(kind: "sentence", date: row["docPublished"], document: Self.source(row), sentence: row["text"],
                            span: [row["start"], row["end"]], score: 1)
            }
        }
    }

    public static func format(_ v: Double?) -> String {
        guard let v else { return "?" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// Numbers as Indonesian writes them (`80.000`, `1,6`), with at most two decimals.
    static let indonesianNumber = FloatingPointFormatStyle<Double>.number.locale(Locale(identifier: "id_ID")).precision(.fractionLength(0...2))

    /// An amount as an Indonesian reader writes it: `Rp1,6 triliun`, `Rp2–3 miliar`, `Rp80.000 per kilogram`, `USD 1,5 juta`.
    /// Values from a million up take their scale word, with at most two decimals (a comma before them); smaller ones
    /// group thousands with a dot.
    public static func formatMoney(_ value: Double?, max: Double? = nil, currency: String, per: String? = nil) -> String {
        let scales: [(Double, String)] = [(1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")]
        let largest = Swift.max(value ?? 0, max ?? 0)
        let (divisor, word) = scales.first { largest >= $0.0 } ?? (1, "")
        func number(_ v: Double?) -> String { v.map { ($0 / divisor).formatted(indonesianNumber) } ?? "?" }
        let amount = number(value) + (max.map { "–" + number($0) } ?? "") + (word.isEmpty ? "" : " " + word)
        let symbol = currency == "IDR" ? "Rp" : currency + " "
        return symbol + amount + (per.map { " per " + $0 } ?? "")
    }
}
