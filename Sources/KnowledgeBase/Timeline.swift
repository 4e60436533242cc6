import Corpus
public import Extractor
import Foundation
import GRDB

/// One dated activity on a timeline, with its source.
public struct TimelineEntry: Sendable, Codable {
    public var id: Int64
    /// ISO 8601 at the precision the text gives: `2025-06-21`, `2025-07`, `2025`, or a range `start/end`.
    public var date: String?
    /// `day`, `month`, `year` or `range`.
    public var precision: String?
    public var start: String?
    public var end: String?
    public var actor: String?
    public var action: String
    public var program: String?
    public var place: String?
    public var figures: [Participants]
    /// Amounts of money its sentence states (`dana stimulan Rp2 miliar`).
    public var amounts: [Amount] = []
    public var sentence: String
    public var span: [Int]
    public var document: QueryResult.Source
    public var url: String?

    /// `21 Juni 2025`, `Juli 2025`, `2025`: the date as a person reads it, never more precise than known.
    public var displayDate: String {
        guard let date else { return "tanpa tanggal" }
        return date.split(separator: "/").map { part -> String in
            let p = part.split(separator: "-").compactMap { Int($0) }
            switch p.count {
            case 3: return "\(p[2]) \(IndonesianMonths.name(p[1])) \(p[0])"
            case 2: return "\(IndonesianMonths.name(p[1])) \(p[0])"
            default: return String(part)
            }
        }.joined(separator: " – ")
    }

    public var headline: String {
        [actor, action, program].compactMap { $0 }.joined(separator: " · ")
    }

    /// An amount of money, as stored.
    public struct Amount: Sendable, Codable, Hashable {
        public var value: Double?
        public var max: Double?
        public var currency: String
        public var per: String?

        /// `Rp1,6 triliun`, `Rp80.000 per kilogram`.
        public var display: String { QueryEngine.formatMoney(value, max: max, currency: currency, per: per) }
    }
}

enum IndonesianMonths {
    static func name(_ month: Int) -> String {
        (1...12).contains(month) ? IndonesianCalendar.monthNames[month - 1] : String(month)
    }
}

/// What a timeline shows: a query, or named entities, and a period.
public struct TimelineFilter: Sendable {
    public var query: String?
    public var program: String?
    public var person: String?
    public var org: String?
    public var place: String?
    public var from: String?
    public var to: String?

    public init(query: String? = nil, program: String? = nil, person: String? = nil, org: String? = nil, place: String? = nil,
                from: String? = nil, to: String? = nil) {
        self.query = query
        self.program = program
        self.person = person
        self.org = org
        self.place = place
        self.from = from
        self.to = to
    }
}

extension QueryEngine {
    public enum TimelineError: Error, Equatable, CustomStringConvertible {
        case unknownName(option: String, name: String)
        public var description: String {
            switch self {
            case .unknownName(let option, let name): return "--\(option) '\(name)': no such \(option) in the knowledge base (try kb entities --type \(option == "org" ? "organization" : option))"
            }
        }
    }

    /// Events in chronological order (undated last) that match the filter. An office the query names without a person
    /// (`Kepala Dinas Sosial 2025`) is its holders then or its organization, as in a query's activities (`events`).
    public func timeline(_ filter: TimelineFilter) throws -> [TimelineEntry] {
        var ids: [String] = []
        var from = filter.from
        var to = filter.to
        var text: String?
        var office: [String]?
        if let query = filter.query {
            var understood = try understand(query)
            from = from ?? understood.from
            to = to ?? understood.to
            (understood.from, understood.to) = (from, to)
            // With `--person` the office is that person's, no stand-in.
            if filter.person == nil {
                let asked = understood
                office = try kb.read { db in try officeStandIns(asked, db) }
            }
            ids += understood.entities.filter { $0.kind != "position" && !(office ?? []).contains($0.id) }.map(\.id)
            text = understood.text.isEmpty ? nil : understood.text
        }
        for (option, kind, name) in [("program", "program", filter.program), ("person", "person", filter.person),
                                     ("org", "organization", filter.org), ("place", "place", filter.place)] {
            guard let name else { continue }
            guard let id = try entityID(named: name, kind: kind) else { throw TimelineError.unknownName(option: option, name: name) }
            ids.append(id)
        }
        if office?.isEmpty == true { return [] }
        let fts = text.flatMap(ftsQuery)
        let (entityIDs, standIns, start, end) = (ids, office ?? [], from, to)
        return try kb.read { db in
            var sql = """
                SELECT e.*, \(Self.documentColumns), d.url AS docUrl,
                       (SELECT json_group_array(json_object('value', m.value, 'max', m.max, 'currency', m.currency, 'per', m.per))
                        FROM money m WHERE m.documentId = e.documentId AND m.start >= e.start AND m.end <= e.end) AS amounts
                FROM event e JOIN document d ON d.id = e.documentId WHERE 1 = 1
                """
            var arguments: StatementArguments = []
            for id in entityIDs {
                sql += " AND (EXISTS (SELECT 1 FROM eventRole r WHERE r.eventId = e.id AND r.entityId = ?) OR e.actor = (SELECT name FROM entity WHERE id = ?))"
                arguments += [id, id]
            }
            if !standIns.isEmpty {
                let list = try Self.jsonArray(standIns)
                sql += """
                     AND (EXISTS (SELECT 1 FROM eventRole r WHERE r.eventId = e.id AND r.entityId IN (SELECT value FROM json_each(?)))
                          OR e.actor IN (SELECT name FROM entity WHERE id IN (SELECT value FROM json_each(?))))
                    """
                arguments += [list, list]
            }
            if let start { sql += " AND e.dateEnd >= ?"; arguments += [start] }
            if let end { sql += " AND e.dateStart <= ?"; arguments += [end] }
            if let fts {
                sql += " AND EXISTS (SELECT 1 FROM sentence s JOIN sentenceSearch f ON f.rowid = s.id WHERE s.documentId = e.documentId AND s.start >= e.start AND s.end <= e.end AND sentenceSearch MATCH ?)"
                arguments += [fts]
            }
            sql += " ORDER BY e.dateStart IS NULL, e.dateStart, e.dateEnd, d.published, e.start"
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                TimelineEntry(id: row["id"], date: row["date"], precision: row["datePrecision"], start: row["dateStart"], end: row["dateEnd"],
                              actor: row["actor"], action: row["action"], program: row["program"], place: row["location"],
                              figures: (try? decoder.decode([Participants].self, from: Data((row["participants"] as String? ?? "[]").utf8))) ?? [],
                              amounts: (try? decoder.decode([TimelineEntry.Amount].self, from: Data((row["amounts"] as String? ?? "[]").utf8))) ?? [],
                              sentence: row["sentence"], span: [row["start"], row["end"]], document: Self.source(row), url: row["docUrl"])
            }
        }
    }

    /// The entity of a kind whose name, alias or id is `name`.
    func entityID(named name: String, kind: String) throws -> String? {
        try kb.read { db in
            try String.fetchOne(db, sql: """
                SELECT e.id FROM entity e LEFT JOIN alias a ON a.entityId = e.id
                WHERE e.kind = ? AND (e.id = ? OR a.normalized = ?) LIMIT 1
                """, arguments: [kind, name, Gazetteer.normalize(name)])
        }
    }
}
