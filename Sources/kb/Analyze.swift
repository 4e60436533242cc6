import ArgumentParser
import Corpus
import Extractor
import Foundation

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how the Indonesian language layer reads a text: sentences, tokens, stems, numbers, money and dates.",
        discussion: """
            INPUT is a file (its body is analysed, spans point into the file), - for standard input, \
            or else the text itself. Dates without a year are completed from --published.
            """
    )

    @Argument(help: ArgumentHelp("Text, file, or - (standard input).", valueName: "input"))
    var input: String

    @Option(help: "json (default when piped) or text (default on a terminal).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Today's date for dates without a publication date (YYYY-MM-DD).", valueName: "date"))
    var today: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let analyzer = try reading.languageAnalyzer()
        let reader = try reading.corpusReader()
        let document: Document
        if input == "-" || FileManager.default.fileExists(atPath: input) {
            let result = reader.read(path: input)
            if let failure = result.failures.first { throw ValidationError(failure.description) }
            guard let first = result.documents.first else { throw ValidationError("\(input): no document") }
            document = first
        } else {
            let text = input
            document = Document(id: ContentHash.documentID(text), source: "argument", format: .text, text: text,
                                published: try reading.publishedDate(),
                                paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        }
        var todayDate = CalendarDate.today
        if let today {
            guard let d = CalendarDate(iso: today) else { throw ValidationError("--today '\(today)' is not a date in the form YYYY-MM-DD") }
            todayDate = d
        }
        let analysis = Analysis(document: document, analyzer: analyzer, today: todayDate)
        switch format ?? (Console.stdoutIsTerminal ? .text : .json) {
        case .json:
            print(try JSONOutput.string(analysis, pretty: false))
        case .text:
            print(Self.describe(analysis))
        }
    }

    static func describe(_ a: Analysis) -> String {
        var lines: [String] = []
        for (i, s) in a.sentences.enumerated() {
            lines.append("[\(i + 1)] \(s.span[0])–\(s.span[1])  \(s.text)")
            lines.append("    " + s.tokens.map { t in
                t.kind == "word" && t.stem != t.normalized ? "\(t.text)→\(t.stem)" : (t.kind == "word" ? t.text : "\(t.text)/\(t.kind)")
            }.joined(separator: " "))
        }
        func value(_ v: Double?) -> String {
            guard let v else { return "–" }
            return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        }
        if !a.numbers.isEmpty { lines.append("numbers:") }
        for n in a.numbers {
            lines.append("  \(n.surface)  = \(value(n.value))\(n.max.map { "–" + value($0) } ?? "") \(n.kind)\(n.unit.map { " " + $0 } ?? "")\(n.qualifier.map { " (\($0))" } ?? "")  [\(n.span[0]), \(n.span[1]))")
        }
        if !a.money.isEmpty { lines.append("money:") }
        for m in a.money {
            lines.append("  \(m.surface)  = \(m.currency) \(value(m.value))\(m.max.map { "–" + value($0) } ?? "")\(m.per.map { " per " + $0 } ?? "")\(m.qualifier.map { " (\($0))" } ?? "")  [\(m.span[0]), \(m.span[1]))")
        }
        if !a.dates.isEmpty { lines.append("dates:") }
        for d in a.dates {
            lines.append("  \(d.surface)  = \(d.normalized ?? "unknown") \(d.granularity)\(d.warning.map { "  ⚠ " + $0 } ?? "")  [\(d.span[0]), \(d.span[1]))")
        }
        return lines.joined(separator: "\n")
    }
}
