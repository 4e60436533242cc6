import Extractor
import Foundation
import GRDB

/// The graph for other tools: schema.org JSON-LD, GraphML for Gephi, Neo4j bulk-import CSV, and the extraction format per document.
public enum ExportFormat: String, Sendable, CaseIterable {
    case jsonld, graphml, csv, ndjson
}

/// A node or an edge of the exported graph, with the document and span it rests on.
struct GraphSnapshot {
    struct Node { var id: String; var kind: String; var type: String?; var name: String; var aliases: [String] }
    struct Edge { var source: String; var target: String; var label: String; var document: String; var start: Int; var end: Int; var surface: String }
    struct Event { var id: Int64; var actor: String?; var action: String; var program: String?; var date: String?; var place: String?
                   var document: String; var sentence: String; var start: Int; var end: Int; var roles: [(String, String)] }
    struct Doc { var id: String; var title: String; var source: String; var url: String?; var outlet: String?; var published: String? }

    var nodes: [Node] = []
    var edges: [Edge] = []
    var events: [Event] = []
    var documents: [Doc] = []
}

extension KnowledgeBase {
    func snapshot() throws(KnowledgeBaseError) -> GraphSnapshot {
        try read { db in
            var g = GraphSnapshot()
            let aliases = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT entityId, alias FROM alias ORDER BY alias"), by: { $0["entityId"] as String })
            g.nodes = try Row.fetchAll(db, sql: """
                SELECT * FROM entity WHERE id IN (SELECT entityId FROM mention UNION SELECT personId FROM officialMention
                UNION SELECT orgId FROM officialMention WHERE orgId IS NOT NULL) ORDER BY id
                """).map { row in
                let id: String = row["id"]
                let name: String = row["name"]
                return GraphSnapshot.Node(id: id, kind: row["kind"], type: row["type"], name: name,
                                          aliases: (aliases[id] ?? []).map { $0["alias"] as String }.filter { $0 != name })
            }
            g.documents = try Row.fetchAll(db, sql: "SELECT id, headline, source, url, outlet, published FROM document ORDER BY id").map {
                GraphSnapshot.Doc(id: $0["id"], title: $0["headline"], source: $0["source"], url: $0["url"], outlet: $0["outlet"], published: $0["published"])
            }
            // Officials: person → organization, labelled with the position.
            for row in try Row.fetchAll(db, sql: "SELECT * FROM officialMention WHERE orgId IS NOT NULL AND NOT former ORDER BY id") {
                g.edges.append(.init(source: row["personId"], target: row["orgId"], label: "holds_position:" + (row["title"] as String? ?? ""),
                                     document: row["documentId"], start: row["start"], end: row["end"], surface: row["surface"]))
            }
            // Places inside places, organizations inside organizations.
            let known = Set(g.nodes.map(\.id))
            for row in try Row.fetchAll(db, sql: "SELECT id, parentId FROM entity WHERE parentId IS NOT NULL") where known.contains(row["id"]) && known.contains(row["parentId"]) {
                g.edges.append(.init(source: row["id"], target: row["parentId"], label: "part_of", document: "", start: 0, end: 0, surface: ""))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY id") {
                let id: Int64 = row["id"]
                let roles = try Row.fetchAll(db, sql: "SELECT role, entityId FROM eventRole WHERE eventId = ? ORDER BY role, entityId", arguments: [id])
                    .map { ($0["role"] as String, $0["entityId"] as String) }
                g.events.append(.init(id: id, actor: row["actor"], action: row["action"], program: row["program"], date: row["date"], place: row["location"],
                                      document: row["documentId"], sentence: row["sentence"], start: row["start"], end: row["end"], roles: roles))
            }
            return g
        }
    }

    /// Each stored document's extraction, one JSON object a line.
    func extractionsNDJSON() throws(KnowledgeBaseError) -> String {
        try read { db in try String.fetchAll(db, sql: "SELECT extraction FROM document ORDER BY id").joined(separator: "\n") + "\n" }
    }

    /// The graph in `format`; for `csv`, the Neo4j nodes and relationships files by name.
    public func export(_ format: ExportFormat) throws -> [String: String] {
        switch format {
        case .ndjson: return ["extractions.ndjson": try extractionsNDJSON()]
        case .jsonld: return ["graph.jsonld": try GraphWriters.jsonLD(try snapshot())]
        case .graphml: return ["graph.graphml": GraphWriters.graphML(try snapshot())]
        case .csv:
            let (nodes, relationships) = GraphWriters.neo4j(try snapshot())
            return ["nodes.csv": nodes, "relationships.csv": relationships]
        }
    }
}

enum GraphWriters {
    static func schemaType(_ node: GraphSnapshot.Node) -> String {
        switch node.kind {
        case "person": return "Person"
        case "organization": return "GovernmentOrganization"
        case "place": return "Place"
        case "program": return "Thing"
        case "position": return "Role"
        default: return "Thing"
        }
    }

    static func iri(_ id: String) -> String { "urn:kb:" + id }

    /// schema.org JSON-LD with provenance for each fact: the document (`CreativeWork`) and the characters it rests on.
    static func jsonLD(_ g: GraphSnapshot) throws -> String {
        var graph: [[String: Any]] = []
        for d in g.documents {
            var node: [String: Any] = ["@id": iri("document:" + d.id), "@type": "NewsArticle", "headline": d.title, "kb:source": d.source]
            if let url = d.url { node["url"] = url }
            if let outlet = d.outlet { node["publisher"] = ["@type": "Organization", "name": outlet] }
            if let published = d.published { node["datePublished"] = published }
            graph.append(node)
        }
        var affiliations: [String: [[String: Any]]] = [:]
        for e in g.edges where e.label.hasPrefix("holds_position:") {
            affiliations[e.source, default: []].append([
                "@type": "OrganizationRole", "roleName": String(e.label.dropFirst("holds_position:".count)),
                "memberOf": ["@id": iri(e.target)],
                "kb:provenance": ["kb:document": ["@id": iri("document:" + e.document)], "kb:start": e.start, "kb:end": e.end, "kb:surface": e.surface],
            ])
        }
        let parents = Dictionary(g.edges.filter { $0.label == "part_of" }.map { ($0.source, $0.target) }, uniquingKeysWith: { a, _ in a })
        for n in g.nodes {
            var node: [String: Any] = ["@id": iri(n.id), "@type": schemaType(n), "name": n.name]
            if !n.aliases.isEmpty { node["alternateName"] = n.aliases }
            if let type = n.type { node["kb:type"] = type }
            if let parent = parents[n.id] { node[n.kind == "place" ? "containedInPlace" : "parentOrganization"] = ["@id": iri(parent)] }
            if let roles = affiliations[n.id] { node["memberOf"] = roles }
            graph.append(node)
        }
        for e in g.events {
            var node: [String: Any] = ["@id": iri("event:\(e.id)"), "@type": "Event", "name": [e.action, e.program].compactMap { $0 }.joined(separator: " "),
                                       "description": e.sentence, "kb:action": e.action,
                                       "kb:provenance": ["kb:document": ["@id": iri("document:" + e.document)], "kb:start": e.start, "kb:end": e.end]]
            if let date = e.date { node["startDate"] = String(date.split(separator: "/")[0]) }
            if let date = e.date, date.contains("/") { node["endDate"] = String(date.split(separator: "/")[1]) }
            let byRole = Dictionary(grouping: e.roles, by: \.0)
            if let actors = byRole["actor"] { node["organizer"] = actors.map { ["@id": iri($0.1)] } }
            if let places = byRole["place"] { node["location"] = places.map { ["@id": iri($0.1)] } }
            if let programs = byRole["program"] { node["about"] = programs.map { ["@id": iri($0.1)] } }
            if let others = byRole["mentioned"] { node["attendee"] = others.map { ["@id": iri($0.1)] } }
            graph.append(node)
        }
        let document: [String: Any] = ["@context": ["@vocab": "https://schema.org/", "kb": "urn:kb:vocab#"], "@graph": graph]
        return String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// GraphML for Gephi: node types and names, edge labels with their source document.
    static func graphML(_ g: GraphSnapshot) -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#,
                     #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
                     #"  <key id="type" for="node" attr.name="type" attr.type="string"/>"#,
                     #"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#,
                     #"  <key id="date" for="node" attr.name="date" attr.type="string"/>"#,
                     #"  <key id="edgelabel" for="edge" attr.name="label" attr.type="string"/>"#,
                     #"  <key id="document" for="edge" attr.name="document" attr.type="string"/>"#,
                     #"  <graph id="kb" edgedefault="directed">"#]
        for n in g.nodes {
            lines.append(#"    <node id="\#(xml(n.id))"><data key="type">\#(xml(n.kind))</data><data key="label">\#(xml(n.name))</data></node>"#)
        }
        for e in g.events {
            lines.append(#"    <node id="event:\#(e.id)"><data key="type">event</data><data key="label">\#(xml([e.action, e.program].compactMap { $0 }.joined(separator: " ")))</data><data key="date">\#(xml(e.date ?? ""))</data></node>"#)
        }
        var k = 0
        func edge(_ s: String, _ t: String, _ label: String, _ doc: String) {
            k += 1
            lines.append(#"    <edge id="e\#(k)" source="\#(xml(s))" target="\#(xml(t))"><data key="edgelabel">\#(xml(label))</data><data key="document">\#(xml(doc))</data></edge>"#)
        }
        let nodeIDs = Set(g.nodes.map(\.id))
        for e in g.edges where nodeIDs.contains(e.source) && nodeIDs.contains(e.target) { edge(e.source, e.target, e.label, e.document) }
        for e in g.events {
            for (role, id) in e.roles where nodeIDs.contains(id) { edge("event:\(e.id)", id, role, e.document) }
        }
        lines += ["  </graph>", "</graphml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Neo4j's bulk import: `nodes.csv` (`id:ID,name,kind,:LABEL`) and `relationships.csv` (`:START_ID,:END_ID,:TYPE,…`).
    static func neo4j(_ g: GraphSnapshot) -> (String, String) {
        let f = TimelineRender.csvField
        var nodes = ["id:ID,name,kind,type,date,:LABEL"]
        for n in g.nodes {
            nodes.append([n.id, n.name, n.kind, n.type ?? "", "", n.kind.prefix(1).uppercased() + n.kind.dropFirst()].map(f).joined(separator: ","))
        }
        for e in g.events {
            nodes.append(["event:\(e.id)", [e.action, e.program].compactMap { $0 }.joined(separator: " "), "event", "", e.date ?? "", "Event"].map(f).joined(separator: ","))
        }
        var relationships = [":START_ID,:END_ID,:TYPE,label,document,start:int,end:int"]
        let nodeIDs = Set(g.nodes.map(\.id))
        for e in g.edges where nodeIDs.contains(e.source) && nodeIDs.contains(e.target) {
            let type = e.label.hasPrefix("holds_position:") ? "HOLDS_POSITION" : "PART_OF"
            let label = e.label.hasPrefix("holds_position:") ? String(e.label.dropFirst("holds_position:".count)) : ""
            relationships.append([e.source, e.target, type, label, e.document, String(e.start), String(e.end)].map(f).joined(separator: ","))
        }
        for e in g.events {
            for (role, id) in e.roles where nodeIDs.contains(id) {
                relationships.append(["event:\(e.id)", id, role.uppercased(), "", e.document, String(e.start), String(e.end)].map(f).joined(separator: ","))
            }
        }
        return (nodes.joined(separator: "\r\n") + "\r\n", relationships.joined(separator: "\r\n") + "\r\n")
    }
}
