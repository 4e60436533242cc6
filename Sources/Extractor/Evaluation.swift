public import Corpus
public import Foundation

/// Precision, recall and F1 of extraction against hand-written gold files, per fact type.
public struct Evaluation: Sendable {
    /// The fact types measured, in report order.
    public static let factTypes = ["published", "officials (name)", "officials (name + position)", "figures (value + unit)",
                                   "money", "dates (normalized)", "places", "programs"]

    public struct Score: Sendable, Codable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0
        public var missed: [String] = []
        public var added: [String] = []

        public var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public private(set) var scores: [String: Score] = [:]
    public private(set) var documents = 0

    public init() {}

    /// Compares one document's extraction with its gold file (the extraction format; spans, entities and
    /// document fields other than `published` may be left out).
    public mutating func add(predicted: Extraction, gold data: Data, name: String) throws {
        guard let gold = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EvaluationError.malformedGold(name: name, reason: "not a JSON object")
        }
        documents += 1
        let goldPublished = (gold["document"] as? [String: Any])?["published"] as? String
        score("published", predicted: predicted.document.published.map { [$0] } ?? [], gold: goldPublished.map { [$0] } ?? [], name: name)

        func list(_ key: String) -> [[String: Any]] { gold[key] as? [[String: Any]] ?? [] }
        func str(_ o: [String: Any], _ k: String) -> String? { (o[k] as? String).map(Self.normalize) }
        func num(_ o: [String: Any], _ k: String) -> String? { (o[k] as? NSNumber).map { Self.format($0.doubleValue) } }

        score("officials (name)", predicted: predicted.officials.map { Self.normalize($0.name) },
              gold: list("officials").compactMap { str($0, "name") }, name: name, unique: true)
        score("officials (name + position)", predicted: predicted.officials.map { "\(Self.normalize($0.name)) | \(Self.normalize($0.title ?? ""))" },
              gold: list("officials").compactMap { o in str(o, "name").map { "\($0) | \(str(o, "title") ?? "")" } }, name: name, unique: true)
        score("figures (value + unit)", predicted: predicted.figures.map { "\($0.value.map(Self.format) ?? "null") \(Self.normalize($0.unit ?? ""))" },
              gold: list("figures").map { "\(num($0, "value") ?? "null") \(str($0, "unit") ?? "")" }, name: name)
        score("money", predicted: predicted.money.map { "\($0.value.map(Self.format) ?? "null") \($0.currency)" },
              gold: list("money").map { "\(num($0, "value") ?? "null") \(($0["currency"] as? String) ?? "IDR")" }, name: name)
        score("dates (normalized)", predicted: predicted.dates.compactMap(\.normalized),
              gold: list("dates").compactMap { $0["normalized"] as? String }, name: name)
        score("places", predicted: predicted.locations.map { Self.normalize($0.name) },
              gold: list("locations").compactMap { str($0, "name") }, name: name, unique: true)
        score("programs", predicted: predicted.programs.map { Self.normalize($0.name) },
              gold: list("programs").compactMap { str($0, "name") }, name: name, unique: true)
    }

    /// Multiset matching (or set matching when `unique`): each gold item matches at most one prediction.
    private mutating func score(_ type: String, predicted: [String], gold: [String], name: String, unique: Bool = false) {
        let p = unique ? Array(Set(predicted)).sorted() : predicted
        let g = unique ? Array(Set(gold)).sorted() : gold
        var remaining: [String: Int] = [:]
        for item in g { remaining[item, default: 0] += 1 }
        var s = scores[type] ?? Score()
        for item in p {
            if let n = remaining[item], n > 0 {
                remaining[item] = n - 1
                s.truePositives += 1
            } else {
                s.added.append("\(name): \(item)")
            }
        }
        for (item, n) in remaining.sorted(by: { $0.key < $1.key }) where n > 0 {
            for _ in 0..<n { s.missed.append("\(name): \(item)") }
        }
        s.predicted += p.count
        s.gold += g.count
        scores[type] = s
    }

    public func score(for type: String) -> Score { scores[type] ?? Score() }

    /// A table of the scores, with what was missed and added when `verbose`.
    public func report(verbose: Bool) -> String {
        var lines = ["\(documents) documents", "fact type                      precision  recall     F1   gold  found"]
        for type in Self.factTypes {
            let s = score(for: type)
            lines.append(type.padding(toLength: 30, withPad: " ", startingAt: 0)
                         + String(format: " %9.3f %7.3f %6.3f %6d %6d", s.precision, s.recall, s.f1, s.gold, s.predicted))
        }
        if verbose {
            for type in Self.factTypes {
                let s = score(for: type)
                for m in s.missed { lines.append("missed  \(type): \(m)") }
                for a in s.added { lines.append("added   \(type): \(a)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func normalize(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e18 ? String(Int64(v)) : String(v)
    }
}

public enum EvaluationError: Error, CustomStringConvertible {
    case malformedGold(name: String, reason: String)

    public var description: String {
        switch self {
        case .malformedGold(let name, let reason): return "\(name): \(reason)"
        }
    }
}


/// Pairs gold files with documents and scores extraction on them.
public struct EvaluationRun: Sendable {
    public var reader: CorpusReader
    public var extractor: DocumentExtractor

    public init(reader: CorpusReader, extractor: DocumentExtractor) {
        self.reader = reader
        self.extractor = extractor
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public func run(goldFolder: String, documentFolder: String) throws(Failure) -> Evaluation {
        let fm = FileManager.default
        guard let goldNames = try? fm.contentsOfDirectory(atPath: goldFolder).filter({ $0.hasSuffix(".json") }).sorted(), !goldNames.isEmpty else {
            throw Failure(description: "--gold \(goldFolder): no NAME.json gold files")
        }
        let documentNames = (try? fm.contentsOfDirectory(atPath: documentFolder)) ?? []
        var evaluation = Evaluation()
        for goldName in goldNames {
            let stem = String(goldName.dropLast(5))
            guard let docName = documentNames.first(where: { ($0 as NSString).deletingPathExtension == stem }) else {
                throw Failure(description: "\(goldFolder)/\(goldName): no document \(stem).* in \(documentFolder)")
            }
            let docPath = (documentFolder as NSString).appendingPathComponent(docName)
            let read = reader.read(path: docPath)
            guard let document = read.documents.first else {
                throw Failure(description: read.failures.first?.description ?? "\(docPath): no document")
            }
            let goldPath = (goldFolder as NSString).appendingPathComponent(goldName)
            guard let data = fm.contents(atPath: goldPath) else { throw Failure(description: "\(goldPath): cannot read") }
            do {
                try evaluation.add(predicted: extractor.extract(document).extraction, gold: data, name: stem)
            } catch {
                throw Failure(description: "\(goldPath): not valid JSON (\(error))")
            }
        }
        return evaluation
    }
}
