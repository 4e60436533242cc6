import Foundation
import Corpus

/// Abbreviations that end in a period (`Dr.`, `S.Sos.`, `Jl.`), read from `gazetteer/abbreviations.tsv`.
public struct Abbreviations: Sendable {
    public enum Kind: String, Sendable { case honorific, degree, position, place, general }

    /// Lowercased abbreviation → kind.
    public private(set) var kinds: [String: Kind] = [:]
    /// The longest abbreviation in tokens, to bound the merge search.
    public private(set) var maxPieces = 1
    /// The tokenizer asks about every run of adjacent pieces: most are answered here without hashing.
    private var filter = WordFilter([])

    public init(entries: [(String, Kind)] = []) {
        for (abbreviation, kind) in entries { add(abbreviation, kind) }
    }

    mutating func add(_ abbreviation: String, _ kind: Kind) {
        let key = abbreviation.lowercased()
        kinds[key] = kind
        filter.insert(key)
        maxPieces = max(maxPieces, abbreviation.filter { $0 == "." }.count * 2 + 1)
    }

    public func kind(of text: String) -> Kind? {
        filter.mayContainLowercased(text) ? kinds[ScalarText.lowercased(text)] : nil
    }

    /// Reads `abbreviation<TAB>kind[<TAB>expansion]` lines after a header; `#` lines are comments.
    public static func load(path: String) throws(GazetteerError) -> Abbreviations {
        var result = Abbreviations()
        for row in try TSVFile.read(path: path, header: ["abbreviation", "kind"]) {
            guard let kind = Kind(rawValue: row.fields[1]) else {
                throw .malformedLine(file: path, line: row.line, reason: "kind must be honorific, degree, position, place or general, not '\(row.fields[1])'")
            }
            result.add(row.fields[0], kind)
        }
        return result
    }
}

/// A problem in a data file of `gazetteer/`, with file and line.
public enum GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformedLine(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read: \(reason)"
        case .malformedLine(let file, let line, let reason): return "\(file):\(line): \(reason)"
        }
    }
}

/// Tab-separated data files with a header row; blank lines and `#` comments are skipped.
public enum TSVFile {
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// Rows with at least as many fields as `header` has; the file's header must start with `header`.
    public static func read(path: String, header: [String]) throws(GazetteerError) -> [Row] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
        return try parse(text, path: path, header: header)
    }

    public static func parse(_ text: String, path: String, header: [String]) throws(GazetteerError) -> [Row] {
        var rows: [Row] = []
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if !sawHeader {
                guard Array(fields.prefix(header.count)) == header else {
                    throw .malformedLine(file: path, line: index + 1, reason: "expected the header \(header.joined(separator: "<TAB>"))")
                }
                sawHeader = true
                continue
            }
            guard fields.count >= header.count else {
                throw .malformedLine(file: path, line: index + 1, reason: "expected at least \(header.count) tab-separated fields, found \(fields.count)")
            }
            guard !fields[0].isEmpty else {
                throw .malformedLine(file: path, line: index + 1, reason: "the first field (\(header[0])) is empty")
            }
            rows.append(Row(line: index + 1, fields: fields))
        }
        if !sawHeader { throw .malformedLine(file: path, line: 1, reason: "the file has no header row") }
        return rows
    }
}
