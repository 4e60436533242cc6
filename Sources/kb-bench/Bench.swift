import ArgumentParser
import CJemalloc
import Corpus
import Extractor
import Foundation
import Glibc
import KnowledgeBase

/// `make bench`: segmentation, extraction, ingest, query latency and memory on a real corpus.
@main
struct KBBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb-bench",
        abstract: "Measure kb on a JSON lines corpus: ICU segmentation, extraction, ingest, queries, peak memory, growth.",
        discussion: "BENCH_DOCS=N in the environment (or --docs N) uses only the first N documents."
    )

    @Option(help: ArgumentHelp("The release kb binary, run as a subprocess for the ingest.", valueName: "path"))
    var kb: String

    @Option(help: ArgumentHelp("The corpus (.jsonl or .jsonl.gz).", valueName: "path"))
    var corpus: String

    @Option(help: ArgumentHelp("Folder of gazetteer and rule files.", valueName: "dir"))
    var gazetteer = "gazetteer"

    @Option(help: ArgumentHelp("Where the figures go as JSON.", valueName: "path"))
    var output = "bench/results.json"

    @Option(help: ArgumentHelp("Use only the first N documents (default: $BENCH_DOCS, else all).", valueName: "N"))
    var docs: Int?

    @Option(help: "Timed repetitions of each query.")
    var repeats = 10

    @Option(help: "Results asked of each query.")
    var limit = 20

    @Option(help: "Runs of each ingest; its figures are the run of median time's, its peak memory the highest.")
    var ingestRuns = 3

    @Flag(help: "Only ICU segmentation and extraction of all the documents, once; nothing written (for profilers).")
    var extractionOnly = false

    func validate() throws {
        guard repeats > 0, limit > 0, ingestRuns > 0 else { throw ValidationError("--repeats, --limit and --ingest-runs must be positive") }
        if let n = try documentLimit(), n <= 0 { throw ValidationError("BENCH_DOCS / --docs must be a positive number") }
    }

    func documentLimit() throws -> Int? {
        if let docs { return docs }
        guard let value = ProcessInfo.processInfo.environment["BENCH_DOCS"], !value.isEmpty else { return nil }
        guard let n = Int(value) else { throw ValidationError("BENCH_DOCS='\(value)' is not a number") }
        return n
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: corpus) else {
            print("kb-bench: the corpus \(corpus) is absent; nothing measured (put clickid-news.jsonl.gz in ../shared/corpora to run the benchmark).")
            return
        }
        let kbPath = absolute(kb)
        let gazetteerPath = absolute(gazetteer)
        guard FileManager.default.isExecutableFile(atPath: kbPath) else { throw ValidationError("\(kbPath): no kb executable here") }

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kb-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let limitDocs = try documentLimit()
        let reader = CorpusReader(boilerplate: try BoilerplateRules.load(path: (gazetteerPath as NSString).appendingPathComponent("boilerplate.tsv")))
        // kb and kb-bench allocate through jemalloc (see Package.swift): the extraction is measured as kb runs it.
        log("allocator: jemalloc \(Self.jemallocVersion)")
        log("reading \(corpus)" + (limitDocs.map { " (first \($0) documents)" } ?? ""))
        let sample = try CorpusSample(path: corpus, limit: limitDocs, reader: reader, scratch: scratch)
        let wholeCorpus = sample.isWholeFile
        if extractionOnly {
            let documents = sample.documents.map(\.document)
            let mb = Double(documents.reduce(0) { $0 + $1.utf8Count }) / 1e6
            let resources = try ExtractionResources.load(gazetteerFolder: gazetteerPath)
            let seconds = Measurements.icuAndExtraction(documents, resources: resources)
            let icu = mb / seconds.icu
            let extract = mb / seconds.extraction
            print(String(format: "%d documents, %.2f MB: ICU %.2f MB/s, extraction %.2f MB/s (%.3f × ICU)", documents.count, mb, icu, extract, extract / icu))
            return
        }
        let lineCounts = [0.25, 0.5, 1.0].map { f in (f, max(1, Int((Double(sample.lines.count) * f).rounded()))) }

        // One core first, while nothing else of ours runs: at each size, extraction in turns with ICU segmentation
        // (so every size is measured the same way; the ICU figure is the full size's).
        var extractSeconds: [Double] = []
        var icuSecondsBySize: [Double] = []
        for (fraction, lines) in lineCounts {
            let documents = sample.documents(inFirst: lines)
            // Fresh resources each time, so the stemmer's cache starts empty as in a real run.
            let resources = try ExtractionResources.load(gazetteerFolder: gazetteerPath)
            log("ICU segmentation and extraction of \(documents.count) documents, in turns (\(Int(fraction * 100))%)")
            let seconds = Measurements.icuAndExtraction(documents, resources: resources)
            extractSeconds.append(seconds.extraction)
            icuSecondsBySize.append(seconds.icu)
        }

        // Then the ingests, all cores, each into a fresh file.
        var growth: [BenchResults.GrowthPoint] = []
        var database = ""
        for (((fraction, lines), extractS), icuS) in zip(zip(lineCounts, extractSeconds), icuSecondsBySize) {
            let documents = sample.documents(inFirst: lines)
            let file: String
            if fraction == 1.0 && wholeCorpus {
                file = absolute(corpus)
            } else {
                let url = scratch.appendingPathComponent("sample-\(lines).jsonl")
                try sample.writeLines(lines, to: url)
                file = url.path
            }
            database = scratch.appendingPathComponent("kb-\(lines).sqlite").path
            log("kb ingest of \(documents.count) documents (\(Int(fraction * 100))%), \(ingestRuns) runs")
            var runs: [ChildRun] = []
            for _ in 0..<ingestRuns {
                let (run, summary) = try Measurements.ingest(kb: kbPath, file: file, database: database, gazetteer: gazetteerPath, scratch: scratch)
                if runs.isEmpty, let summary, summary.failed > 0 { log("kb ingest: \(summary.failed) record(s) could not be read") }
                runs.append(run)
            }
            if file.hasPrefix(scratch.path) { try? FileManager.default.removeItem(atPath: file) }
            let run = Measurements.medianRun(runs)
            growth.append(.init(fraction: fraction, documents: documents.count, bytes: documents.reduce(0) { $0 + $1.utf8Count },
                                extractSeconds: extractS, icuSeconds: icuS, ingestSeconds: run.seconds, ingestCPUSeconds: run.cpuSeconds,
                                peakRSSMB: Double(runs.map(\.maxRSSBytes).max() ?? 0) / 1e6))
        }

        // Queries in process, on the knowledge base of the full ingest.
        log("\(QuerySet.all.count) queries × \(repeats) on the full knowledge base")
        let engine = QueryEngine(kb: try KnowledgeBase(path: database), resources: try ExtractionResources.load(gazetteerFolder: gazetteerPath))
        let timings = try Measurements.queries(QuerySet.all, engine: engine, repeats: repeats, limit: limit)
        let all = timings.flatMap(\.milliseconds)

        guard let full = growth.last else { return }
        let mb = Double(full.bytes) / 1e6
        let icu = mb / max(full.icuSeconds, 1e-9)
        let extract = mb / max(full.extractSeconds, 1e-9)
        let date = ISO8601DateFormatter().string(from: Date())
        var results = BenchResults(
            documents: full.documents, bytes: full.bytes, icuSegmentMBs: icu, extractMBs: extract,
            ingestMBs: mb / max(full.ingestSeconds, 1e-9),
            queryP50ms: Measurements.percentile(all, 0.5), queryP99ms: Measurements.percentile(all, 0.99),
            peakRSSMB: growth.map(\.peakRSSMB).max() ?? 0, extractToICU: extract / icu, growth: growth,
            queries: timings.map { .init(query: $0.query, intent: $0.intent, results: $0.results,
                                         p50Milliseconds: Measurements.percentile($0.milliseconds, 0.5),
                                         maxMilliseconds: $0.milliseconds.max() ?? 0) },
            targets: [:], wholeCorpus: wholeCorpus, cores: ProcessInfo.processInfo.activeProcessorCount, date: date)
        let verdicts = Targets.judge(results)
        results.targets = Dictionary(uniqueKeysWithValues: verdicts.map { ($0.key, $0.met) })
        try write(results)
        print(Targets.table(results, verdicts: verdicts))
        print("\nwritten to \(output)")
    }

    func write(_ results: BenchResults) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = URL(fileURLWithPath: output + ".tmp")
        try (try encoder.encode(results) + Data("\n".utf8)).write(to: temporary)
        if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    /// The version of the jemalloc this process allocates with, from its control interface.
    static var jemallocVersion: String {
        var version: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return "(version unknown)" }
        return String(cString: version)
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data("kb-bench: \(message)\n".utf8))
    }
}
