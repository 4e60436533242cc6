public import ArgumentParser
import Corpus
import Extractor
import Foundation
import KnowledgeBase

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fact-check a figure or an amount of money against what the releases say: supported, contradicted, partly, or not found.",
        discussion: """
            The claim's figure (the first it states: a count, or an amount of money) is compared with the figures (the \
            amounts) the releases give of the same unit (currency, and `per` if the claim has one) about the same subject: \
            the programs the claim names; else the organizations, places and people it names (also acronyms and people \
            the knowledge base learned), in sentences that have the claim's other words too; else, naming none, in \
            sentences that have its words (failing a sentence, in documents that do).
            Exit status: 0 supported, 1 contradicted or partly, 2 not found.
            Examples: kb check "Jambore Karang Taruna dihadiri 1.600 peserta"; kb check "Gempa Ambon menewaskan 20 orang"; \
            kb check "anggaran Dinas Sosial 2025 sebesar Rp1,6 triliun"
            """
    )

    @Argument(help: ArgumentHelp("The claim, in Indonesian, with its figure or amount.", valueName: "claim"))
    var claim: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let checker = FactChecker(kb: try database.open(), extractor: DocumentExtractor(resources: try reading.extractionResources()))
        let result: CheckResult
        do { result = try checker.check(claim) } catch let error as FactChecker.CheckError { throw ValidationError(error.description) }
        switch format {
        case .json:
            print(try JSONOutput.string(result))
        case .text:
            var lines = ["verdict: \(result.verdict.rawValue)"]
            let c = result.claim
            func amount(_ value: Double?, _ max: Double?, _ unit: String?, _ per: String?) -> String {
                c.kind == "money" ? QueryEngine.formatMoney(value, max: max, currency: unit ?? "?", per: per) : "\(QueryEngine.format(value)) \(unit ?? "")"
            }
            lines.append("claim:   \(c.qualifier.map { $0 + " " } ?? "")\(amount(c.value, c.max, c.unit, c.per))\(c.year.map { " · " + $0 } ?? "") · about \(c.subjects.joined(separator: ", "))\(c.regions.map { " · in " + $0.joined(separator: ", ") } ?? "")")
            for e in result.evidence {
                lines.append("- \(e.relation): \(e.qualifier.map { $0 + " " } ?? "")\(amount(e.value, e.max, e.unit, e.per))\(e.date.map { " (" + $0 + ")" } ?? "")")
                lines.append("  “\(e.sentence)”")
                lines.append("  \(e.document.title ?? e.document.source) · \(e.document.outlet ?? "?") · \(e.document.published ?? "undated") · [\(e.span[0]), \(e.span[1])) \(e.document.source)")
            }
            print(lines.joined(separator: "\n"))
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List figures that disagree across documents, and parts that do not add up to their stated total.",
        discussion: """
            A disagreement: documents about one subject, in one year, state different counts of one unit, close enough \
            to be two reports of one count (the larger at most 1.5 times the smaller), each stated by a document that \
            does not state the other. Measures and rates (persen, poin, km, ton …) are left out. A sum: a total followed \
            by its parts (terdiri dari, meliputi, yakni, yaitu, dengan rincian), each smaller than the total, that do not \
            add up to it.
            """
    )

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let conflicts: [Conflict]
        do { conflicts = try database.open().conflicts() } catch let error as KnowledgeBaseError { throw ValidationError(error.description) }
        switch format {
        case .json:
            print(try JSONOutput.string(conflicts))
        case .text:
            if conflicts.isEmpty { print("no conflicting figures") }
            for (i, c) in conflicts.enumerated() {
                print("\(i + 1). \(c.kind == "sum" ? "does not add up" : "disagreement"): \(c.subject)\(c.period.map { " · " + $0 } ?? "") — \(c.explanation)")
                for item in c.items {
                    print("   \(QueryEngine.format(item.value)) \(item.unit ?? "") ← “\(item.surface)” · \(item.document.title ?? item.document.source) · \(item.document.outlet ?? "?") · \(item.document.published ?? "undated") · [\(item.span[0]), \(item.span[1]))")
                }
            }
        }
    }
}

extension TimelineFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a chronological timeline of a program, an official, an organization or a place.",
        discussion: "Formats: table, csv (RFC 4180), json, md, ics (RFC 5545), timelinejs (TimelineJS3), html (a printable page)."
    )

    @Argument(help: ArgumentHelp("A query, as for kb query (optional).", valueName: "query"))
    var query: String?

    @Option(help: "A program's name or acronym.") var program: String?
    @Option(help: "A person's name.") var person: String?
    @Option(help: "An organization's name or acronym.") var org: String?
    @Option(help: "A place's name.") var place: String?
    @Option(help: ArgumentHelp("First day (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Last day (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date")) var to: String?
    @Option(help: "table, csv, json, md, ics, timelinejs or html.") var format: TimelineFormat = .table
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path")) var output: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if query == nil, program == nil, person == nil, org == nil, place == nil, from == nil, to == nil {
            throw ValidationError("give a query or at least one of --program, --person, --org, --place, --from, --to")
        }
        for (name, value) in [("from", from), ("to", to)] {
            if let value, CalendarDate.dayBounds(of: value) == nil { throw ValidationError("--\(name) '\(value)' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") }
        }
    }

    func run() throws {
        let engine = QueryEngine(kb: try database.open(), resources: try reading.extractionResources())
        let filter = TimelineFilter(query: query, program: program, person: person, org: org, place: place,
                                    from: from.flatMap { CalendarDate.dayBounds(of: $0)?.first }, to: to.flatMap { CalendarDate.dayBounds(of: $0)?.last })
        let entries: [TimelineEntry]
        do { entries = try engine.timeline(filter) } catch let error as QueryEngine.TimelineError { throw ValidationError(error.description) }
        let title = "Linimasa " + ([query, program, person, org, place].compactMap { $0 } + [from, to].compactMap { $0 }).joined(separator: " · ")
        let text = try TimelineRender.render(entries, as: format, title: title)
        try OutputFile.write(text, to: output)
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the graph: jsonld (schema.org), graphml (Gephi), csv (Neo4j bulk import), ndjson (the extraction format).",
        discussion: "csv writes nodes.csv and relationships.csv and needs --output DIR."
    )

    @Option(help: "jsonld, graphml, csv or ndjson.") var format: ExportFormat
    @Option(name: .long, help: ArgumentHelp("A file (a folder for csv); standard output when left out.", valueName: "path")) var output: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if format == .csv, output == nil { throw ValidationError("--format csv writes two files (nodes.csv, relationships.csv): give --output DIR") }
    }

    func run() throws {
        let files = try database.open().export(format)
        if format == .csv, let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                try OutputFile.write(text, to: (output as NSString).appendingPathComponent(name))
            }
            return
        }
        try OutputFile.write(files.values.first ?? "", to: output)
    }
}

enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            if !text.hasSuffix("\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
            return
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("\(path): cannot write: \(error.localizedDescription)")
        }
    }
}
