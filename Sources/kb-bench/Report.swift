import Foundation

/// `bench/results.json`: the figures of one run.
struct BenchResults: Codable {
    struct GrowthPoint: Codable {
        var fraction: Double
        var documents: Int
        var bytes: Int
        var extractSeconds: Double
        /// ICU segmentation of the same documents, measured in turns with the extraction: the yardstick that makes
        /// the extraction's growth comparable across sizes measured minutes apart.
        var icuSeconds: Double
        var ingestSeconds: Double
        /// The ingest's user + system time: ingest_cpu_s / ingest_s is the number of cores it kept busy.
        var ingestCPUSeconds: Double
        var peakRSSMB: Double

        enum CodingKeys: String, CodingKey {
            case fraction, documents, bytes
            case extractSeconds = "extract_s", icuSeconds = "icu_s", ingestSeconds = "ingest_s", ingestCPUSeconds = "ingest_cpu_s", peakRSSMB = "peak_rss_mb"
        }
    }

    struct QueryFigure: Codable {
        var query: String
        var intent: String
        var results: Int
        var p50Milliseconds: Double
        var maxMilliseconds: Double

        enum CodingKeys: String, CodingKey {
            case query, intent, results, p50Milliseconds = "p50_ms", maxMilliseconds = "max_ms"
        }
    }

    var documents: Int
    var bytes: Int
    var icuSegmentMBs: Double
    var extractMBs: Double
    var ingestMBs: Double
    var queryP50ms: Double
    var queryP99ms: Double
    var peakRSSMB: Double
    /// extract_mb_s / icu_segment_mb_s, from the same run.
    var extractToICU: Double
    var growth: [GrowthPoint]
    var queries: [QueryFigure]
    var targets: [String: Bool]
    /// Whether the documents were the whole corpus (targets such as query latency are stated for it).
    var wholeCorpus: Bool
    var cores: Int
    var date: String

    enum CodingKeys: String, CodingKey {
        case documents, bytes
        case icuSegmentMBs = "icu_segment_mb_s", extractMBs = "extract_mb_s", ingestMBs = "ingest_mb_s"
        case queryP50ms = "query_p50_ms", queryP99ms = "query_p99_ms", peakRSSMB = "peak_rss_mb"
        case extractToICU = "extract_to_icu", growth, queries, targets
        case wholeCorpus = "whole_corpus", cores, date
    }
}

/// The targets of the issue, judged on one run's figures; reported, never enforced.
enum Targets {
    /// Time per byte at 100% may be at most this multiple of the time per byte at 25% for growth to count as linear.
    static let linearSlack = 1.3

    struct Verdict {
        var key: String
        var label: String
        var figure: String
        var met: Bool
    }

    static func judge(_ r: BenchResults) -> [Verdict] {
        /// A cost per byte at the largest size over the same at the smallest (0 when unknown).
        func growthRatio(_ cost: (BenchResults.GrowthPoint) -> Double) -> Double {
            guard let first = r.growth.first, let last = r.growth.last, cost(first) > 0 else { return 0 }
            return cost(last) / cost(first)
        }
        // Extraction in units of ICU's time on the same bytes, measured in the same turns: the machine's drift between
        // the sizes cancels out (ICU segmentation itself is linear).
        let extractGrowth = growthRatio { $0.icuSeconds > 0 ? $0.extractSeconds / $0.icuSeconds : 0 }
        let ingestGrowth = growthRatio { $0.ingestSeconds / Double(max($0.bytes, 1)) }
        return [
            Verdict(key: "extract_ge_quarter_icu", label: "extraction ≥ 0.25 × ICU segmentation",
                    figure: String(format: "%.3f × ICU", r.extractToICU), met: r.extractToICU >= 0.25),
            Verdict(key: "ingest_ge_5_mb_s", label: "ingest ≥ 5 MB/s",
                    figure: String(format: "%.2f MB/s", r.ingestMBs), met: r.ingestMBs >= 5),
            Verdict(key: "query_p99_lt_50_ms", label: "query p99 < 50 ms" + (r.wholeCorpus ? "" : " (not the whole corpus)"),
                    figure: String(format: "%.1f ms", r.queryP99ms), met: r.queryP99ms < 50),
            Verdict(key: "peak_rss_lt_500_mb", label: "ingest peak memory < 500 MB",
                    figure: String(format: "%.0f MB", r.peakRSSMB), met: r.peakRSSMB < 500),
            Verdict(key: "extract_linear", label: "extraction linear (s/MB ÷ ICU's, 100% ≤ \(linearSlack) × 25%)",
                    figure: String(format: "%.2f ×", extractGrowth), met: extractGrowth > 0 && extractGrowth <= linearSlack),
            Verdict(key: "ingest_linear", label: "ingest time linear (s/MB at 100% ≤ \(linearSlack) × at 25%)",
                    figure: String(format: "%.2f ×", ingestGrowth), met: ingestGrowth > 0 && ingestGrowth <= linearSlack),
        ]
    }

    /// The readable table printed at the end of a run.
    static func table(_ r: BenchResults, verdicts: [Verdict]) -> String {
        var lines: [String] = []
        func row(_ name: String, _ value: String) { lines.append("  " + name.padding(toLength: 22, withPad: " ", startingAt: 0) + value) }
        lines.append(String(format: "kb-bench · %d documents · %.2f MB of text · %d cores", r.documents, Double(r.bytes) / 1e6, r.cores)
                     + (r.wholeCorpus ? "" : " · first documents only (BENCH_DOCS)"))
        lines.append("")
        row("icu_segment_mb_s", String(format: "%9.2f  MB/s  ICU word + sentence breaks, one core", r.icuSegmentMBs))
        row("extract_mb_s", String(format: "%9.2f  MB/s  DocumentExtractor.extract, one core", r.extractMBs))
        row("  extract / ICU", String(format: "%9.3f", r.extractToICU))
        row("ingest_mb_s", String(format: "%9.2f  MB/s  kb ingest end to end, all cores", r.ingestMBs))
        row("query_p50_ms", String(format: "%9.2f  ms    %d queries × repeats", r.queryP50ms, r.queries.count))
        row("query_p99_ms", String(format: "%9.2f  ms", r.queryP99ms))
        row("peak_rss_mb", String(format: "%9.1f  MB    kb ingest's peak resident memory (VmHWM)", r.peakRSSMB))
        lines.append("")
        lines.append("  growth     documents        MB   extract s   ingest s   extract MB/s   ingest MB/s   ingest cores   peak MB")
        for p in r.growth {
            let mb = Double(p.bytes) / 1e6
            lines.append(String(format: "  %5.0f%%   %10d  %8.2f  %10.2f  %9.2f  %13.2f  %12.2f  %13.2f  %8.0f",
                                p.fraction * 100, p.documents, mb, p.extractSeconds, p.ingestSeconds,
                                mb / max(p.extractSeconds, 1e-9), mb / max(p.ingestSeconds, 1e-9),
                                p.ingestCPUSeconds / max(p.ingestSeconds, 1e-9), p.peakRSSMB))
        }
        lines.append("")
        lines.append("  queries (p50 / max ms, results, intent)")
        for q in r.queries {
            lines.append(String(format: "  %7.2f %7.2f %4d  %@  %@", q.p50Milliseconds, q.maxMilliseconds, q.results,
                                q.intent.padding(toLength: 9, withPad: " ", startingAt: 0), q.query))
        }
        lines.append("")
        lines.append("  targets")
        for v in verdicts {
            lines.append("  " + (v.met ? "met    " : "MISSED ") + v.label.padding(toLength: 58, withPad: " ", startingAt: 0) + v.figure)
        }
        return lines.joined(separator: "\n")
    }
}
