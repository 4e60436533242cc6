import GRDB

/// A first ingest into an empty knowledge base builds the fact tables' secondary indexes once, when it ends, instead of
/// inserting into them row by row: on the news corpus the ingest took 8% less time, index building included
/// (BENCHMARKS.md, seventh round).
///
/// What is dropped is written down in `deferredIndex`, in the same transaction, so an ingest that dies leaves the
/// definitions behind: the next ingest builds them (queries meanwhile give the same answers, more slowly). An ingest
/// into a knowledge base holding documents keeps every index: it needs them to replace changed documents, and readers
/// may be querying it.
extension KnowledgeBase {
    /// The tables an ingest fills row by row, whose indexes serve only the queries (and the deletion of a replaced
    /// document). Not `document`, whose `source` index finds the version a changed document replaces.
    static let bulkLoadedTables = ["sentence", "mention", "figure", "money", "dateMention", "event", "eventRole", "officialMention"]

    /// Before an ingest: with no document stored, drops the bulk-loaded tables' secondary indexes (see the comment
    /// above); with documents, builds any an interrupted ingest left deferred. Returns whether indexes are deferred.
    @discardableResult
    func prepareIndexesForIngest() throws(KnowledgeBaseError) -> Bool {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM document)") == true else {
                try Self.buildDeferredIndexes(db)
                return false
            }
            let tables = Self.bulkLoadedTables.map { _ in "?" }.joined(separator: ", ")
            let indexes = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables))
                ORDER BY name
                """, arguments: StatementArguments(Self.bulkLoadedTables))
            for index in indexes {
                let name: String = index["name"]
                try db.execute(sql: "INSERT INTO deferredIndex (name, sql) VALUES (?, ?)", arguments: [name, index["sql"] as String])
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM deferredIndex") ?? 0 > 0
        }
    }

    /// The end of an ingest, whether it succeeded or not: the deferred indexes built, the derived tables rebuilt if it
    /// may have stored documents (and the entities no document names any more removed, if it may have replaced some), and the
    /// WAL checkpointed. The writer checkpoints seldom (see `configureWAL`; a new file built alone has no WAL); a
    /// checkpoint that cannot run now (SQLite runs one at a later write) does not turn a successful ingest into a failed one.
    func finishIngest(rebuildingDerived: Bool, pruning: Bool) throws(KnowledgeBaseError) {
        if rebuildingDerived {
            try rebuildDerived(pruning: pruning)
        } else {
            try write(Self.buildDeferredIndexes)
        }
        try? checkpoint()
    }

    /// Builds the deferred indexes in the caller's transaction (or savepoint: rolled back, they are deferred again).
    static func buildDeferredIndexes(_ db: Database) throws {
        for statement in try String.fetchAll(db, sql: "SELECT sql FROM deferredIndex ORDER BY name") {
            try db.execute(sql: statement)
        }
        try db.execute(sql: "DELETE FROM deferredIndex")
    }
}
