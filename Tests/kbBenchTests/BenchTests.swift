import ArgumentParser
import Corpus
import Extractor
import Foundation
import KnowledgeBase
import Testing
@testable import kb_bench

/// The repository, for the seeds and the gazetteer.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func point(_ fraction: Double, bytes: Int, extract: Double, icu: Double, ingest: Double) -> BenchResults.GrowthPoint {
    .init(fraction: fraction, documents: Int(fraction * 1000), bytes: bytes, extractSeconds: extract, icuSeconds: icu,
          ingestSeconds: ingest, ingestCPUSeconds: ingest * 1.7, peakRSSMB: 100)
}

private func results(growth: [BenchResults.GrowthPoint], extractToICU: Double = 0.07, ingest: Double = 1.3) -> BenchResults {
    BenchResults(documents: 1000, bytes: growth.last?.bytes ?? 0, icuSegmentMBs: 30, extractMBs: 2, ingestMBs: ingest,
                 queryP50ms: 2, queryP99ms: 19, peakRSSMB: 220, extractToICU: extractToICU, growth: growth, queries: [],
                 targets: [:], wholeCorpus: true, cores: 2, date: "2026-11-23T00:00:00Z")
}

private func verdict(_ key: String, _ r: BenchResults) throws -> Targets.Verdict {
    try #require(Targets.judge(r).first { $0.key == key })
}

@Suite("The benchmark's figures and verdicts")
struct BenchTests {
    @Test("results.json holds the issue's keys, and each growth point its figures")
    func keys() throws {
        let r = results(growth: [point(0.25, bytes: 1_000, extract: 1, icu: 0.05, ingest: 1), point(1, bytes: 4_000, extract: 4, icu: 0.2, ingest: 4)])
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(r)) as? [String: Any]
        let keys = Set(try #require(json).keys)
        for key in ["icu_segment_mb_s", "extract_mb_s", "ingest_mb_s", "query_p50_ms", "query_p99_ms", "peak_rss_mb", "growth", "documents", "bytes"] {
            #expect(keys.contains(key), "\(key)")
        }
        let growth = try #require((json?["growth"] as? [[String: Any]])?.first)
        #expect(Set(growth.keys) == ["fraction", "documents", "bytes", "extract_s", "icu_s", "ingest_s", "ingest_cpu_s", "peak_rss_mb"])
    }

    @Test("extraction growth is judged against ICU of the same turns: a slower machine is not a slower algorithm")
    func linearRelativeToICU() throws {
        // Per byte, the whole corpus took 1.4 times as long as the first quarter, and so did ICU in the same turns.
        let drift = results(growth: [point(0.25, bytes: 1_000, extract: 1, icu: 0.05, ingest: 1), point(1, bytes: 4_000, extract: 5.6, icu: 0.28, ingest: 4)])
        #expect(try verdict("extract_linear", drift).met)
        // ICU kept its pace while extraction slowed per byte: growth beyond linear.
        let superlinear = results(growth: [point(0.25, bytes: 1_000, extract: 1, icu: 0.05, ingest: 1), point(1, bytes: 4_000, extract: 5.6, icu: 0.2, ingest: 4)])
        #expect(try !verdict("extract_linear", superlinear).met)
        #expect(try verdict("extract_linear", superlinear).figure == "1.40 ×")
        // The ingest has no yardstick: its own time per byte.
        let slowIngest = results(growth: [point(0.25, bytes: 1_000, extract: 1, icu: 0.05, ingest: 1), point(1, bytes: 4_000, extract: 4, icu: 0.2, ingest: 6)])
        #expect(try !verdict("ingest_linear", slowIngest).met)
        #expect(try verdict("ingest_linear", drift).met)
    }

    @Test("the thresholds of the other targets")
    func thresholds() throws {
        let growth = [point(0.25, bytes: 1_000, extract: 1, icu: 0.05, ingest: 1), point(1, bytes: 4_000, extract: 4, icu: 0.2, ingest: 4)]
        #expect(try !verdict("extract_ge_quarter_icu", results(growth: growth, extractToICU: 0.249)).met)
        #expect(try verdict("extract_ge_quarter_icu", results(growth: growth, extractToICU: 0.25)).met)
        #expect(try !verdict("ingest_ge_5_mb_s", results(growth: growth, ingest: 4.99)).met)
        #expect(try verdict("ingest_ge_5_mb_s", results(growth: growth, ingest: 5)).met)
        #expect(try verdict("query_p99_lt_50_ms", results(growth: growth)).met)
        #expect(try verdict("peak_rss_lt_500_mb", results(growth: growth)).met)
    }

    @Test("an ingest's figures are those of its run of median time, with that run's CPU time")
    func medianRun() {
        func run(_ seconds: Double, cpu: Double) -> ChildRun { ChildRun(status: 0, seconds: seconds, cpuSeconds: cpu, maxRSSBytes: 1, output: "") }
        #expect(Measurements.medianRun([run(8.9, cpu: 16.5), run(7.0, cpu: 13.1), run(7.5, cpu: 13.4)]).cpuSeconds == 13.4)
        #expect(Measurements.medianRun([run(7.0, cpu: 13.1)]).seconds == 7.0)
        #expect(Measurements.medianRun([run(7.0, cpu: 13.1), run(9.0, cpu: 17)]).seconds == 9.0)
    }

    @Test("the printed table shows every figure, the growth rows and each target with its verdict")
    func table() throws {
        let r = results(growth: [point(0.25, bytes: 1_000_000, extract: 1, icu: 0.05, ingest: 1), point(1, bytes: 4_000_000, extract: 4, icu: 0.2, ingest: 4)])
        let verdicts = Targets.judge(r)
        let lines = Targets.table(r, verdicts: verdicts).split(separator: "\n").map(String.init)
        for key in ["icu_segment_mb_s", "extract_mb_s", "ingest_mb_s", "query_p50_ms", "query_p99_ms", "peak_rss_mb"] {
            #expect(lines.contains { $0.hasPrefix("  \(key) ") }, "\(key)")
        }
        #expect(lines.contains { $0.hasPrefix("  icu_segment_mb_s") && $0.contains("30.00") })
        #expect(lines.contains { $0.contains("25%") && $0.contains("1.00") } && lines.contains { $0.contains("100%") && $0.contains("4.00") })
        #expect(verdicts.count == 6)
        for v in verdicts {
            #expect(lines.contains { $0.contains(v.label) && $0.contains(v.figure) && $0.hasPrefix(v.met ? "  met" : "  MISSED") }, "\(v.key)")
        }
        #expect(lines.contains { $0.hasPrefix("  MISSED") && $0.contains("ingest ≥ 5 MB/s") })
    }

    @Test("ICU and extraction in turns cover every document once, whatever the chunk")
    func inTurns() throws {
        let reader = CorpusReader(boilerplate: try BoilerplateRules.load(path: root.appendingPathComponent("gazetteer/boilerplate.tsv").path))
        let documents = reader.read(path: root.appendingPathComponent("corpus").path).documents
        #expect(documents.count == 5)
        let resources = try ExtractionResources.load(gazetteerFolder: root.appendingPathComponent("gazetteer").path)
        let segments = Measurements.icuSegmentation(documents).segments
        let facts = Measurements.extraction(documents, resources: resources).facts
        #expect(segments > 0 && facts > 0)
        for chunk in [1, 2, 5, 250] {
            let turns = Measurements.icuAndExtraction(documents, resources: resources, chunk: chunk)
            #expect(turns.segments == segments, "chunk \(chunk)")
            #expect(turns.facts == facts, "chunk \(chunk)")
            #expect(turns.icu > 0 && turns.extraction > 0, "chunk \(chunk)")
        }
    }

    @Test("the fixed queries: at least 20, distinct, every kind of question, each answered and timed as often as asked")
    func querySet() async throws {
        let queries = QuerySet.all
        #expect(queries.count >= 20)
        #expect(Set(queries).count == queries.count)
        let reader = CorpusReader(boilerplate: try BoilerplateRules.load(path: root.appendingPathComponent("gazetteer/boilerplate.tsv").path))
        let resources = try ExtractionResources.load(gazetteerFolder: root.appendingPathComponent("gazetteer").path)
        let kb = try KnowledgeBase()
        let summary = try await Ingestion(reader: reader, extractor: DocumentExtractor(resources: resources), kb: kb)
            .run(paths: [root.appendingPathComponent("corpus").path])
        #expect(summary.new == 5)
        let timings = try Measurements.queries(queries, engine: QueryEngine(kb: kb, resources: resources), repeats: 3, limit: 20)
        #expect(timings.map(\.query) == queries)
        #expect(Set(timings.map(\.intent)).isSuperset(of: ["events", "officials", "figures", "places", "sentences"]))
        for timing in timings { #expect(timing.milliseconds.count == 3 && timing.milliseconds.allSatisfy { $0 >= 0 }, "\(timing.query)") }
    }
}

/// `make -s bench` in the repository with `settings` on its command line, in `environment` (this process's when nil):
/// its exit status and everything it printed.
private func makeBench(_ settings: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let make = Process()
    make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    make.arguments = ["make", "-s", "-C", root.path, "bench"] + settings
    if let environment { make.environment = environment }
    let output = Pipe()
    make.standardOutput = output
    make.standardError = output
    try make.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    make.waitUntilExit()
    return (make.terminationStatus, text)
}

@Suite("make bench's settings")
struct BenchSettingsTests {
    /// Runs `make bench` with the builds skipped (`SWIFT=true`) and a stand-in kb-bench that prints its arguments.
    func benchArguments(_ settings: [String]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus.jsonl")
        try Data("{}\n".utf8).write(to: corpus)
        let standIn = folder.appendingPathComponent("kb-bench")
        try Data("#!/bin/sh\necho \"$@\"\n".utf8).write(to: standIn)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: standIn.path)
        var environment = ProcessInfo.processInfo.environment
        environment["BENCH_RELEASE_DIR"] = folder.path
        environment["BENCH_DOCS"] = nil  // only what `settings` say
        let run = try makeBench(["CORPUS=\(corpus.path)", "SWIFT=true"] + settings, environment: environment)
        return (run.status, run.output.split(separator: "\n").last.map(String.init) ?? "")
    }

    @Test("BENCH_DOCS=N reaches kb-bench as --docs N, with the corpus and the release kb")
    func documentLimit() throws {
        let run = try benchArguments(["BENCH_DOCS=7"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasSuffix("--output bench/results.json --docs 7"), "\(run.output)")
        #expect(run.output.contains("/kb --corpus "), "\(run.output)")
        #expect(run.output.contains("corpus.jsonl --gazetteer gazetteer"), "\(run.output)")
    }

    @Test("without BENCH_DOCS, every document")
    func allDocuments() throws {
        let run = try benchArguments([])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasSuffix("--output bench/results.json"), "\(run.output)")
        #expect(!run.output.contains("--docs"), "\(run.output)")
    }

    @Test("kb-bench reads BENCH_DOCS when --docs is not given, and refuses what is not a positive number")
    func limitParsing() throws {
        let given = try KBBench.parse(["--kb", "kb", "--corpus", "c.jsonl", "--docs", "12"])
        #expect(try given.documentLimit() == 12)
        setenv("BENCH_DOCS", "9", 1)
        defer { unsetenv("BENCH_DOCS") }
        #expect(try KBBench.parse(["--kb", "kb", "--corpus", "c.jsonl"]).documentLimit() == 9)
        #expect(try given.documentLimit() == 12)  // --docs wins
        setenv("BENCH_DOCS", "nine", 1)
        #expect(throws: (any Error).self) { try KBBench.parse(["--kb", "kb", "--corpus", "c.jsonl"]) }
        #expect(throws: (any Error).self) { try KBBench.parse(["--kb", "kb", "--corpus", "c.jsonl", "--docs", "0"]) }
        #expect(throws: (any Error).self) { try KBBench.parse(["--kb", "kb", "--corpus", "c.jsonl", "--docs", "x"]) }
    }
}

@Suite("make bench without its corpus")
struct BenchSkipTests {
    @Test("says the corpus is absent, names it, and exits 0 without building anything")
    func skipsWithoutCorpus() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("kb-no-such-corpus-\(UUID().uuidString).jsonl.gz").path
        let run = try makeBench(["CORPUS=\(missing)"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == "bench: the corpus \(missing) is absent: nothing measured (it comes with ../shared/corpora)\n")
    }
}

