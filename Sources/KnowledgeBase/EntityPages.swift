import Extractor
import Foundation
import GRDB

/// An entity's page: what kb knows about one person, organization, program or place.
public struct EntityPage: Sendable, Codable {
    public struct Term: Sendable, Codable { public var title: String; public var organization: String?; public var first: String; public var last: String; public var evidence: Int }
    public struct Item: Sendable, Codable { public var date: String?; public var text: String; public var document: String; public var title: String?; public var span: [Int] }
    public struct Related: Sendable, Codable { public var id: String; public var kind: String; public var name: String; public var together: Int }

    public var id: String
    public var kind: String
    public var name: String
    public var type: String?
    public var aliases: [String]
    public var positions: [Term]
    public var holders: [Term]
    public var variants: [String]
    public var events: [Item]
    public var figures: [Item]
    public var related: [Related]
    public var sources: [String]
}

public struct EntityListing: Sendable, Codable {
    public var id: String
    public var kind: String
    public var name: String
    public var mentions: Int
    public var documents: Int
}

extension KnowledgeBase {
    /// Entities that were mentioned, most mentioned first.
    public func entities(kind: String?) throws(KnowledgeBaseError) -> [EntityListing] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.kind, e.name, count(m.id) AS mentions, count(DISTINCT m.documentId) AS documents
                FROM entity e JOIN mention m ON m.entityId = e.id WHERE (? IS NULL OR e.kind = ?)
                GROUP BY e.id ORDER BY mentions DESC, e.name
                """, arguments: [kind, kind]).map {
                EntityListing(id: $0["id"], kind: $0["kind"], name: $0["name"], mentions: $0["mentions"], documents: $0["documents"])
            }
        }
    }

    /// The page of the entity whose id, name or alias is `name` (exact first, then a prefix).
    public func page(for name: String) throws(KnowledgeBaseError) -> EntityPage? {
        try read { db in
            let key = Gazetteer.normalize(name)
            let id = try String.fetchOne(db, sql: "SELECT id FROM entity WHERE id = ?", arguments: [name])
                ?? String.fetchOne(db, sql: """
                    SELECT a.entityId FROM alias a LEFT JOIN mention m ON m.entityId = a.entityId WHERE a.normalized = ?
                    GROUP BY a.entityId ORDER BY count(m.id) DESC LIMIT 1
                    """, arguments: [key])
                ?? String.fetchOne(db, sql: """
                    SELECT a.entityId FROM alias a JOIN mention m ON m.entityId = a.entityId WHERE a.normalized LIKE ? || '%'
                    GROUP BY a.entityId ORDER BY count(m.id) DESC LIMIT 1
                    """, arguments: [key])
            guard let id, let entity = try Row.fetchOne(db, sql: "SELECT * FROM entity WHERE id = ?", arguments: [id]) else { return nil }
            let aliases = try String.fetchAll(db, sql: "SELECT alias FROM alias WHERE entityId = ? ORDER BY alias", arguments: [id])
            func terms(_ sql: String) throws -> [EntityPage.Term] {
                try Row.fetchAll(db, sql: sql, arguments: [id]).map {
                    EntityPage.Term(title: $0["title"], organization: $0["orgName"] ?? $0["personName"], first: $0["firstDate"], last: $0["lastDate"], evidence: $0["evidence"])
                }
            }
            let positions = try terms("SELECT t.*, o.name AS orgName, NULL AS personName FROM officeTerm t LEFT JOIN entity o ON o.id = t.orgId WHERE t.personId = ? ORDER BY t.firstDate")
            let holders = try terms("""
                SELECT t.*, NULL AS orgName, p.name AS personName FROM officeTerm t JOIN entity p ON p.id = t.personId
                WHERE t.orgId = ?1 OR substr(t.titleKey, 1, length(?1) + 1) = ?1 || '@' ORDER BY t.firstDate
                """)
            let variants = try Row.fetchAll(db, sql: "SELECT e.name, v.reason FROM personVariant v JOIN entity e ON e.id = v.variantId WHERE v.personId = ?", arguments: [id])
                .map { "\($0["name"] as String) — \($0["reason"] as String)" }
            let events = try Row.fetchAll(db, sql: """
                SELECT DISTINCT ev.date, ev.actor, ev.action, ev.program, ev.documentId, ev.start, ev.end, d.headline AS title
                FROM event ev JOIN eventRole r ON r.eventId = ev.id JOIN document d ON d.id = ev.documentId
                WHERE r.entityId = ? ORDER BY ev.dateStart
                """, arguments: [id]).map {
                EntityPage.Item(date: $0["date"], text: [$0["actor"] as String?, $0["action"] as String?, $0["program"] as String?].compactMap { $0 }.joined(separator: " · "),
                                document: $0["documentId"], title: $0["title"], span: [$0["start"], $0["end"]])
            }
            let figures = try Row.fetchAll(db, sql: """
                SELECT f.*, d.headline AS title FROM figure f JOIN document d ON d.id = f.documentId WHERE f.aboutId = ? ORDER BY f.date
                """, arguments: [id]).map {
                EntityPage.Item(date: $0["date"], text: $0["surface"], document: $0["documentId"], title: $0["title"], span: [$0["start"], $0["end"]])
            }
            let related = try Row.fetchAll(db, sql: """
                SELECT e.id, e.kind, e.name, count(DISTINCT m2.documentId) AS together FROM mention m1
                JOIN mention m2 ON m2.documentId = m1.documentId AND m2.entityId != m1.entityId JOIN entity e ON e.id = m2.entityId
                WHERE m1.entityId = ? GROUP BY e.id ORDER BY together DESC, e.name LIMIT 15
                """, arguments: [id]).map { EntityPage.Related(id: $0["id"], kind: $0["kind"], name: $0["name"], together: $0["together"]) }
            let sources = try String.fetchAll(db, sql: """
                SELECT DISTINCT d.headline || ' (' || coalesce(d.published, 'undated') || ')' FROM mention m JOIN document d ON d.id = m.documentId WHERE m.entityId = ?
                """, arguments: [id])
            return EntityPage(id: id, kind: entity["kind"], name: entity["name"], type: entity["type"], aliases: aliases, positions: positions,
                              holders: entity["kind"] == "person" ? [] : holders, variants: variants, events: events, figures: figures,
                              related: related, sources: sources)
        }
    }
}
