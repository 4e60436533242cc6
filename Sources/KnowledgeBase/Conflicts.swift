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
    /// Words between a total and its parts: `491 PPKS yang terdiri dari 200 …, 150 … dan 138 …`.
    static let compositionCues = ["terdiri dari", "terdiri atas", "meliputi", "yakni", "yaitu", "di antaranya", "diantaranya",
                                  "antara lain", "rinciannya", "dengan rincian", "masing-masing", ":"]

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
                GROUP BY f.aboutId, lower(f.unit), substr(f.date, 1, 4)
                HAVING count(DISTINCT f.value) > 1 AND count(DISTINCT f.documentId) > 1
                """)
            for g in groups {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT f.*, \(QueryEngine.documentColumns) FROM figure f JOIN document d ON d.id = f.documentId
                    WHERE f.aboutId = ? AND lower(f.unit) = ? AND substr(f.date, 1, 4) IS ? ORDER BY d.published, f.start
                    """, arguments: [g["aboutId"] as String, g["unit"] as String, g["year"] as String?])
                let values = Set(rows.compactMap { $0["value"] as Double? }).sorted().map { QueryEngine.format($0) }
                result.append(Conflict(kind: "disagreement", subject: "\(g["subject"] as String) · \(g["unit"] as String)", period: g["year"],
                                       explanation: "documents state different values: \(values.joined(separator: ", "))", items: rows.map(item)))
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
                    guard next >= end, next - end < 60 else { continue }
                    let gap = ScalarText.string(scalars[end..<next]).lowercased()
                    guard Self.compositionCues.contains(where: gap.contains) else { continue }
                    let sentenceEnd: Int = total["sentenceEnd"]
                    let parts = figures[(k + 1)...].prefix { ($0["end"] as Int) <= sentenceEnd }
                    guard parts.count >= 2, let stated = total["value"] as Double? else { continue }
                    let sum = parts.reduce(0.0) { $0 + ($1["value"] as Double? ?? 0) }
                    if abs(sum - stated) > 0.0001 {
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
