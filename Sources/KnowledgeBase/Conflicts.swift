import Corpus
import Foundation
import GRDB

/// Figures that do not agree: across documents about the same subject and period, and parts that do not add up to their total.
public struct Conflict: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var value: Double?
        public var unit: String?
        public var surface: String
        public var sentence: String
        public var span: [Int]
        public var document: QueryResult.Source
    }

    /// `disagreement` (documents differ) or `sum` (parts do not add up to the stated total).
    public var kind: String
    public var subject: String
    public var period: String?
    public var explanation: String
    public var items: [Item]
}

extension KnowledgeBase {
    /// Words between a total and its parts: `491 PPKS yang terdiri dari 200 …, 150 … dan 138 …`. Not those that open
    /// some of them (`17 saksi, di antaranya tiga orang ahli`, `antara lain`), nor a colon (price lists, match results),
    /// nor `masing-masing` (`4,50 persen dan 6,00 persen masing-masing`).
    static let compositionCues = ["terdiri dari", "terdiri atas", "meliputi", "yakni", "yaitu", "rinciannya", "dengan rincian"]

    /// Units of measures and rates, whose figures are not counts: a total is not made of them (`25 bps … 4,50 persen`),
    /// and documents about one subject state many of them (an index's points, a budget's shares, a price's cents).
    static let measureUnits: Set<String> = ["persen", "%", "poin", "bps", "sen", "kali", "km", "kilometer", "meter", "m", "cm", "mm", "kg", "kilogram",
                                            "gram", "ton", "hektare", "hektar", "ha", "liter", "inci", "derajat", "mp", "gb", "mb", "tb",
                                            "mah", "knot", "mil", "cc", "sr", "skala richter", "magnitudo", "bt", "bujur timur", "ls",
                                            "lintang selatan", "lu", "lintang utara"]
    /// The most two reports of one count differ by: the larger at most this times the smaller. Values further apart about
    /// one subject are mostly different counts (`dua ABK` rescued, `25 anak buah kapal` of another ship).
    static let disagreementRatio = 1.5
    /// The most characters between a total and its first part, and between two parts.
    static let compositionGap = 60

    /// The values that documents disagree on: one stated by a document that does not state the other, close enough to
    /// be two reports of one count (`disagreementRatio`). A document stating both tells two counts apart itself.
    static func disagreeingValues(_ byDocument: [String: Set<Double>]) -> Set<Double> {
        var found: Set<Double> = []
        let documents = Array(byDocument.values)
        for (i, first) in documents.enumerated() {
            for second in documents[(i + 1)...] {
                for a in first.subtracting(second) {
                    for b in second.subtracting(first) where Self.close(a, b) { found.formUnion([a, b]) }
                }
            }
        }
        return found
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        let (low, high) = (min(abs(a), abs(b)), max(abs(a), abs(b)))
        return a.sign == b.sign && low > 0 && high <= low * disagreementRatio
    }

    public func conflicts() throws(KnowledgeBaseError) -> [Conflict] {
        try read { db in
            var result: [Conflict] = []
            func item(_ row: Row) -> Conflict.Item {
                Conflict.Item(value: row["value"], unit: row["unit"], surface: row["surface"], sentence: row["sentence"],
                              span: [row["start"], row["end"]], document: QueryEngine.source(row))
            }
            // Across documents: same subject, unit and year, different values.
            let groups = try Row.fetchAll(db, sql: """
                SELECT f.aboutId, lower(f.unit) AS unit, substr(f.date, 1, 4) AS year, e.name AS subject
                FROM figure f JOIN entity e ON e.id = f.aboutId
                WHERE f.aboutId IS NOT NULL AND f.value IS NOT NULL AND f.unit IS NOT NULL
                  AND lower(f.unit) NOT IN (\(Self.measureUnits.map { _ in "?" }.joined(separator: ", ")))
                GROUP BY f.aboutId, lower(f.unit), substr(f.date, 1, 4)
                HAVING count(DISTINCT f.value) > 1 AND count(DISTINCT f.documentId) > 1
                """, arguments: StatementArguments(Array(Self.measureUnits)))
            for g in groups {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT f.*, \(QueryEngine.documentColumns) FROM figure f JOIN document d ON d.id = f.documentId
                    WHERE f.aboutId = ? AND lower(f.unit) = ? AND substr(f.date, 1, 4) IS ? ORDER BY d.published, f.start
                    """, arguments: [g["aboutId"] as String, g["unit"] as String, g["year"] as String?])
                var byDocument: [String: Set<Double>] = [:]
                for row in rows { if let value = row["value"] as Double? { byDocument[row["documentId"], default: []].insert(value) } }
                let disagreeing = Self.disagreeingValues(byDocument)
                guard !disagreeing.isEmpty else { continue }
                let values = disagreeing.sorted().map { QueryEngine.format($0) }
                result.append(Conflict(kind: "disagreement", subject: "\(g["subject"] as String) · \(g["unit"] as String)", period: g["year"],
                                       explanation: "documents state different values: \(values.joined(separator: ", "))",
                                       items: rows.filter { ($0["value"] as Double?).map(disagreeing.contains) == true }.map(item)))
            }
            // Within a document: a total followed by parts that do not add up.
            let documents = try Row.fetchAll(db, sql: "SELECT DISTINCT documentId FROM figure")
            for d in documents {
                let id: String = d["documentId"]
                guard let text = try String.fetchOne(db, sql: "SELECT text FROM document WHERE id = ?", arguments: [id]) else { continue }
                let scalars = Array(text.unicodeScalars)
                let figures = try Row.fetchAll(db, sql: """
                    SELECT f.*, \(QueryEngine.documentColumns) FROM figure f JOIN document d ON d.id = f.documentId
                    WHERE f.documentId = ? AND f.value IS NOT NULL ORDER BY f.start
                    """, arguments: [id])
                for (k, total) in figures.enumerated() where k + 2 < figures.count {
                    let end: Int = total["end"], next: Int = figures[k + 1]["start"]
                    guard next >= end, next - end < Self.compositionGap, let stated = total["value"] as Double?, stated > 0,
                          !Self.measureUnits.contains((total["unit"] as String?)?.lowercased() ?? "") else { continue }
                    let gap = ScalarText.string(scalars[end..<next]).lowercased()
                    guard Self.compositionCues.contains(where: gap.contains) else { continue }
                    // The parts: the figures that follow in the sentence, each close behind the one before, each smaller
                    // than the total and a count. Parts whose first ones add up to the total agree with it (what follows
                    // is about something else: `1.142 siswa yang terdiri atas 508 …, 303 … dan 331 …, … 38 unit sekolah`).
                    let sentenceEnd: Int = total["sentenceEnd"]
                    var parts: [Row] = []
                    var sum = 0.0
                    var addsUp = false
                    for part in figures[(k + 1)...] {
                        let previousEnd: Int = parts.last?["end"] ?? end
                        guard let value = part["value"] as Double?, value > 0, value < stated, (part["end"] as Int) <= sentenceEnd,
                              (part["start"] as Int) - previousEnd < Self.compositionGap,
                              !Self.measureUnits.contains((part["unit"] as String?)?.lowercased() ?? "") else { break }
                        parts.append(part)
                        sum += value
                        if parts.count >= 2, abs(sum - stated) <= 0.0001 { addsUp = true }
                    }
                    guard parts.count >= 2 else { continue }
                    if !addsUp {
                        result.append(Conflict(kind: "sum", subject: (total["surface"] as String), period: total["date"],
                                               explanation: "the parts add up to \(QueryEngine.format(sum)), not \(QueryEngine.format(stated))",
                                               items: [item(total)] + parts.map(item)))
                    }
                }
            }
            return result
        }
    }
}
