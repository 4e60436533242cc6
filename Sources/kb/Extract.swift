import ArgumentParser
import Corpus
import Extractor
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read press releases and print what they say, one JSON object per document.",
        discussion: "PATH is a file (.txt, .html, .htm, .jsonl, .jsonl.gz), a folder read recursively, or - for standard input."
    )

    @Argument(help: ArgumentHelp("File, folder or - (standard input).", valueName: "path"))
    var paths: [String]

    @Option(help: "json (default when piped) or text (default on a terminal).")
    var format: OutputFormat?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let reader = try reading.corpusReader()
        let resources = try reading.extractionResources()
        let format = self.format ?? (Console.stdoutIsTerminal ? .text : .json)
        var documents: [Document] = []
        var failed = 0
        for path in paths {
            reader.forEachDocument(at: path) { outcome in
                switch outcome {
                case .success(let doc):
                    for warning in doc.warnings { Console.warn("warning: \(warning)") }
                    documents.append(doc)
                case .failure(let error):
                    Console.warn("error: \(error.description)")
                    failed += 1
                }
            }
        }
        // A document without a date completes a weekday's date within its years and the others', as in `kb ingest`.
        let extractor = DocumentExtractor(resources: resources).dating(alongside: documents.compactMap(\.published))
        var index = NearDuplicateIndex()
        index.reserveCapacity(documents.count)
        var links: [String: [String]] = [:]
        for doc in documents {
            for match in index.add(id: doc.id, text: doc.bodyText) {
                links[doc.id, default: []].append(match.id)
                links[match.id, default: []].append(doc.id)
            }
        }
        for doc in documents {
            var extraction = extractor.extract(doc).extraction
            extraction.document.nearDuplicates = links[doc.id]
            switch format {
            case .json:
                print(extraction.jsonLine)
            case .text:
                print(TextReport.describe(doc, extraction))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// The human-readable form of an extraction.
enum TextReport {
    static func describe(_ doc: Document, _ extraction: Extraction) -> String {
        var lines: [String] = []
        lines.append("── \(doc.source)")
        lines.append("   id         \(doc.id)")
        lines.append("   title      \(doc.title ?? "–")")
        lines.append("   published  \(doc.published?.iso ?? "–")\(doc.publishedSource.map { " (\($0))" } ?? "")")
        if let r = doc.reporter { lines.append("   reporter   \(r)") }
        if let e = doc.editor { lines.append("   editor     \(e)") }
        if let o = doc.outlet { lines.append("   outlet     \(o)") }
        if let p = doc.datelinePlace { lines.append("   dateline   \(p)") }
        if !doc.photoCredits.isEmpty { lines.append("   photo      \(doc.photoCredits.joined(separator: "; "))") }
        if let dups = extraction.document.nearDuplicates { lines.append("   near-duplicate of \(dups.joined(separator: ", "))") }
        let words = doc.paragraphs.reduce(0) { $0 + $1.text.split(separator: " ").count }
        lines.append("   body       \(doc.paragraphs.count) paragraphs, \(words) words")
        func v(_ d: Double?) -> String { d.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : String($0) } ?? "–" }
        func at(_ span: [Int]) -> String { "[\(span[0]), \(span[1]))" }
        let e = extraction
        if !e.officials.isEmpty { lines.append("   officials") }
        for o in e.officials { lines.append("     \(o.name) — \(o.title ?? "?")\(o.org.map { " · " + $0 } ?? "")   \(at(o.span))") }
        if !e.programs.isEmpty { lines.append("   programs") }
        for p in e.programs { lines.append("     \(p.name)\(p.acronym.map { " (\($0))" } ?? "") ← “\(p.surface)”   \(at(p.span))") }
        if !e.figures.isEmpty { lines.append("   figures") }
        for f in e.figures {
            lines.append("     \(f.qualifier.map { $0 + " " } ?? "")\(v(f.value))\(f.max.map { "–" + v($0) } ?? "") \(f.unit ?? "")\(f.about.map { " · about " + $0 } ?? "") ← “\(f.surface)”   \(at(f.span))")
        }
        if !e.money.isEmpty { lines.append("   money") }
        for m in e.money { lines.append("     \(m.currency) \(v(m.value))\(m.per.map { " per " + $0 } ?? "") ← “\(m.surface)”   \(at(m.span))") }
        if !e.dates.isEmpty { lines.append("   dates") }
        for d in e.dates { lines.append("     \(d.normalized ?? "unknown") (\(d.granularity)) ← “\(d.surface)”\(d.warning.map { "  ⚠ " + $0 } ?? "")   \(at(d.span))") }
        if !e.locations.isEmpty { lines.append("   places") }
        for l in e.locations { lines.append("     \(l.name) (\(l.type ?? "?"))\(l.parent.map { " in " + $0 } ?? "") ← “\(l.surface)”   \(at(l.span))") }
        if !e.events.isEmpty { lines.append("   events") }
        for ev in e.events {
            let who = ev.participants.map { "\(v($0.value)) \($0.unit ?? "")" }.joined(separator: ", ")
            lines.append("     \(ev.date ?? "undated")  \(ev.actor ?? "?") · \(ev.action)\(ev.program.map { " · " + $0 } ?? "")\(ev.location.map { " @ " + $0 } ?? "")\(who.isEmpty ? "" : " · " + who)   \(at(ev.span))")
        }
        return lines.joined(separator: "\n")
    }
}
