import Corpus
import CZlib
import Foundation

/// What went wrong before anything could be measured.
enum BenchError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case subprocess(command: String, reason: String)
    case noDocuments(path: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .subprocess(let command, let reason): return "\(command): \(reason)"
        case .noDocuments(let path): return "\(path): no document could be read"
        }
    }
}

/// The first N records of a JSON lines corpus: their raw lines (for `kb ingest`) and the documents read from them.
struct CorpusSample {
    /// Non-blank lines of the corpus, in order, at most N.
    let lines: [ArraySlice<UInt8>]
    /// Documents read from `lines`, each with the index of its line.
    let documents: [(line: Int, document: Document)]
    /// Whether `lines` are all the records of the file.
    let isWholeFile: Bool

    /// Reads the first `limit` records (all when nil) of a `.jsonl` or `.jsonl.gz` file.
    init(path: String, limit: Int?, reader: CorpusReader, scratch: URL) throws(BenchError) {
        let bytes = try Self.contents(of: path)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count, limit.map({ lines.count < $0 }) ?? true {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lines.append(line) }
        }
        self.lines = lines
        isWholeFile = bytes[min(start, bytes.count)...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        // Read through the project's own reader, from a file of exactly these lines, so line k is record k.
        let all = scratch.appendingPathComponent("sample-all.jsonl")
        try Self.write(lines, to: all)
        var documents: [(line: Int, document: Document)] = []
        reader.forEachDocument(at: all.path) { outcome in
            guard case .success(let document) = outcome,
                  let mark = document.source.lastIndex(of: "#"),
                  let line = Int(document.source[document.source.index(after: mark)...]) else { return }
            documents.append((line - 1, document))
        }
        try? FileManager.default.removeItem(at: all)
        guard !documents.isEmpty else { throw .noDocuments(path: path) }
        self.documents = documents
    }

    /// The documents among the first `lineCount` lines.
    func documents(inFirst lineCount: Int) -> [Document] {
        documents.prefix { $0.line < lineCount }.map(\.document)
    }

    /// Writes the first `lineCount` lines as a `.jsonl` file.
    func writeLines(_ lineCount: Int, to url: URL) throws(BenchError) {
        try Self.write(lines.prefix(lineCount), to: url)
    }

    static func write<S: Sequence<ArraySlice<UInt8>>>(_ lines: S, to url: URL) throws(BenchError) {
        var data = Data()
        for line in lines {
            data.append(contentsOf: line)
            data.append(0x0A)
        }
        do { try data.write(to: url) } catch { throw .unreadable(path: url.path, reason: "cannot write: \(error.localizedDescription)") }
    }

    /// The file's bytes, decompressed when it ends in `.gz`.
    static func contents(of path: String) throws(BenchError) -> [UInt8] {
        guard path.hasSuffix(".gz") else {
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "cannot read the file") }
            return Array(data)
        }
        guard let file = gzopen(path, "rb") else { throw .unreadable(path: path, reason: "cannot open the gzip file") }
        defer { gzclose(file) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw .unreadable(path: path, reason: "corrupt gzip data") }
            if n == 0 { break }
            output.append(contentsOf: buffer[0..<Int(n)])
        }
        return output
    }
}

extension Document {
    /// The size a rate is counted in: UTF-8 bytes of the document's text.
    var utf8Count: Int { text.utf8.count }
}
