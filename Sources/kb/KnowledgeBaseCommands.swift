import ArgumentParser
import Corpus
import Extractor
import Foundation
import KnowledgeBase

/// Where the knowledge base lives: `--db`, else `KB_DB`, else `kb.sqlite` here.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The knowledge base file (default: $KB_DB, else kb.sqlite).", valueName: "path"))
    var db: String?

    var path: String { Self.path(db: db, environment: ProcessInfo.processInfo.environment) }

    static func path(db: String?, environment: [String: String]) -> String {
        db ?? environment["KB_DB"] ?? "kb.sqlite"
    }

    func open(mustExist: Bool = true) throws -> KnowledgeBase {
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path): no knowledge base here (run kb ingest first, or pass --db PATH)")
        }
        do { return try KnowledgeBase(path: path) } catch { throw ValidationError(error.description) }
    }

    /// A knowledge base to build where none is yet; nil where one is.
    func createIfAbsent() throws -> NewKnowledgeBase? {
        do { return try NewKnowledgeBase(path: path) } catch { throw ValidationError(error.description) }
    }
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read documents into the knowledge base: files, folders (recursively), .jsonl and .jsonl.gz corpora.",
        discussion: "Unchanged documents are skipped and changed ones replaced, so a second run changes nothing."
    )

    @Argument(help: ArgumentHelp("Files or folders.", valueName: "path"))
    var paths: [String]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var reading: ReadingOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() async throws {
        let started = Date()
        // The gazetteer first: a bad data file stops the run before the knowledge base is touched.
        let reader = try reading.corpusReader()
        // The documents are listed (a corpus file read, decompressed and split) on another core meanwhile.
        async let pending = Ingestion.pending(under: paths, reader: reader)
        let extractor = DocumentExtractor(resources: try reading.extractionResources())
        // A first ingest builds the knowledge base beside its path and moves it there at the end (NewKnowledgeBase).
        let new = try database.createIfAbsent()
        let ingestion = Ingestion(reader: reader, extractor: extractor, kb: try new?.kb ?? database.open(mustExist: false))
        let bar = ProgressBar(enabled: isatty(2) == 1)
        let listed = await pending
        func ingest() async throws -> Ingestion.Summary {
            defer { bar.finish() }
            return try await ingestion.run(pending: listed, progress: { done, total in bar.update(done, total) }, since: started)
        }
        let summary = if let new { try await new.publishing(after: ingest) } else { try await ingest() }
        for failure in summary.failures { Console.warn("error: \(failure)") }
        if json {
            print(try JSONOutput.string(summary))
        } else {
            print(String(format: "%d new, %d updated, %d re-extracted, %d skipped, %d failed · %d entities, %d facts · %.1f s",
                         summary.new, summary.updated, summary.reextracted, summary.skipped, summary.failed, summary.entities, summary.facts,
                         summary.seconds))
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// A progress bar on standard error: documents done/total, rate and time left.
final class ProgressBar: @unchecked Sendable {  // @unchecked: its state is guarded by `lock`.
    let enabled: Bool
    let started = Date()
    let lock = NSLock()
    var lastDrawn = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        // Every document reports; the bar is drawn at most ten times a second, and at the end.
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Console.write(String(format: "\r%@ %d/%d  %.1f doc/s  %.0f s left ", bar, done, total, rate, left))
    }

    func finish() {
        if enabled { Console.write("\n") }
    }
}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the knowledge base in Indonesian: kegiatan Karang Taruna 2025, siapa Kepala Dinas Sosial Juli 2025, berapa peserta Jambore.",
        discussion: "Intent words: kegiatan/acara/program → events, siapa → officials, berapa/jumlah → figures, anggaran/dana/biaya/harga/rupiah … → money (amounts stated), di mana → places."
    )

    @Argument(help: ArgumentHelp("The question or keywords.", valueName: "query"))
    var query: String

    @Option(help: "table (default on a terminal), json or csv.")
    var format: TableFormat?

    @Option(help: "At most this many results.")
    var limit = 20

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be a positive number") }
    }

    func run() throws {
        let engine = QueryEngine(kb: try database.open(), resources: try reading.extractionResources())
        do {
            let understood = try engine.understand(query)
            let answer = try engine.respond(understood, limit: limit)
            let output = ResultFormatter(format: format ?? (Console.stdoutIsTerminal ? .table : .json))
            // A CSV file holds the results alone; what they stand for goes to standard error.
            if output.format == .csv { for note in answer.notes { Console.warn("note: \(note)") } }
            print(try output.render(understood: understood, results: answer.results, notes: answer.notes))
        } catch let error as KnowledgeBaseError {
            throw ValidationError(error.description)
        }
    }
}

/// Prints query results as a table, JSON or CSV.
struct ResultFormatter {
    var format: TableFormat

    func render(understood: UnderstoodQuery, results: [QueryResult], notes: [QueryNote] = []) throws -> String {
        switch format {
        case .json:
            struct Note: Encodable { var kind: QueryNote.Kind; var terms: [String]; var message: String }
            struct Output: Encodable { var understood: UnderstoodQuery; var summary: String; var notes: [Note]; var results: [QueryResult] }
            return try JSONOutput.string(Output(understood: understood, summary: understood.summary,
                                                notes: notes.map { Note(kind: $0.kind, terms: $0.terms, message: $0.description) }, results: results))
        case .csv:
            var rows = [Self.columns.map(\.0)]
            rows += results.map { r in Self.columns.map { $0.1(r) } }
            return rows.map { $0.map(TimelineRender.csvField).joined(separator: ",") }.joined(separator: "\r\n")
        case .table:
            var lines = ["understood: \(understood.summary)"] + notes.map { "note: \($0)" }
            if results.isEmpty { lines.append("no results") }
            for (i, r) in results.enumerated() {
                var head: [String] = [r.date ?? "undated"]
                if let p = r.person {
                    head.append(p + (r.alsoWritten.map { " (also written " + $0.joined(separator: ", ") + ")" } ?? "")
                        + (r.position.map { " — " + $0 } ?? "") + (r.organization.map { " · " + $0 } ?? ""))
                }
                if let a = r.actor { head.append(a) }
                if let a = r.action { head.append(a) }
                if let p = r.program { head.append(p) }
                if let p = r.place { head.append("@ " + p) }
                if let v = r.value {
                    let amount = r.kind == "money" ? QueryEngine.formatMoney(v, currency: r.unit ?? "?") : "\(QueryEngine.format(v)) \(r.unit ?? "")"
                    head.append((r.qualifier.map { $0 + " " } ?? "") + amount)
                }
                if let f = r.figures, !f.isEmpty { head.append(f) }
                lines.append("\(i + 1). " + head.joined(separator: " · "))
                lines.append("   “\(r.sentence)”")
                lines.append("   \(r.document.title ?? r.document.source) · \(r.document.outlet ?? "?") · \(r.document.published ?? "undated") · [\(r.span[0]), \(r.span[1])) \(r.document.source)")
                for other in r.alsoReportedBy {
                    lines.append("   also: \(other.title ?? other.source) · \(other.outlet ?? "?") · \(other.published ?? "undated") · \(other.source)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    static let columns: [(String, @Sendable (QueryResult) -> String)] = [
        ("kind", { $0.kind }), ("date", { $0.date ?? "" }), ("person", { $0.person ?? "" }),
        ("also_written", { $0.alsoWritten?.joined(separator: "; ") ?? "" }), ("position", { $0.position ?? "" }),
        ("organization", { $0.organization ?? "" }), ("actor", { $0.actor ?? "" }), ("action", { $0.action ?? "" }),
        ("program", { $0.program ?? "" }), ("place", { $0.place ?? "" }), ("value", { $0.value.map { QueryEngine.format($0) } ?? "" }),
        ("unit", { $0.unit ?? "" }), ("qualifier", { $0.qualifier ?? "" }), ("figures", { $0.figures ?? "" }),
        ("sentence", { $0.sentence }), ("start", { String($0.span[0]) }), ("end", { String($0.span[1]) }),
        ("document_id", { $0.document.id }), ("document_title", { $0.document.title ?? "" }), ("source", { $0.document.source }),
        ("outlet", { $0.document.outlet ?? "" }), ("published", { $0.document.published ?? "" }),
        ("also_reported_by", { $0.alsoReportedBy.map(\.source).joined(separator: "; ") }),
    ]
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count what the knowledge base holds.",
        discussion: """
            Also counts the documents that rules other than the gazetteer's extracted (other rules: an ingest of their \
            files extracts them again), when the gazetteer folder is there, and indexes an interrupted first ingest left \
            unbuilt (deferred indexes: the next ingest builds them).
            """)

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Folder of gazetteer and rule files whose rules the documents are compared with (default: gazetteer, when there).",
                                            valueName: "dir"))
    var gazetteer: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var rulesVersion: String?
        if let folder = gazetteer ?? (FileManager.default.fileExists(atPath: "gazetteer") ? "gazetteer" : nil) {
            rulesVersion = ExtractionResources.rulesVersion(gazetteerFolder: try ReadingOptions.gazetteerFolder(folder))
        }
        let stats: KnowledgeBase.Stats
        do { stats = try database.open().stats(rulesVersion: rulesVersion) } catch let error as KnowledgeBaseError { throw ValidationError(error.description) }
        switch format {
        case .json:
            print(try JSONOutput.string(stats))
        case .text:
            for child in Mirror(reflecting: stats).children {
                // An optional figure is printed when it is there.
                let mirror = Mirror(reflecting: child.value)
                let value: Any? = mirror.displayStyle == .optional ? mirror.children.first?.value : child.value
                guard let value, let label = child.label else { continue }
                print(label.padding(toLength: 16, withPad: " ", startingAt: 0) + "\(value)")
            }
        }
    }
}
