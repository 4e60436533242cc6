/// What went wrong reading a document, with the file (and line) it concerns.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case unsupportedFormat(path: String)
    case malformedRecord(path: String, line: Int, reason: String)
    case malformedRule(path: String, line: Int, reason: String)

    public var path: String {
        switch self {
        case .unreadable(let p, _), .empty(let p), .binary(let p), .unsupportedFormat(let p),
             .malformedRecord(let p, _, _), .malformedRule(let p, _, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .empty(let path): return "\(path): the file is empty"
        case .binary(let path): return "\(path): binary data, not a text document"
        case .unsupportedFormat(let path): return "\(path): not a supported document (.txt, .html, .htm, .jsonl, .jsonl.gz)"
        case .malformedRecord(let path, let line, let reason): return "\(path):\(line): \(reason)"
        case .malformedRule(let path, let line, let reason): return "\(path):\(line): bad rule: \(reason)"
        }
    }
}
