import ArgumentParser
import Foundation
import KnowledgeBase

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "An entity's page: aliases, positions held with dates, events, figures, related entities, sources.")

    @Argument(help: ArgumentHelp("A name, alias or id (Premi Lasari, TKSK, program:tksk).", valueName: "name"))
    var name: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let page: EntityPage?
        do { page = try database.open().page(for: name) } catch let error as KnowledgeBaseError { throw ValidationError(error.description) }
        guard let page else { throw ValidationError("'\(name)': no entity with that name, alias or id (try kb entities)") }
        if format == .json {
            print(try JSONOutput.string(page))
            return
        }
        var lines = ["\(page.name)  (\(page.kind)\(page.type.flatMap { $0 == page.kind ? nil : ", " + $0 } ?? ""); \(page.id))"]
        if !page.aliases.isEmpty { lines.append("aliases: " + page.aliases.joined(separator: ", ")) }
        if !page.positions.isEmpty { lines.append("positions:") }
        for t in page.positions { lines.append("  \(t.title)\(t.organization.map { " · " + $0 } ?? "")  \(t.first) … \(t.last)  (\(t.evidence) source(s))") }
        if !page.holders.isEmpty { lines.append("office holders:") }
        for t in page.holders { lines.append("  \(t.organization ?? "?") — \(t.title)  \(t.first) … \(t.last)") }
        for v in page.variants { lines.append("possible variant: \(v)") }
        if !page.events.isEmpty { lines.append("events:") }
        for e in page.events { lines.append("  \(e.date ?? "undated")  \(e.text)  — \(e.title ?? e.document)") }
        if !page.figures.isEmpty { lines.append("figures:") }
        for f in page.figures { lines.append("  \(f.date ?? "undated")  \(f.text)  — \(f.title ?? f.document)") }
        if !page.related.isEmpty { lines.append("related: " + page.related.map { "\($0.name) (\($0.kind))" }.joined(separator: ", ")) }
        if !page.sources.isEmpty { lines.append("sources:") }
        for s in page.sources { lines.append("  \(s)") }
        print(lines.joined(separator: "\n"))
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the entities the knowledge base has seen, most mentioned first.")

    @Option(help: "person, organization, program, place or position.")
    var type: String?

    @Option(help: "table, json or csv.")
    var format: TableFormat = .table

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let type, !["person", "organization", "program", "place", "position"].contains(type) {
            throw ValidationError("--type must be person, organization, program, place or position, not '\(type)'")
        }
    }

    func run() throws {
        let list: [EntityListing]
        do { list = try database.open().entities(kind: type) } catch let error as KnowledgeBaseError { throw ValidationError(error.description) }
        switch format {
        case .json:
            print(try JSONOutput.string(list))
        case .csv:
            print((["id,kind,name,mentions,documents"] + list.map { [$0.id, $0.kind, $0.name, String($0.mentions), String($0.documents)].map(TimelineRender.csvField).joined(separator: ",") }).joined(separator: "\r\n"))
        case .table:
            for e in list { print("\(e.kind.padding(toLength: 13, withPad: " ", startingAt: 0)) \(e.name.padding(toLength: 48, withPad: " ", startingAt: 0)) \(e.mentions) mentions in \(e.documents) documents  \(e.id)") }
        }
    }
}
