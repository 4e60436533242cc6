import CZlib
import Foundation

/// Reads press releases from files, folders (recursively) or standard input.
public struct CorpusReader: Sendable {
    public var boilerplate: BoilerplateRules
    /// Publication date for documents whose text gives none (`--published`).
    public var defaultPublished: CalendarDate?

    public init(boilerplate: BoilerplateRules, defaultPublished: CalendarDate? = nil) {
        self.boilerplate = boilerplate
        self.defaultPublished = defaultPublished
    }

    /// The extensions read when walking a folder.
    public static let documentExtensions = [".txt", ".html", ".htm", ".jsonl", ".jsonl.gz"]

    /// Every document under `path` (a file or a folder), in path order; failures are reported, never fatal.
    public func forEachDocument(at path: String, _ body: (Swift.Result<Document, CorpusError>) throws -> Void) rethrows {
        try forEachPending(at: path) { pending in try body(read(pending)) }
    }

    /// One document still to be read: a file, or one line of a JSON-lines corpus (or why it cannot be had).
    /// Listing them is cheap; `read(_:)` decodes and lays out the text, so workers can do that part in parallel.
    public struct PendingDocument: Sendable {
        enum Origin: Sendable {
            case file(String)
            case jsonLine(path: String, line: Int, bytes: ArraySlice<UInt8>)
            /// One document already read (standard input).
            case bytes(path: String, [UInt8])
            case failed(CorpusError)
        }

        let origin: Origin
    }

    /// Every document under `path`, in the order `forEachDocument` reads them, not yet read.
    public func forEachPending(at path: String, _ body: (PendingDocument) throws -> Void) rethrows {
        if path == "-" {
            try forEachPendingInStandardInput(body)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            try body(PendingDocument(origin: .failed(.unreadable(path: path, reason: "no such file or folder"))))
            return
        }
        if isDirectory.boolValue {
            for file in Self.files(under: path) {
                try forEachPendingInFile(file, body)
            }
        } else {
            try forEachPendingInFile(path, body)
        }
    }

    /// Reads one pending document.
    public func read(_ pending: PendingDocument) -> Swift.Result<Document, CorpusError> {
        switch pending.origin {
        case .failed(let error):
            return .failure(error)
        case .jsonLine(let path, let line, let bytes):
            do {
                let record = try JSONDecoder().decode(Record.self, from: Data(bytes))
                return jsonDocument(record, path: path, line: line)
            } catch {
                return .failure(.malformedRecord(path: path, line: line, reason: "not a JSON object with id, title, published, url, text (\(Self.describe(error)))"))
            }
        case .file(let path):
            do {
                return .success(try document(bytes: try Self.readBytes(path: path), path: path))
            } catch {
                return .failure(error)
            }
        case .bytes(let path, let bytes):
            do {
                return .success(try document(bytes: bytes, path: path))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Reads all documents under `path`.
    public func read(path: String) -> (documents: [Document], failures: [CorpusError]) {
        var documents: [Document] = []
        var failures: [CorpusError] = []
        forEachDocument(at: path) { outcome in
            switch outcome {
            case .success(let d): documents.append(d)
            case .failure(let e): failures.append(e)
            }
        }
        return (documents, failures)
    }

    /// Document files below a folder, sorted so runs are repeatable; hidden files are skipped.
    public static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let lower = name.lowercased()
            if documentExtensions.contains(where: { lower.hasSuffix($0) }) {
                result.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return result.sorted()
    }

    func forEachPendingInFile(_ path: String, _ body: (PendingDocument) throws -> Void) rethrows {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".jsonl.gz") || lower.hasSuffix(".ndjson") {
            let bytes: [UInt8]
            do {
                bytes = try Self.fileBytes(path: path)
            } catch {
                try body(PendingDocument(origin: .failed(error)))
                return
            }
            try Self.forEachJSONLine(bytes) { line, number in
                try body(PendingDocument(origin: .jsonLine(path: path, line: number, bytes: line)))
            }
            return
        }
        try body(PendingDocument(origin: .file(path)))
    }

    /// Standard input (`-`), gzip-compressed or not: JSON lines when it opens with `{` (`zcat corpus.jsonl.gz | kb ingest -`),
    /// else one document, HTML or text.
    func forEachPendingInStandardInput(_ body: (PendingDocument) throws -> Void) rethrows {
        let bytes: [UInt8]
        do {
            bytes = try Self.standardInputBytes()
        } catch {
            try body(PendingDocument(origin: .failed(error)))
            return
        }
        guard Self.looksLikeJSONLines(bytes) else {
            try body(PendingDocument(origin: .bytes(path: "-", bytes)))
            return
        }
        try Self.forEachJSONLine(bytes) { line, number in
            try body(PendingDocument(origin: .jsonLine(path: "-", line: number, bytes: line)))
        }
    }

    /// Whether the first character after a byte-order mark and white space is `{`: no press release opens so.
    static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "{")
    }

    /// A document from bytes; `path` names it (`-` for standard input) and picks HTML or text by its extension or content.
    public func document(bytes: [UInt8], path: String) throws(CorpusError) -> Document {
        let decoded = try TextDecoding.decode(bytes, path: path)
        let lower = path.lowercased()
        let isHTML = lower.hasSuffix(".html") || lower.hasSuffix(".htm") || (path == "-" && Self.looksLikeHTML(decoded.text))
        var doc = isHTML ? htmlDocument(decoded.text, path: path) : textDocument(decoded.text, path: path)
        applyFallbackDate(&doc)
        if let warning = decoded.warning { doc.warnings.append(warning) }
        return doc
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }

    func textDocument(_ text: String, path: String, knownTitle: String? = nil) -> Document {
        let layout = PlainTextLayout(boilerplate: boilerplate).read(text, knownTitle: knownTitle)
        return Document(id: ContentHash.documentID(text), source: path, format: .text, text: text,
                        title: layout.title, titleSpan: layout.titleSpan, published: layout.published,
                        publishedSource: layout.publishedSource, reporter: layout.reporter, editor: layout.editor,
                        outlet: layout.outlet, datelinePlace: layout.datelinePlace, photoCredits: layout.photoCredits,
                        paragraphs: layout.paragraphs)
    }

    func htmlDocument(_ text: String, path: String) -> Document {
        let page = HTMLReader(boilerplate: boilerplate).read(text)
        return Document(id: ContentHash.documentID(text), source: path, url: page.url, format: .html, text: text,
                        title: page.title, titleSpan: page.titleSpan, published: page.published,
                        publishedSource: page.publishedSource, reporter: page.reporter, editor: page.editor,
                        outlet: page.outlet, photoCredits: page.photoCredits, paragraphs: page.paragraphs)
    }

    /// For a document whose text and metadata give no date: the one its URL carries (`URLDate`), else `--published`.
    private func applyFallbackDate(_ doc: inout Document) {
        guard doc.published == nil else { return }
        if let url = doc.url, let date = URLDate.date(in: url) {
            doc.published = date
            doc.publishedSource = "url"
        } else if let date = defaultPublished {
            doc.published = date
            doc.publishedSource = "--published"
        }
    }

    // MARK: - JSON lines

    struct Record: Decodable {
        var id: String?
        var title: String?
        var published: String?
        var url: String?
        var source: String?
        var text: String?
    }

    /// The non-blank lines of a JSON-lines file with their 1-based numbers: one document per line,
    /// `id, title, published, url, text` (and `source`, the outlet).
    public static func forEachJSONLine(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>, Int) throws -> Void) rethrows {
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            try body(line, lineNumber)
        }
    }

    func jsonDocument(_ record: Record, path: String, line: Int) -> Swift.Result<Document, CorpusError> {
        guard let text = record.text, text.unicodeScalars.contains(where: { !ScalarText.isSpace($0) }) else {
            return .failure(.malformedRecord(path: path, line: line, reason: "the record has no text"))
        }
        let title = record.title.map { PlainTextLayout.collapse($0) }
        var doc = textDocument(text, path: "\(path)#\(line)", knownTitle: title)
        doc.format = .jsonLines
        doc.url = record.url
        if let title, !title.isEmpty { doc.title = title }
        if let published = record.published, let date = CalendarDate(iso: String(published.prefix(10))) {
            doc.published = date
            doc.publishedSource = "meta"
        }
        if let source = record.source, !source.isEmpty {
            doc.outlet = source
        } else if let url = record.url, let host = HTMLReader.host(url) {
            doc.outlet = host
        }
        applyFallbackDate(&doc)
        return .success(doc)
    }

    static func describe(_ error: any Error) -> String {
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        return "invalid JSON"
    }

    // MARK: - Bytes

    static func readBytes(path: String) throws(CorpusError) -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .unreadable(path: path, reason: exists ? "permission denied" : "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        return Array(data)
    }

    /// A file's bytes, decompressed when its name ends in `.gz`.
    public static func fileBytes(path: String) throws(CorpusError) -> [UInt8] {
        path.lowercased().hasSuffix(".gz") ? try gunzip(path: path) : try readBytes(path: path)
    }

    /// Standard input's bytes, decompressed when they are gzip data (zlib reads other bytes as they are).
    static func standardInputBytes() throws(CorpusError) -> [UInt8] {
        let descriptor = dup(FileHandle.standardInput.fileDescriptor)
        guard descriptor >= 0, let file = gzdopen(descriptor, "rb") else {
            if descriptor >= 0 { close(descriptor) }
            throw .unreadable(path: "-", reason: "cannot read standard input")
        }
        return try gunzip(file, path: "-")
    }

    /// Decompresses a gzip file with zlib.
    static func gunzip(path: String) throws(CorpusError) -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: path), let file = gzopen(path, "rb") else {
            throw .unreadable(path: path, reason: "cannot open the gzip file")
        }
        return try gunzip(file, path: path)
    }

    /// Reads an open zlib file to its end and closes it.
    private static func gunzip(_ file: gzFile, path: String) throws(CorpusError) -> [UInt8] {
        defer { gzclose(file) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw .unreadable(path: path, reason: "corrupt gzip data") }
            if n == 0 { break }
            output.append(contentsOf: buffer[0..<Int(n)])
        }
        if output.isEmpty { throw .empty(path: path) }
        return output
    }
}
