import Corpus
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
        let bytes: [UInt8]
        do {
            bytes = try CorpusReader.fileBytes(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        var fileLines: [ArraySlice<UInt8>] = []
        CorpusReader.forEachJSONLine(bytes) { line, _ in fileLines.append(line) }
        let lines = Array(fileLines.prefix(limit ?? fileLines.count))
        self.lines = lines
        isWholeFile = lines.count == fileLines.count
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
}

extension Document {
    /// The size a rate is counted in: UTF-8 bytes of the document's text.
    var utf8Count: Int { text.utf8.count }
}
