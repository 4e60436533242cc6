import Corpus
import Extractor
import Foundation
import KnowledgeBase

/// The timed parts of the benchmark, each a function of its input.
enum Measurements {
    /// Seconds for ICU word and sentence segmentation of every document's text through the C shim.
    static func icuSegmentation(_ documents: [Document]) -> (seconds: Double, segments: Int) {
        let texts = documents.map { Array($0.text.unicodeScalars) }
        let clock = ContinuousClock()
        var segments = 0
        let elapsed = clock.measure {
            for scalars in texts {
                // As the tokenizer asks for them: words and sentences from one conversion to UTF-16.
                let icu = ICUSegmenter.wordsAndSentenceEnds(scalars[...])
                segments += icu.words.count + icu.sentenceEnds.count
            }
        }
        return (elapsed.seconds, segments)
    }

    /// Seconds for ICU segmentation and for the whole extraction of the same documents, measured in turns, a chunk
    /// of documents at a time: both see the same moments of a machine whose speed drifts, so their ratio holds.
    /// Also counts the segments and facts found, which do not depend on the chunks.
    static func icuAndExtraction(_ documents: [Document], resources: ExtractionResources, chunk: Int = 250)
        -> (icu: Double, extraction: Double, segments: Int, facts: Int) {
        var result = (icu: 0.0, extraction: 0.0, segments: 0, facts: 0)
        var start = 0
        while start < documents.count {
            let part = Array(documents[start..<min(start + chunk, documents.count)])
            let icu = icuSegmentation(part)
            let extraction = Self.extraction(part, resources: resources)
            result.icu += icu.seconds
            result.extraction += extraction.seconds
            result.segments += icu.segments
            result.facts += extraction.facts
            start += chunk
        }
        return result
    }

    /// Seconds for the whole extraction of every document on this thread, with resources loaded beforehand.
    static func extraction(_ documents: [Document], resources: ExtractionResources) -> (seconds: Double, facts: Int) {
        // As an ingest of these documents would: the undated ones' weekdays within the others' years.
        let extractor = DocumentExtractor(resources: resources).dating(alongside: documents.compactMap(\.published))
        let clock = ContinuousClock()
        var facts = 0
        let elapsed = clock.measure {
            for document in documents {
                let e = extractor.extract(document).extraction
                facts += e.officials.count + e.figures.count + e.money.count + e.dates.count + e.events.count
            }
        }
        return (elapsed.seconds, facts)
    }

    /// `kb ingest` of a file into a fresh knowledge base, as a child process.
    static func ingest(kb: String, file: String, database: String, gazetteer: String, scratch: URL) throws(BenchError) -> (run: ChildRun, summary: Ingestion.Summary?) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let output = scratch.appendingPathComponent("ingest-output.json").path
        let run = try Subprocess.run(kb, ["ingest", file, "--db", database, "--gazetteer", gazetteer, "--json"], stdoutTo: output)
        try? FileManager.default.removeItem(atPath: output)
        let summary = try? JSONDecoder().decode(Ingestion.Summary.self, from: Data(run.output.utf8))
        // kb exits 1 when some record could not be read; the others are still stored.
        guard run.status == 0 || (run.status == 1 && summary != nil) else {
            throw .subprocess(command: "\(kb) ingest \(file)", reason: "exited with status \(run.status)")
        }
        return (run, summary)
    }

    /// The run of median time among `runs` (the slower of the middle two when they are even), with its CPU time:
    /// the same build's ingest of the whole corpus has taken anywhere from 7.0 to 8.9 s within minutes, so one run
    /// measures the machine's minute as much as the code.
    static func medianRun(_ runs: [ChildRun]) -> ChildRun {
        let sorted = runs.sorted { $0.seconds < $1.seconds }
        return sorted[sorted.count / 2]
    }

    /// A query's latencies: understanding plus answering, in milliseconds, each repetition.
    struct QueryTiming {
        var query: String
        var intent: String
        var results: Int
        var milliseconds: [Double]
    }

    /// Runs every query once untimed (to open the pool and warm SQLite's cache), then `repeats` times timed.
    static func queries(_ queries: [String], engine: QueryEngine, repeats: Int, limit: Int) throws -> [QueryTiming] {
        var timings: [QueryTiming] = []
        for query in queries {
            let understood = try engine.understand(query)
            let results = try engine.answer(understood, limit: limit)
            timings.append(QueryTiming(query: query, intent: understood.intent.rawValue, results: results.count, milliseconds: []))
        }
        let clock = ContinuousClock()
        for _ in 0..<repeats {
            for (k, query) in queries.enumerated() {
                var thrown: (any Error)?
                let elapsed = clock.measure {
                    do { _ = try engine.answer(try engine.understand(query), limit: limit) } catch { thrown = error }
                }
                if let thrown { throw thrown }
                timings[k].milliseconds.append(elapsed.seconds * 1000)
            }
        }
        return timings
    }

    /// The value below which `p` of the sorted values lie (nearest rank).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank - 1, 0), sorted.count - 1)]
    }
}

/// Realistic questions for a 2019 general-news corpus: events, officials, figures, places and full text.
enum QuerySet {
    static let all: [String] = [
        "kegiatan Dinas Sosial 2019",
        "siapa Gubernur DKI Jakarta",
        "berapa korban kebakaran",
        "bantuan sosial",
        "Anies Baswedan",
        "jumlah peserta",
        "program BPNT",
        "di mana banjir Jakarta Timur",
        "siapa Wali Kota Surabaya",
        "kegiatan Presiden Joko Widodo Agustus 2019",
        "berapa korban gempa",
        "jumlah penumpang",
        "siapa Kapolda Metro Jaya",
        "Program Keluarga Harapan",
        "siapa Menteri Sosial",
        "kegiatan Pemprov DKI Jakarta September 2019",
        "berapa anggaran 2019",
        "di mana kebakaran hutan",
        "Kementerian Sosial",
        "demo mahasiswa DPR",
        "jumlah korban meninggal gempa",
        "Tri Rismaharini",
        "sejak Maret 2019 banjir",
        "pemindahan ibu kota Kalimantan Timur",
        "harga cabai",
    ]
}
