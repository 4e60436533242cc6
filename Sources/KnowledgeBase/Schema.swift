import Foundation
import GRDB

/// The knowledge base's tables, created and upgraded by GRDB's migrator.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("source", .text).notNull()
                t.column("url", .text)
                t.column("title", .text)
                // The title, or the opening words when the release has none: what a person sees as the source.
                t.column("headline", .text).notNull()
                t.column("published", .text)
                t.column("outlet", .text)
                t.column("reporter", .text)
                t.column("editor", .text)
                t.column("format", .text).notNull()
                t.column("text", .text).notNull()
                t.column("eventDate", .text)
                t.column("extraction", .text).notNull()
            }
            try db.create(index: "document_source", on: "document", columns: ["source"])
            try db.create(table: "nearDuplicate") { t in
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("otherId", .text).notNull().references("document", onDelete: .cascade)
                t.column("similarity", .double).notNull()
                t.primaryKey(["documentId", "otherId"])
            }
            try db.create(table: "sentence") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("ordinal", .integer).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("text", .text).notNull()
            }
            // Full-text search over stems, so `penyaluran` finds `menyalurkan`.
            try db.create(virtualTable: "sentenceSearch", using: FTS5()) { t in
                t.tokenizer = .unicode61()
                t.column("stems")
            }
            try db.execute(sql: """
                CREATE TRIGGER sentence_search_delete AFTER DELETE ON sentence BEGIN
                    DELETE FROM sentenceSearch WHERE rowid = old.id;
                END
                """)
            try db.create(table: "entity") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull().indexed()
                t.column("name", .text).notNull()
                t.column("type", .text)
                t.column("code", .text)
                t.column("parentId", .text)
                t.column("fromGazetteer", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "alias") { t in
                t.column("entityId", .text).notNull().references("entity", onDelete: .cascade)
                t.column("alias", .text).notNull()
                t.column("normalized", .text).notNull().indexed()
                t.column("caseSensitive", .boolean).notNull().defaults(to: false)
                t.primaryKey(["entityId", "alias"])
            }
            try db.create(table: "mention") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("entityId", .text).notNull().indexed().references("entity", onDelete: .cascade)
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("surface", .text).notNull()
            }
            try db.create(table: "figure") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("value", .double)
                t.column("max", .double)
                t.column("unit", .text)
                t.column("qualifier", .text)
                t.column("about", .text)
                t.column("aboutId", .text)
                t.column("date", .text)
                t.column("surface", .text).notNull()
                t.column("sentence", .text).notNull()
                t.column("sentenceStart", .integer).notNull()
                t.column("sentenceEnd", .integer).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(table: "money") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("value", .double)
                t.column("max", .double)
                t.column("currency", .text).notNull()
                t.column("qualifier", .text)
                t.column("per", .text)
                t.column("about", .text)
                t.column("surface", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(table: "dateMention") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("normalized", .text)
                t.column("granularity", .text).notNull()
                t.column("warning", .text)
                t.column("surface", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("actor", .text)
                t.column("action", .text).notNull()
                t.column("program", .text)
                t.column("date", .text)
                t.column("datePrecision", .text)
                t.column("dateStart", .text)
                t.column("dateEnd", .text)
                t.column("location", .text)
                t.column("participants", .text).notNull()
                t.column("sentence", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(table: "eventRole") { t in
                t.column("eventId", .integer).notNull().indexed().references("event", onDelete: .cascade)
                t.column("role", .text).notNull()
                t.column("entityId", .text).notNull().indexed().references("entity", onDelete: .cascade)
                t.primaryKey(["eventId", "role", "entityId"])
            }
            try db.create(table: "officialMention") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("personId", .text).notNull().indexed().references("entity", onDelete: .cascade)
                t.column("title", .text)
                t.column("titleKey", .text).notNull()
                t.column("orgId", .text)
                t.column("date", .text)
                t.column("surface", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            // Derived after each ingest from dated official mentions.
            try db.create(table: "officeTerm") { t in
                t.column("personId", .text).notNull().references("entity", onDelete: .cascade)
                t.column("title", .text).notNull()
                t.column("titleKey", .text).notNull().indexed()
                t.column("orgId", .text)
                t.primaryKey(["personId", "titleKey"])
                t.column("firstDate", .text).notNull()
                t.column("lastDate", .text).notNull()
                t.column("evidence", .integer).notNull()
            }
            try db.create(table: "personVariant") { t in
                t.column("personId", .text).notNull().references("entity", onDelete: .cascade)
                t.column("variantId", .text).notNull().references("entity", onDelete: .cascade)
                t.column("reason", .text).notNull()
                t.primaryKey(["personId", "variantId"])
            }
        }
        // Queries name units as written (`peserta`, `korban`): an index on lower(unit) finds those figures without a scan.
        migrator.registerMigration("v2-figure-unit-index") { db in
            try db.execute(sql: "CREATE INDEX figure_unit ON figure(lower(unit))")
        }
        // A figure that a near-duplicate document also reports is one figure with two sources: the later copy points
        // at the first (derived, see KnowledgeBase.rebuildDerived).
        migrator.registerMigration("v3-figure-same-as") { db in
            try db.alter(table: "figure") { t in t.add(column: "sameAs", .integer) }
            try db.execute(sql: "CREATE INDEX figure_same_as ON figure(sameAs)")
        }
        // Each document's MinHash signature, so a later ingest finds near-duplicates without re-reading every body.
        migrator.registerMigration("v4-document-signature") { db in
            try db.alter(table: "document") { t in t.add(column: "signature", .blob) }
        }
        // The secondary indexes a first ingest drops and builds again when it ends (see DeferredIndexes.swift).
        migrator.registerMigration("v5-deferred-index") { db in
            try db.create(table: "deferredIndex") { t in
                t.primaryKey("name", .text)
                t.column("sql", .text).notNull()
            }
        }
        // The full-text index merges its segments only when a level holds 16 of them (FTS5's `crisismerge`), not
        // incrementally from 4 (`automerge`, FTS5's default): each commit of an ingest adds a segment, and the
        // incremental merges rewrote the index again and again — about a third of the full-text index's cost on the
        // news corpus (BENCHMARKS.md, ninth round), for no measurable gain in query time.
        migrator.registerMigration("v6-full-text-merges") { db in
            try db.execute(sql: "INSERT INTO sentenceSearch(sentenceSearch, rank) VALUES('automerge', 0)")
        }
        // The fact tables' rows take the id after the largest (SQLite's rowid) instead of going through AUTOINCREMENT,
        // which reads and writes `sqlite_sequence` at every insert: about 0.7 µs a row, some 2% of an ingest of the
        // news corpus (BENCHMARKS.md, ninth round). Ids still grow with each insert, which the queries' orders rely
        // on; only ids freed at the top by a replaced document can come back, and the one reference to fact rows by
        // id, a figure's `sameAs`, is rebuilt when each ingest ends. `event` keeps AUTOINCREMENT: its ids name events
        // in graph exports.
        migrator.registerMigration("v7-fact-rowids") { db in
            for table in ["sentence", "mention", "figure", "money", "dateMention", "officialMention"] {
                try rebuild(table, db) { definition in
                    guard definition.components(separatedBy: " AUTOINCREMENT").count == 2 else { return nil }
                    return definition.replacingOccurrences(of: " AUTOINCREMENT", with: "")
                }
                try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table])
            }
        }
        // The rules that extracted each document (`ExtractionResources.rulesVersion`): documents stored before have none,
        // and are extracted again at their next ingest, like those of other rules.
        migrator.registerMigration("v8-document-rules-version") { db in
            try db.alter(table: "document") { t in t.add(column: "rulesVersion", .text) }
        }
        // The writer takes a replaced document's sentences out of the full-text index itself, after the group's
        // savepoints, with the sentences it adds (see `DocumentWriter.store`): the trigger did it inside them, which
        // made FTS5 flush its pending terms at every later statement.
        migrator.registerMigration("v9-full-text-deletes-by-writer") { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS sentence_search_delete")
        }
        // A former holder's mention (`mantan Gubernur Jawa Barat, Heryawan`) is kept but makes no office term. Documents
        // stored before are extracted again at their next ingest (the rules' revision changed with it).
        migrator.registerMigration("v10-former-officials") { db in
            try db.alter(table: "officialMention") { t in t.add(column: "former", .boolean).notNull().defaults(to: false) }
        }
        // An amount is dated when stored, as a figure is (`DocumentWriter.occasion`). Amounts stored before take the date
        // the queries gave them: the activity's whose sentence holds them, else the document's; their documents are
        // extracted again at their next ingest (the rules' revision changed with it).
        migrator.registerMigration("v11-money-date") { db in
            try db.alter(table: "money") { t in t.add(column: "date", .text) }
            try db.execute(sql: """
                UPDATE money SET date = coalesce(
                    (SELECT e.date FROM event e WHERE e.documentId = money.documentId AND e.start <= money.start AND e.end >= money.end
                     ORDER BY e.id LIMIT 1),
                    (SELECT d.eventDate FROM document d WHERE d.id = money.documentId))
                """)
        }
        // An amount that a near-duplicate document also states is one amount with two sources, as a figure is (`sameAs`,
        // derived: `KnowledgeBase.rebuildDerived`).
        migrator.registerMigration("v12-money-same-as") { db in
            try db.alter(table: "money") { t in t.add(column: "sameAs", .integer) }
            try db.execute(sql: "CREATE INDEX money_same_as ON money(sameAs)")
        }
        // Which aliases the gazetteer gave (its names, aliases and acronyms for the entity), so that each ingest brings
        // them in line with the gazetteer as it is now (`KnowledgeBase.refreshGazetteerEntities`); the others were found
        // in documents. Aliases stored before are marked at the next ingest, those the gazetteer still lists.
        migrator.registerMigration("v13-alias-from-gazetteer") { db in
            try db.alter(table: "alias") { t in t.add(column: "fromGazetteer", .boolean).notNull().defaults(to: false) }
        }
        return migrator
    }

    /// Rebuilds `table` from the definition `change` makes of its `CREATE TABLE` statement (nil: not the table
    /// expected), with its rows, indexes and triggers: SQLite cannot alter a column's definition in place. Indexes a
    /// first ingest left deferred stay deferred.
    static func rebuild(_ table: String, _ db: Database, change: (String) -> String?) throws {
        let name = table.quotedDatabaseIdentifier
        let rebuilt = (table + "_rebuilt").quotedDatabaseIdentifier
        guard let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
              create.hasPrefix("CREATE TABLE \(name) "),
              let definition = change("CREATE TABLE \(rebuilt) " + create.dropFirst("CREATE TABLE \(name) ".count))
        else {
            throw DatabaseError(message: "\(table): not the table definition this migration expects")
        }
        let dependents = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name
            """, arguments: [table])
        try db.execute(sql: definition)
        try db.execute(sql: "INSERT INTO \(rebuilt) SELECT * FROM \(name)")
        try db.execute(sql: "DROP TABLE \(name)")
        try db.execute(sql: "ALTER TABLE \(rebuilt) RENAME TO \(name)")
        for sql in dependents { try db.execute(sql: sql) }
    }
}
