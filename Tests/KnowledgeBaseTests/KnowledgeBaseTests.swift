import GRDB
import GRDBSQLite
import Corpus
import Extractor
import Foundation
import Synchronization
import Testing
@testable import KnowledgeBase

enum Fixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var corpus: String { repoRoot.appendingPathComponent("corpus").path }
    static func fixture(_ name: String) -> String { repoRoot.appendingPathComponent("Tests/Fixtures/\(name)").path }

    /// Loaded once: the gazetteer, the hunspell word list and the matcher.
    static let resources: ExtractionResources = {
        do {
            return try ExtractionResources.load(gazetteerFolder: repoRoot.appendingPathComponent("gazetteer").path)
        } catch {
            preconditionFailure("the project's gazetteer must load: \(error)")
        }
    }()

    static func reader() throws -> CorpusReader {
        CorpusReader(boilerplate: try BoilerplateRules.load(path: repoRoot.appendingPathComponent("gazetteer/boilerplate.tsv").path))
    }

    static func ingestion(_ kb: KnowledgeBase) throws -> Ingestion {
        let today = CalendarDate(year: 2026, month: 11, day: 22)!
        return Ingestion(reader: try reader(), extractor: DocumentExtractor(resources: resources, today: today), kb: kb)
    }

    /// A release as a text file reads: its title, a date line with reporter and editor, its body.
    static func release(_ date: String, _ body: String) -> String {
        "Berita \(date)\n\n\(date) Reporter: Budi Santoso Editor: Erikyanri Maulana 100\n\n\(body)\n"
    }

    /// A knowledge base holding the five seeds.
    static func seeded() async throws -> KnowledgeBase {
        let kb = try KnowledgeBase()
        _ = try await ingestion(kb).run(paths: [corpus])
        return kb
    }

    /// A path in the temporary directory for a test's text file; the test removes it.
    static func temporaryTextFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString).txt").path
    }

    /// Ingests `text` as a document of its own (a temporary file, removed after).
    static func ingest(_ text: String, into kb: KnowledgeBase) async throws {
        let file = temporaryTextFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try await ingestion(kb).run(paths: [file])
    }

    /// The document that `text` written at `path` reads as (written twice at one path: two versions of one source).
    static func document(_ text: String, at path: String) throws -> Document {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try #require(try reader().read(path: path).documents.first)
    }

    /// Whether the full-text index holds exactly the stored sentences (one row each, by id) and passes FTS5's own
    /// integrity check.
    static func fullTextFollowsSentences(_ kb: KnowledgeBase) throws -> Bool {
        try kb.write { db in
            try db.execute(sql: "INSERT INTO sentenceSearch(sentenceSearch) VALUES('integrity-check')")
            return try Int64.fetchAll(db, sql: "SELECT id FROM sentence ORDER BY id") == Int64.fetchAll(db, sql: "SELECT rowid FROM sentenceSearch ORDER BY rowid")
        }
    }

    /// A connection of the test's own to a knowledge base file, opened after SQLite's process-wide settings: a test
    /// running first in parallel would otherwise turn memory statistics on for every test (see `memoryStatisticsOff`).
    static func databaseQueue(_ path: String) throws -> DatabaseQueue {
        KnowledgeBase.configureProcess()
        return try DatabaseQueue(path: path)
    }

    /// A knowledge base file in `dir` as the migrations up to `migration` made it, holding the rows `rows` writes.
    static func olderKnowledgeBase(in dir: String, upTo migration: String, rows: @escaping @Sendable (Database) throws -> Void) async throws -> String {
        let path = dir + "/kb.sqlite"
        let older = try databaseQueue(path)
        try Schema.migrator.migrate(older, upTo: migration)
        try await older.write(rows)
        return path
    }

    /// A folder in the temporary directory holding copies of the given files.
    static func folder(with files: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(atPath: file, toPath: dir.appendingPathComponent((file as NSString).lastPathComponent).path)
        }
        return dir.path
    }
}

@Suite("Ingesting into the knowledge base")
struct IngestTests {
    @Test("the seeds are stored with their facts")
    func seeds() async throws {
        let kb = try KnowledgeBase()
        let summary = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(summary.new == 5)
        #expect(summary.failed == 0)
        let stats = try kb.stats()
        #expect(stats.documents == 5)
        #expect(stats.events >= 5)
        #expect(stats.figures >= 7)
        #expect(stats.people >= 10)
        #expect(stats.officeTerms >= 8)
    }

    @Test("SQLite keeps no memory statistics (a process-wide lock in each of its allocations): off before the first connection")
    func memoryStatisticsOff() async throws {
        let kb = try await Fixtures.seeded()
        #expect(try kb.stats().documents == 5)
        // With the statistics on, an open connection holding a schema and a page cache counts its bytes here.
        #expect(sqlite3_memory_used() == 0)
        #expect(sqlite3_memory_highwater(0) == 0)
    }

    @Test("stored JSON has sorted keys, so two ingests of the same files store the same bytes")
    func storedJSONIsCanonical() async throws {
        let kb = try await Fixtures.seeded()
        let stored = try kb.read { db in try String.fetchAll(db, sql: "SELECT participants FROM event WHERE participants != '[]'") }
        #expect(!stored.isEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for json in stored {
            let decoded = try JSONDecoder().decode([Participants].self, from: Data(json.utf8))
            #expect(json == String(decoding: try encoder.encode(decoded), as: UTF8.self))
        }
    }

    @Test("progress counts every document up to the total, also when all are skipped")
    func progress() async throws {
        let kb = try KnowledgeBase()
        for _ in 0..<2 {
            let seen = Mutex<[Int]>([])
            _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus], progress: { done, total in
                #expect(total == 5)
                seen.withLock { $0.append(done) }
            })
            let reports = seen.withLock { $0 }
            #expect(reports.first == 0)
            #expect(reports.last == 5)
            #expect(reports == reports.sorted())
        }
    }

    @Test("a document stored by other rules is extracted again at its next ingest: an edited gazetteer reaches what is stored")
    func reextractedWithOtherRules() async throws {
        let kb = try KnowledgeBase()
        let first = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(first.new == 5)
        func rows() throws -> [Int] {
            try kb.read { db in
                try ["sentence", "sentenceSearch", "nearDuplicate", "figure"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
            }
        }
        let before = try rows()
        func bimtekMentions() throws -> Int {
            try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mention WHERE entityId = 'program:bimtek'") ?? -1 }
        }
        #expect(try bimtekMentions() == 0)

        // An analyst adds a program to (a copy of) the gazetteer.
        let original = Fixtures.repoRoot.appendingPathComponent("gazetteer").path
        let folder = try Fixtures.folder(with: try FileManager.default.contentsOfDirectory(atPath: original).map { original + "/" + $0 })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let programs = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/programs.tsv"))
        try programs.seekToEnd()
        try programs.write(contentsOf: Data("program:bimtek\tprogram\tBimbingan Teknis\t\tBimtek\t\t\t\n".utf8))
        try programs.close()
        let edited = try ExtractionResources.load(gazetteerFolder: folder)
        #expect(edited.rulesVersion != Fixtures.resources.rulesVersion)
        #expect(edited.rulesVersion.hasPrefix("r\(DocumentExtractor.rulesRevision)-"))
        // `kb stats` counts what the edited rules would extract again.
        #expect(try kb.stats(rulesVersion: edited.rulesVersion).otherRules == 5)
        #expect(try kb.stats(rulesVersion: Fixtures.resources.rulesVersion).otherRules == 0)
        #expect(try kb.stats().otherRules == nil)
        let reader = try Fixtures.reader()
        let second = try await Ingestion(reader: reader, extractor: DocumentExtractor(resources: edited), kb: kb).run(paths: [Fixtures.corpus])
        #expect(try kb.stats(rulesVersion: edited.rulesVersion).otherRules == 0)
        #expect((second.new, second.reextracted, second.skipped) == (0, 5, 0))
        #expect(try bimtekMentions() == 2)
        #expect(try kb.stats().documents == 5)
        // Each document's rows replaced, not doubled: its sentences, their full text, its links and figures.
        #expect(try rows() == before)
        #expect(try Fixtures.fullTextFollowsSentences(kb))

        // With the same rules again, nothing is extracted; a document stored before rules were recorded (NULL) is.
        let third = try await Ingestion(reader: reader, extractor: DocumentExtractor(resources: edited), kb: kb).run(paths: [Fixtures.corpus])
        #expect((third.reextracted, third.skipped) == (0, 5))
        try kb.write { db in try db.execute(sql: "UPDATE document SET rulesVersion = NULL WHERE source LIKE '%karang-taruna%'") }
        let fourth = try await Ingestion(reader: reader, extractor: DocumentExtractor(resources: edited), kb: kb).run(paths: [Fixtures.corpus])
        #expect((fourth.reextracted, fourth.skipped) == (1, 4))
        #expect(try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE rulesVersion = ?", arguments: [edited.rulesVersion]) } == 5)
    }

    @Test("an edited gazetteer reaches the stored entities at the next ingest: names, aliases, entries taken out")
    func editedGazetteerEntities() async throws {
        let kb = try await Fixtures.seeded()
        func aliases(_ id: String) throws -> [String] {
            try kb.read { db in
                try Row.fetchAll(db, sql: "SELECT alias, fromGazetteer FROM alias WHERE entityId = ? ORDER BY alias", arguments: [id]).map {
                    "\($0["alias"] as String):\($0["fromGazetteer"] as Bool ? "g" : "d")"
                }
            }
        }
        #expect(try aliases("program:dtks") == ["DTKS:g", "Data Terpadu Kesejahteraan Sosial:g", "data terpadu kesejahteraan sosial:d"])
        #expect(try kb.page(for: "Pusdatin Dinsos")?.id == "org:pusdatin-kesos")
        #expect(try kb.page(for: "Monas")?.id == "place:monas")

        // An analyst renames Pusdatin and changes its aliases (`Pusdatin Dinsos` out), gives DTKS another, and takes Monas out.
        let original = Fixtures.repoRoot.appendingPathComponent("gazetteer").path
        let folder = try Fixtures.folder(with: try FileManager.default.contentsOfDirectory(atPath: original).map { original + "/" + $0 })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func edit(_ file: String, _ change: (String) -> String) throws {
            let path = folder + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "\(file) unchanged")
            try changed.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("organizations.tsv") {
            $0.replacingOccurrences(of: "\tPusat Data dan Informasi Kesejahteraan Sosial\tPusdatin Kesos|Pusdatin Dinas Sosial|Pusdatin Dinsos\t",
                                    with: "\tPusat Data dan Informasi\tPusat Data dan Informasi Kesejahteraan Sosial|Pusdatin Kesos|Pusdatin Kesejahteraan Sosial\t")
        }
        try edit("programs.tsv") {
            $0.replacingOccurrences(of: "\tData Terpadu Kesejahteraan Sosial\t\t", with: "\tData Terpadu Kesejahteraan Sosial\tData Terpadu\t")
        }
        try edit("places.tsv") { $0.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("place:monas\t") }.joined(separator: "\n") }
        let edited = try ExtractionResources.load(gazetteerFolder: folder)
        _ = try await Ingestion(reader: try Fixtures.reader(), extractor: DocumentExtractor(resources: edited), kb: kb).run(paths: [Fixtures.corpus])

        let pusdatin = try #require(try kb.page(for: "Pusdatin Kesejahteraan Sosial"))
        #expect(pusdatin.id == "org:pusdatin-kesos")
        #expect(pusdatin.name == "Pusat Data dan Informasi")
        #expect(!pusdatin.aliases.contains("Pusdatin Dinsos"))
        #expect(pusdatin.aliases.contains("Pusat Data dan Informasi Kesejahteraan Sosial"))
        #expect(try kb.page(for: "Pusdatin Dinsos") == nil)
        // The alias a document gave DTKS stays.
        #expect(try aliases("program:dtks") == ["DTKS:g", "Data Terpadu:g", "Data Terpadu Kesejahteraan Sosial:g", "data terpadu kesejahteraan sosial:d"])
        // Monas is no gazetteer entity any more, and no document names it as one: it is gone.
        #expect(try kb.page(for: "Monas") == nil)
        #expect(try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity WHERE id = 'place:monas'") } == 0)
        // Nothing changes when the gazetteer has not.
        #expect(try kb.refreshGazetteerEntities(edited.gazetteer) == 0)
    }

    /// Every row of the knowledge base but ids given at insertion (fact rows, events and what refers to them), sorted.
    static func contentRows(_ kb: KnowledgeBase) throws -> [String] {
        try kb.read { db in
            try ["document", "nearDuplicate", "sentence", "entity", "alias", "mention", "figure", "money", "dateMention", "event",
                 "officialMention", "officeTerm", "personVariant"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                    table + " " + row.columnNames.filter { !["id", "sameAs"].contains($0) }.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ")
                }.sorted()
            }
        }
    }

    @Test("a document extracted again with its sentences unchanged keeps them and their full text; its facts are those of a new build")
    func reextractedInPlace() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        func sentences() throws -> [String] {
            try kb.read { db in try Row.fetchAll(db, sql: "SELECT id, documentId, text FROM sentence ORDER BY id").map(\.description) }
        }
        let before = try sentences()
        // A document whose stored sentence is not what the rules make of it now is stored whole again.
        try kb.write { db in
            try db.execute(sql: "UPDATE sentence SET text = 'x' WHERE id = (SELECT min(s.id) FROM sentence s JOIN document d ON d.id = s.documentId WHERE d.source LIKE '%karang-taruna%')")
            try db.execute(sql: "UPDATE document SET rulesVersion = 'r0'")
        }
        let again = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(again.reextracted == 5)
        let after = try sentences()
        let (kept, changed) = try kb.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence s JOIN document d ON d.id = s.documentId WHERE d.source NOT LIKE '%karang-taruna%'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence s JOIN document d ON d.id = s.documentId WHERE d.source LIKE '%karang-taruna%'") ?? 0)
        }
        // The other documents' sentences are the rows they were; the changed document's are new rows.
        #expect(kept > 0 && changed > 0 && kept + changed == after.count)
        #expect(Set(after).intersection(before).count == kept)
        #expect(try Fixtures.fullTextFollowsSentences(kb))
        let fresh = try await Fixtures.seeded()
        #expect(try Self.contentRows(kb) == Self.contentRows(fresh))
    }

    @Test("an acronym only documents of other rules define is not applied when they are extracted again, and goes")
    func acronymsOfOtherRules() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        // What older rules learned from a clause before `(Selasa)`, as a knowledge base they built holds it.
        try kb.write { db in
            try db.execute(sql: "INSERT INTO entity (id, kind, name, fromGazetteer) VALUES ('program:selasa', 'program', 'selama empat hari', 0)")
            try db.execute(sql: "INSERT INTO alias (entityId, alias, normalized, caseSensitive) VALUES ('program:selasa', 'Selasa', 'selasa', 1)")
            try db.execute(sql: """
                INSERT INTO mention (documentId, entityId, start, end, surface)
                SELECT id, 'program:selasa', 0, 6, 'Selasa' FROM document WHERE source LIKE '%beritajakarta%'
                """)
        }
        #expect(try kb.learnedAcronyms(rulesVersion: Fixtures.resources.rulesVersion).map(\.acronym).contains("Selasa"))
        try kb.write { db in try db.execute(sql: "UPDATE document SET rulesVersion = NULL") }
        #expect(try !kb.learnedAcronyms(rulesVersion: Fixtures.resources.rulesVersion).map(\.acronym).contains("Selasa"))

        let summary = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(summary.reextracted == 5)
        // The seeds write `Selasa` five times: none is the acronym, and the entity is gone with its last mention.
        #expect(try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mention WHERE entityId = 'program:selasa'") } == 0)
        #expect(try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity WHERE id = 'program:selasa'") } == 0)
    }

    @Test("a person only a replaced version named is gone with it; one another document names stays")
    func peopleOfReplacedVersions() async throws {
        let kb = try KnowledgeBase()
        let path = Fixtures.temporaryTextFile()
        let other = Fixtures.temporaryTextFile()
        defer { for p in [path, other] { try? FileManager.default.removeItem(atPath: p) } }
        try "Sekretaris Dinas Sosial, Ari Sonjaya, membuka acara pelatihan pendamping.".write(toFile: other, atomically: true, encoding: .utf8)
        for name in ["Budi Hartono", "Ani Sutarni"] {
            try "Kepala Bidang Rehabilitasi Sosial, \(name), membuka acara. Sekretaris Dinas Sosial, Ari Sonjaya, hadir.".write(toFile: path, atomically: true, encoding: .utf8)
            _ = try await Fixtures.ingestion(kb).run(paths: [path, other])
        }
        let people = try kb.read { db in try String.fetchAll(db, sql: "SELECT id FROM entity WHERE kind = 'person' ORDER BY id") }
        #expect(people == ["person:ani-sutarni", "person:ari-sonjaya"])
        #expect(try kb.page(for: "Budi Hartono") == nil)
        #expect(try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM alias WHERE entityId = 'person:budi-hartono'") } == 0)
    }

    @Test("a document replaced by a newer version in the same group leaves nothing in the full-text index")
    func replacedInOneGroup() throws {
        let path = Fixtures.temporaryTextFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extractor = DocumentExtractor(resources: Fixtures.resources)
        var versions: [KnowledgeBase.Storable] = []
        for text in ["Dinas Sosial menyalurkan bantuan logistik kepada warga.", "Dinas Sosial menggelar pelatihan bagi pendamping."] {
            versions.append(try KnowledgeBase.Storable(facts: extractor.extract(Fixtures.document(text, at: path))))
        }
        let kb = try KnowledgeBase()
        #expect(try kb.store(versions, gazetteer: Fixtures.resources.gazetteer) == [.new, .updated])
        let (sentences, indexed) = try kb.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence") ?? -1, try Int.fetchOne(db, sql: "SELECT count(*) FROM sentenceSearch") ?? -1)
        }
        #expect(sentences == 1)
        #expect(indexed == 1)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        #expect(try engine.answer(try engine.understand("logistik"), limit: 5).isEmpty)
        #expect(try engine.answer(try engine.understand("pelatihan pendamping"), limit: 5).count == 1)
    }

    @Test("versions replacing one another, in one group and across groups, leave the full-text index holding the last one's sentences")
    func replacedAcrossGroups() throws {
        let path = Fixtures.temporaryTextFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extractor = DocumentExtractor(resources: Fixtures.resources)
        func version(_ text: String) throws -> KnowledgeBase.Storable {
            try KnowledgeBase.Storable(facts: extractor.extract(Fixtures.document(text, at: path)))
        }
        let kb = try KnowledgeBase()
        let gazetteer = Fixtures.resources.gazetteer
        let other = Fixtures.temporaryTextFile()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let unrelated = try KnowledgeBase.Storable(facts: extractor.extract(Fixtures.document("Suku Dinas Sosial membagikan sembako di Cilincing.", at: other)))
        #expect(try kb.store([try version("Dinas Sosial menyalurkan bantuan logistik. Warga menerima selimut. Petugas mendata pengungsi."), unrelated],
                             gazetteer: gazetteer) == [.new, .new])
        // The second version takes the ids after the largest, and the third, in the same group, the ids the second
        // freed before they entered the index; the fourth, in the next group, those of the third, already indexed.
        #expect(try kb.store([try version("Dinas Sosial menggelar pelatihan pendamping. Peserta belajar menulis laporan."),
                              try version("Dinas Sosial meresmikan panti werdha.")], gazetteer: gazetteer) == [.updated, .updated])
        #expect(try kb.store([try version("Wali kota meninjau dapur umum.")], gazetteer: gazetteer) == [.updated])
        #expect(try Fixtures.fullTextFollowsSentences(kb))
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        for gone in ["selimut", "pelatihan", "werdha"] {
            #expect(try engine.answer(try engine.understand(gone), limit: 5).isEmpty, "\(gone)")
        }
        for kept in ["dapur umum", "sembako"] {
            #expect(try engine.answer(try engine.understand(kept), limit: 5).count == 1, "\(kept)")
        }
    }

    @Test("what a rolled-back document stored, entities and aliases included, is stored again by the next one")
    func rolledBackDocument() throws {
        let extractor = DocumentExtractor(resources: Fixtures.resources)
        func storable(_ text: String) throws -> KnowledgeBase.Storable {
            let path = Fixtures.temporaryTextFile()
            defer { try? FileManager.default.removeItem(atPath: path) }
            return try KnowledgeBase.Storable(facts: extractor.extract(Fixtures.document(text, at: path)))
        }
        let failed = try storable("Dinas Sosial DKI Jakarta menyalurkan bantuan logistik kepada warga Jakarta Utara.")
        let stored = try storable("Dinas Sosial DKI Jakarta menggelar pelatihan bagi pendamping di Jakarta Utara.")
        #expect(!stored.facts.mentions.isEmpty)
        struct Failure: Error {}
        let kb = try KnowledgeBase()
        let rolledBack = try kb.write { db in
            let writer = try DocumentWriter(db: db, gazetteer: Fixtures.resources.gazetteer)
            var rolledBack = false
            do {
                try writer.inSavepoint {
                    _ = try writer.store(failed)
                    throw Failure()
                }
            } catch is Failure {
                rolledBack = true
            }
            try writer.inSavepoint { _ = try writer.store(stored) }
            return rolledBack
        }
        #expect(rolledBack)
        let alone = try KnowledgeBase()
        try alone.store([stored], gazetteer: Fixtures.resources.gazetteer)
        #expect(try kb.fingerprint() == alone.fingerprint())
        #expect(try kb.stats().entities == Set(stored.facts.mentions.map(\.id)).count)
    }

    @Test("the writer tells entity ids and aliases apart byte for byte, as SQLite's keys do")
    func exactText() {
        let composed = "Dinas Sosial Jak\u{E9}", decomposed = "Dinas Sosial Jake\u{301}"
        #expect(composed == decomposed)
        #expect(ExactText(composed) != ExactText(decomposed))
        #expect(Set([ExactText(composed), ExactText(decomposed), ExactText(composed)]).count == 2)
    }

    @Test("a second ingest of the same files leaves the knowledge base exactly as it was")
    func idempotent() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        let before = try kb.fingerprint()
        let again = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(again.new == 0)
        #expect(again.skipped == 5)
        #expect(try kb.fingerprint() == before)
    }

    @Test("small commits, and extraction held to one document ahead of the writer or none, store the same knowledge base", arguments: [
        Ingestion.Batching(documentsPerCommit: 2, queuedPerWorker: 0, queuedWhileCommitting: 0, inFlight: 1),
        Ingestion.Batching(documentsPerCommit: 1, queuedPerWorker: 1, queuedWhileCommitting: 1, inFlight: 2),
        Ingestion.Batching(documentsPerCommit: 3, queuedPerWorker: 1, queuedWhileCommitting: 4, inFlight: 100),
    ])
    func batching(_ batching: Ingestion.Batching) async throws {
        let reference = try await Fixtures.seeded().fingerprint()
        let kb = try KnowledgeBase()
        var ingestion = try Fixtures.ingestion(kb)
        ingestion.batching = batching
        let summary = try await ingestion.run(paths: [Fixtures.corpus])
        #expect(summary.new == 5)
        #expect(try kb.fingerprint() == reference)
    }

    static let batchYears = Fixtures.fixture("documents/batch-years.jsonl")

    /// Each stored document's record number and its dates of a day, in the order stored.
    static func storedDays(_ kb: KnowledgeBase) throws -> [String] {
        try kb.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.source, group_concat(m.normalized) AS days FROM document d
                LEFT JOIN dateMention m ON m.documentId = d.id AND m.granularity = 'day' GROUP BY d.id ORDER BY d.rowid
                """).map { row in
                let source: String = row["source"]
                return "\(source.split(separator: "#").last ?? "") \(row["days"] as String? ?? "-")"
            }
        }
    }

    @Test("documents without a date are stored after the others, a weekday's date within the others' years too")
    func undatedAfterTheOthers() async throws {
        let kb = try KnowledgeBase()
        let summary = try await Fixtures.ingestion(kb).run(paths: [Self.batchYears])
        #expect(summary.new == 3)
        // #2 names no year: Kamis (19/9) is 2019-09-19 beside #1 (2019), not 2024-09-19 (the six years up to today).
        // #3 names 1998, a year of history: Minggu (22/9) is 2019's, no Sunday in 1997–1999.
        #expect(try Self.storedDays(kb) == ["1 2019-09-10", "2 2019-09-19", "3 2019-09-22"])
        let again = try await Fixtures.ingestion(kb).run(paths: [Self.batchYears])
        #expect(again.skipped == 3)
    }

    @Test("a dated document already stored gives its year to those that wait", arguments: [false, true])
    func knownDocumentsGiveTheirYears(tightBatching: Bool) async throws {
        let kb = try KnowledgeBase()
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: first) }
        let lines = try String(contentsOfFile: Self.batchYears, encoding: .utf8).split(separator: "\n")
        try (lines[0] + "\n").write(toFile: first, atomically: true, encoding: .utf8)
        _ = try await Fixtures.ingestion(kb).run(paths: [first])
        var ingestion = try Fixtures.ingestion(kb)
        if tightBatching {
            ingestion.batching = Ingestion.Batching(documentsPerCommit: 1, queuedPerWorker: 0, queuedWhileCommitting: 0, inFlight: 1)
        }
        let summary = try await ingestion.run(paths: [Self.batchYears])
        // The record is the same document under another source: known, not stored again.
        #expect(summary.skipped == 1)
        #expect(summary.new == 2)
        #expect(try Self.storedDays(kb) == ["1 2019-09-10", "2 2019-09-19", "3 2019-09-22"])
    }

    @Test("a changed document from the same source replaces the old one")
    func changed() async throws {
        let folder = try Fixtures.folder(with: [Fixtures.corpus + "/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [folder])
        let file = folder + "/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "1.600 peserta", with: "1.700 peserta")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let summary = try await Fixtures.ingestion(kb).run(paths: [folder])
        #expect(summary.updated == 1)
        #expect(try kb.stats().documents == 1)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let results = try engine.answer(try engine.understand("berapa peserta Jambore Karang Taruna"), limit: 10)
        #expect(results.map(\.value) == [1700])
        #expect(try Fixtures.fullTextFollowsSentences(kb))
    }

    @Test("an interrupted ingest leaves whole documents only, and a re-run completes it")
    func interrupted() async throws {
        let kb = try KnowledgeBase()
        await #expect(throws: KnowledgeBaseError.self) {
            _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus], failAfter: 2)
        }
        #expect(try kb.stats().documents == 2)
        // What was stored is complete, derived tables included.
        #expect(try kb.stats().officeTerms > 0)
        // Each stored document has all its sentences: as many as a fresh extraction finds.
        let stored = try kb.read { db in try Row.fetchAll(db, sql: "SELECT documentId, count(*) AS n FROM sentence GROUP BY documentId") }
        let reader = try Fixtures.reader()
        let extractor = DocumentExtractor(resources: Fixtures.resources)
        for doc in reader.read(path: Fixtures.corpus).documents {
            guard let row = stored.first(where: { ($0["documentId"] as String) == doc.id }) else { continue }
            #expect(row["n"] as Int == extractor.extract(doc).sentences.count)
        }
        let summary = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(summary.new == 3)
        #expect(summary.skipped == 2)
        #expect(try kb.stats().documents == 5)
    }

    @Test("a document that cannot be read is reported, the others are stored")
    func failures() async throws {
        let folder = try Fixtures.folder(with: [Fixtures.fixture("documents/image.txt"), Fixtures.corpus + "/dinsos-2025-05-23-pekerja-penyuluh-sosial.txt"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kb = try KnowledgeBase()
        let summary = try await Fixtures.ingestion(kb).run(paths: [folder])
        #expect(summary.failed == 1)
        #expect(summary.new == 1)
        #expect(summary.failures.first?.contains("image.txt") == true)
    }

    @Test("a document that cannot be stored ends the ingest; those stored before it in its group get their office terms")
    func storeFailure() async throws {
        try await Self.storeFailure(try KnowledgeBase())
    }

    /// Ingests two seeds into `kb` (through `ingesting`), the second refused when its first mention is stored (after its
    /// document row and sentences, which must be rolled back with it); `reopened` gives what was stored, else `kb`.
    static func storeFailure(_ kb: KnowledgeBase, ingesting: (() async throws -> Void) async throws -> Void = { try await $0() },
                             reopened: (() throws -> KnowledgeBase)? = nil) async throws {
        let folder = try Fixtures.folder(with: [Fixtures.corpus + "/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt",
                                                Fixtures.corpus + "/dinsos-2025-05-23-pekerja-penyuluh-sosial.txt"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A knowledge base of one connection: its temporary trigger sees every insert.
        try kb.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.mention
                WHEN (SELECT source FROM main.document WHERE id = new.documentId) LIKE '%dinsos-2025-05-23%'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        await #expect {
            try await ingesting { _ = try await Fixtures.ingestion(kb).run(paths: [folder]) }
        } throws: { error in
            error is KnowledgeBaseError && "\(error)".contains("refused by the test")
        }
        let stored = try reopened?() ?? kb
        let (documents, sentences) = try stored.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM document"), try Int.fetchOne(db, sql: "SELECT count(DISTINCT documentId) FROM sentence"))
        }
        #expect(documents == 1)
        #expect(sentences == 1)
        #expect(try stored.stats().officeTerms > 0)
    }
}

@Suite("A first ingest builds the fact tables' indexes when it ends")
struct DeferredIndexTests {
    /// Every index with its definition, and how many a knowledge base holds deferred.
    static func indexes(_ kb: KnowledgeBase) throws -> (indexes: [String], deferred: Int) {
        try kb.read { db in
            (try String.fetchAll(db, sql: "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM deferredIndex") ?? -1)
        }
    }

    /// The indexes of a knowledge base as its migrations make it.
    static let schema: [String] = {
        do { return try indexes(try KnowledgeBase()).indexes } catch { preconditionFailure("\(error)") }
    }()

    /// Ingests the seeds, noting the indexes after the first document.
    static func ingestSeeds(_ kb: KnowledgeBase, failAfter: Int? = nil) async throws -> [String] {
        let during = Mutex<[String]>([])
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus], progress: { done, _ in
            if done == 1, let seen = try? indexes(kb).indexes { during.withLock { $0 = seen } }
        }, failAfter: failAfter)
        return during.withLock { $0 }
    }

    @Test("into an empty knowledge base: the fact tables' indexes are gone while it stores, all back when it ends")
    func emptyKnowledgeBase() async throws {
        #expect(Self.schema.contains { $0.hasPrefix("sentence_on_documentId: ") })
        let kb = try KnowledgeBase()
        let during = try await Self.ingestSeeds(kb)
        #expect(!during.isEmpty)
        #expect(!during.contains { $0.hasPrefix("sentence_on_documentId: ") || $0.hasPrefix("figure_unit: ") })
        #expect(during.contains { $0.hasPrefix("document_source: ") })
        #expect(try Self.indexes(kb) == (Self.schema, 0))
        // The query plans use them again.
        let plan = try kb.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM figure WHERE lower(unit) = 'peserta'").map { $0["detail"] as String }
        }
        #expect(plan.joined().contains("figure_unit"), "\(plan)")
    }

    @Test("into a knowledge base holding documents: every index stays")
    func knowledgeBaseWithDocuments() async throws {
        let kb = try KnowledgeBase()
        let folder = try Fixtures.folder(with: [Fixtures.corpus + "/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try await Fixtures.ingestion(kb).run(paths: [folder])
        #expect(try await Self.ingestSeeds(kb) == Self.schema)
        #expect(try Self.indexes(kb) == (Self.schema, 0))
    }

    @Test("an interrupted first ingest ends with its indexes too")
    func interrupted() async throws {
        let kb = try KnowledgeBase()
        await #expect(throws: KnowledgeBaseError.self) { _ = try await Self.ingestSeeds(kb, failAfter: 2) }
        #expect(try kb.stats().documents == 2)
        #expect(try Self.indexes(kb) == (Self.schema, 0))
    }

    @Test("indexes left deferred by an ingest that died are built before the next one stores anything")
    func leftDeferred() async throws {
        let kb = try KnowledgeBase()
        #expect(try kb.prepareIndexesForIngest())
        let document = try #require(try Fixtures.reader().read(path: Fixtures.corpus + "/dinsos-2025-05-23-pekerja-penyuluh-sosial.txt").documents.first)
        try kb.store(DocumentExtractor(resources: Fixtures.resources).extract(document), gazetteer: Fixtures.resources.gazetteer)
        let (left, deferred) = try Self.indexes(kb)
        #expect(left.count < Self.schema.count)
        #expect(deferred == Self.schema.count - left.count)
        #expect(try kb.stats().deferredIndexes == deferred)
        #expect(try await Self.ingestSeeds(kb) == Self.schema)
        #expect(try Self.indexes(kb) == (Self.schema, 0))
        #expect(try kb.stats().deferredIndexes == 0)
    }

    @Test("rebuilding the derived tables while they are deferred builds them first (its queries name an index)")
    func rebuildWhileDeferred() throws {
        let kb = try KnowledgeBase()
        #expect(try kb.prepareIndexesForIngest())
        let document = try #require(try Fixtures.reader().read(path: Fixtures.corpus + "/dinsos-2025-05-23-pekerja-penyuluh-sosial.txt").documents.first)
        try kb.store(DocumentExtractor(resources: Fixtures.resources).extract(document), gazetteer: Fixtures.resources.gazetteer)
        #expect(try Self.indexes(kb).deferred > 0)
        try kb.rebuildDerived()
        #expect(try Self.indexes(kb) == (Self.schema, 0))
    }

    @Test("a document replaced while they are deferred builds them first, and its rows go")
    func replacedWhileDeferred() throws {
        let path = Fixtures.temporaryTextFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extractor = DocumentExtractor(resources: Fixtures.resources)
        let kb = try KnowledgeBase()
        #expect(try kb.prepareIndexesForIngest())
        for text in ["Dinas Sosial menyalurkan bantuan 100 paket kepada warga.", "Dinas Sosial menggelar pelatihan bagi 30 pendamping."] {
            try kb.store(extractor.extract(Fixtures.document(text, at: path)), gazetteer: Fixtures.resources.gazetteer)
            #expect((try Self.indexes(kb).deferred > 0) == text.contains("bantuan"))
        }
        #expect(try Self.indexes(kb) == (Self.schema, 0))
        let (documents, sentences, figures) = try kb.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM document"), try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence"),
             try Double.fetchAll(db, sql: "SELECT value FROM figure"))
        }
        #expect(documents == 1)
        #expect(sentences == 1)
        #expect(figures == [30])
    }
}

@Suite("The writer's file settings")
struct WriterSettingsTests {
    @Test("commits do not wait for the disk; an ingest that ends has put everything in the database file itself")
    func durableAtTheEnd() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        let kb = try KnowledgeBase(path: path)
        #expect(try kb.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(try await Self.documentsInFileAlone(path) == 5)
    }

    /// The documents that the file at `path` holds by itself (a copy without its WAL or journal, as a power cut right
    /// after an ingest would leave it).
    static func documentsInFileAlone(_ path: String) async throws -> Int? {
        let copy = path + ".copy"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        return try await Fixtures.databaseQueue(copy).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") }
    }
}

@Suite("A new knowledge base is built beside its path and moved there")
struct NewKnowledgeBaseTests {
    /// The journal mode and `synchronous` setting of a knowledge base's connection.
    static func fileSettings(_ kb: KnowledgeBase) throws -> (String?, Int?) {
        try kb.write { db in (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous")) }
    }

    @Test("written once, its journal in memory, nothing at its path until published; then whole in its file alone, the same knowledge base as an ingest into a shared file")
    func published() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        let new = try #require(try NewKnowledgeBase(path: path))
        #expect(new.stagingPath == path + ".building")
        #expect(try Self.fileSettings(new.kb) == ("memory", 0))
        _ = try await Fixtures.ingestion(new.kb).run(paths: [Fixtures.corpus])
        #expect(!FileManager.default.fileExists(atPath: path))
        try new.publish()
        // Nothing beside it: no staging file, no journal.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["kb.sqlite"])
        #expect(throws: KnowledgeBaseError.self) { try new.publish() }
        #expect(try await WriterSettingsTests.documentsInFileAlone(path) == 5)
        let shared = try KnowledgeBase(path: dir + "/shared.sqlite")
        _ = try await Fixtures.ingestion(shared).run(paths: [Fixtures.corpus])
        let opened = try KnowledgeBase(path: path)
        #expect(try opened.fingerprint() == shared.fingerprint())
        #expect(try DeferredIndexTests.indexes(opened) == (DeferredIndexTests.schema, 0))
        // Opened again, it is a shared file like any other.
        #expect(try Self.fileSettings(opened) == ("wal", 1))
    }

    @Test("a document that cannot be stored rolls back alone from the journal in memory; the ingest's error is thrown, what was stored before is published")
    func failedIngestPublished() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        let new = try #require(try NewKnowledgeBase(path: path))
        try await IngestTests.storeFailure(new.kb, ingesting: { try await new.publishing(after: $0) }, reopened: { try KnowledgeBase(path: path) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["kb.sqlite"])
    }

    @Test("one build of a path at a time; what a killed build left is discarded; none where something is")
    func oneAtATime() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        do {
            let first = try #require(try NewKnowledgeBase(path: path))
            #expect { _ = try NewKnowledgeBase(path: path) } throws: { error in
                "\(error)".contains("\(first.stagingPath)") && "\(error)".contains("another kb ingest is building")
            }
        }
        // A killed build: a staging file no one holds, half written.
        try Data(repeating: 0x5A, count: 10_000).write(to: URL(fileURLWithPath: path + ".building"))
        let new = try #require(try NewKnowledgeBase(path: path))
        _ = try await Fixtures.ingestion(new.kb).run(paths: [Fixtures.corpus])
        try new.publish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["kb.sqlite"])
        #expect(try KnowledgeBase(path: path).stats().documents == 5)
        #expect(try NewKnowledgeBase(path: path) == nil)
        // A symbolic link that names no file yet is something too: SQLite would create its file.
        let link = dir + "/link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir + "/nowhere.sqlite")
        #expect(try NewKnowledgeBase(path: link) == nil)
    }

    @Test("a WAL left beside the path by a knowledge base since removed is not played into the new one")
    func staleWAL() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A knowledge base whose WAL still holds its last writes, copied beside a path where no knowledge base is.
        let old = try KnowledgeBase(path: dir + "/old.sqlite")
        try old.write { db in try db.execute(sql: "CREATE TABLE stale (x)") }
        let path = dir + "/kb.sqlite"
        try FileManager.default.copyItem(atPath: dir + "/old.sqlite-wal", toPath: path + "-wal")
        let new = try #require(try NewKnowledgeBase(path: path))
        _ = try await Fixtures.ingestion(new.kb).run(paths: [Fixtures.corpus])
        try new.publish()
        let kb = try KnowledgeBase(path: path)
        #expect(try kb.read { db in try db.tableExists("stale") } == false)
        #expect(try kb.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try kb.stats().documents == 5)
    }

    @Test("a file that appears at the path meanwhile is not replaced: the new knowledge base stays where it was built")
    func pathTaken() throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        let new = try #require(try NewKnowledgeBase(path: path))
        try "not a knowledge base".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try new.publish() } throws: { error in "\(error)".contains(new.stagingPath) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a knowledge base")
        #expect(FileManager.default.fileExists(atPath: new.stagingPath))
    }
}

@Suite("Fact rows' ids")
struct FactRowIDTests {
    static let factTables = ["sentence", "mention", "figure", "money", "dateMention", "officialMention"]

    /// Every row of the fact tables and of the full-text index, in id order.
    static func rows(_ db: Database) throws -> [String] {
        try (factTables + ["event"]).flatMap { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table) \($0)" }
        } + Row.fetchAll(db, sql: "SELECT rowid, stems FROM sentenceSearch ORDER BY rowid").map { "search \($0)" }
    }

    @Test("take the id after the largest, without AUTOINCREMENT; events keep it")
    func newKnowledgeBase() async throws {
        let kb = try await Fixtures.seeded()
        let (autoincremented, sequences) = try kb.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_sequence ORDER BY name"))
        }
        #expect(autoincremented == ["event"])
        #expect(sequences == ["event"])
    }

    @Test("a knowledge base made before keeps its rows, indexes, trigger and deferred indexes through the rebuild")
    func migrated() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        let stored: [String]
        do {
            let kb = try KnowledgeBase(path: path)
            _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
            stored = try kb.read(Self.rows)
        }
        // Back to the tables as v6 made them, a sequence for each, and one index left deferred by a dead first ingest.
        try await Fixtures.databaseQueue(path).write { db in
            for table in Self.factTables {
                try Schema.rebuild(table, db) { $0.replacingOccurrences(of: "\"id\" INTEGER PRIMARY KEY,", with: "\"id\" INTEGER PRIMARY KEY AUTOINCREMENT,") }
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) SELECT ?, max(id) FROM \(table)", arguments: [table])
            }
            try db.execute(sql: "INSERT INTO deferredIndex SELECT name, sql FROM sqlite_master WHERE name = 'sentence_on_documentId'")
            try db.execute(sql: "DROP INDEX sentence_on_documentId")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-fact-rowids'")
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%' ORDER BY name").count == 7)
        }
        let kb = try KnowledgeBase(path: path)
        #expect(try kb.read(Self.rows) == stored)
        let (autoincremented, deferred) = try kb.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%' ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT name FROM deferredIndex"))
        }
        #expect(autoincremented == ["event"])
        #expect(deferred == ["sentence_on_documentId"])
        try kb.prepareIndexesForIngest()
        #expect(try DeferredIndexTests.indexes(kb) == (DeferredIndexTests.schema, 0))
        // A new row takes the next id.
        let (next, largest) = try kb.write { db in
            try db.execute(sql: "INSERT INTO sentence (documentId, ordinal, start, \"end\", text) SELECT documentId, 99, 0, 1, 'x' FROM sentence LIMIT 1")
            return (db.lastInsertedRowID, try Int64.fetchOne(db, sql: "SELECT max(id) FROM sentence WHERE ordinal < 99"))
        }
        #expect(next == (largest ?? 0) + 1)
    }
}

@Suite("The full-text index")
struct FullTextIndexTests {
    static func automerge(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT v FROM sentenceSearch_config WHERE k = 'automerge'")
    }

    @Test("merges its segments only when a level is full, in a new knowledge base and in one made before the setting")
    func merges() throws {
        #expect(try KnowledgeBase().read(Self.automerge) == 0)
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        do {
            let older = try Fixtures.databaseQueue(path)
            try Schema.migrator.migrate(older, upTo: "v5-deferred-index")
            #expect(try older.read(Self.automerge) == nil)
        }
        #expect(try KnowledgeBase(path: path).read(Self.automerge) == 0)
    }

    static func triggers(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    }

    @Test("is kept by the writer: a knowledge base made with the delete trigger loses it, and its documents extracted again leave it in step")
    func triggerDropped() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kb.sqlite"
        do {
            let older = try Fixtures.databaseQueue(path)
            try Schema.migrator.migrate(older, upTo: "v8-document-rules-version")
            #expect(try await older.read(Self.triggers) == ["sentence_search_delete"])
        }
        let kb = try KnowledgeBase(path: path)
        #expect(try kb.read(Self.triggers) == [])
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        try kb.write { db in try db.execute(sql: "UPDATE document SET rulesVersion = NULL") }
        let again = try await Fixtures.ingestion(kb).run(paths: [Fixtures.corpus])
        #expect(again.reextracted == 5)
        #expect(try Fixtures.fullTextFollowsSentences(kb))
    }

    @Test("a knowledge base made before former holders were told apart gains the column, every mention a holder's")
    func formerColumnAdded() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try await Fixtures.olderKnowledgeBase(in: dir, upTo: "v9-full-text-deletes-by-writer") { db in
            try db.execute(sql: "INSERT INTO document (id, source, headline, format, text, extraction) VALUES ('d', 'd.txt', '', 'text', '', '{}')")
            try db.execute(sql: "INSERT INTO entity (id, kind, name) VALUES ('person:a', 'person', 'A')")
            try db.execute(sql: "INSERT INTO officialMention (documentId, personId, title, titleKey, date, surface, start, end) VALUES ('d', 'person:a', 'Gubernur', 'k', '2019', 'Gubernur A', 0, 10)")
            #expect(try db.columns(in: "officialMention").map(\.name).contains("former") == false)
        }
        let kb = try KnowledgeBase(path: path)
        #expect(try kb.read { db in try Bool.fetchAll(db, sql: "SELECT former FROM officialMention") } == [false])
    }

    @Test("a knowledge base made before amounts were dated gains the columns, each amount dated as the queries dated it")
    func moneyDateAdded() async throws {
        let dir = try Fixtures.folder(with: [])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try await Fixtures.olderKnowledgeBase(in: dir, upTo: "v10-former-officials") { db in
            try db.execute(sql: """
                INSERT INTO document (id, source, headline, format, text, extraction, eventDate)
                VALUES ('d', 'd.txt', '', 'text', '', '{}', '2019-09-10')
                """)
            try db.execute(sql: """
                INSERT INTO event (documentId, action, date, participants, sentence, start, end)
                VALUES ('d', 'salur', '2019-09-02', '[]', 'Dinas Sosial menyalurkan Rp5 juta.', 0, 40)
                """)
            for (surface, start) in [("Rp5 juta", 30), ("Rp2 miliar", 60)] {
                try db.execute(sql: "INSERT INTO money (documentId, value, currency, surface, start, end) VALUES ('d', 1, 'IDR', ?, ?, ?)",
                               arguments: [surface, start, start + 8])
            }
            #expect(try db.columns(in: "money").map(\.name).contains("date") == false)
        }
        let kb = try KnowledgeBase(path: path)
        #expect(try kb.read { db in try String.fetchAll(db, sql: "SELECT date FROM money ORDER BY start") } == ["2019-09-02", "2019-09-10"])
        // And the column of a near-duplicate's copy (`sameAs`), derived at the next ingest.
        #expect(try kb.read { db in try db.columns(in: "money").map(\.name) }.contains("sameAs"))
    }

    @Test("still finds every seed's sentences after many small ingests")
    func manySmallIngests() async throws {
        let kb = try KnowledgeBase()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixtures.corpus).sorted()
        for seed in seeds {
            let folder = try Fixtures.folder(with: [Fixtures.corpus + "/" + seed])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            _ = try await Fixtures.ingestion(kb).run(paths: [folder])
        }
        let (sentences, indexed, found) = try kb.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sentenceSearch"),
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT s.documentId) FROM sentenceSearch JOIN sentence s ON s.id = sentenceSearch.rowid WHERE sentenceSearch MATCH 'sosial'"))
        }
        #expect(seeds.count == 5)
        #expect(sentences == indexed)
        #expect(found == seeds.count)
        try kb.write { db in try db.execute(sql: "INSERT INTO sentenceSearch(sentenceSearch) VALUES('integrity-check')") }
    }
}

@Suite("Queries in Indonesian")
struct QueryTests {
    @Test("kegiatan Karang Taruna 2025: the 2025 activities, not the 2024 Jambore")
    func karangTaruna2025() async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        let understood = try engine.understand("kegiatan Karang Taruna 2025")
        #expect(understood.summary == "events · program=Karang Taruna · year=2025 · text=\"\"")
        let results = try engine.answer(understood, limit: 20)
        #expect(results.contains { $0.date == "2025" && $0.sentence.contains("Peningkatan Peran Serta") && ($0.figures ?? "").contains("350 anggota") })
        #expect(results.contains { $0.date == "2025-06-21" && $0.sentence.contains("apel gabungan") })
        #expect(!results.contains { $0.sentence.contains("Jambore") })
        #expect(results.allSatisfy { ($0.date ?? "").hasPrefix("2025") })
    }

    @Test("kegiatan of an office: the activities of its holders then, or of its organization; none for an office no one holds")
    func activitiesOfAnOffice() async throws {
        let kb = try await Fixtures.seeded()
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let all2025 = try engine.answer(try engine.understand("kegiatan 2025"), limit: 50)
        let deputy = try engine.answer(try engine.understand("kegiatan Wakil Gubernur 2025"), limit: 50)
        #expect(!deputy.isEmpty && deputy.count < all2025.count)
        let rano = try kb.read { db in
            try Set(Row.fetchAll(db, sql: "SELECT e.start, e.documentId FROM event e JOIN eventRole r ON r.eventId = e.id WHERE r.entityId = 'person:rano-karno'")
                .map { "\($0["documentId"] as String)@\($0["start"] as Int)" })
        }
        #expect(deputy.allSatisfy { rano.contains("\($0.document.id)@\($0.span[0])") })
        // The head of the office, with its organization: Dinas Sosial's own activities and its heads'.
        let head = try engine.answer(try engine.understand("kegiatan Kepala Dinas Sosial Juli 2025"), limit: 50)
        #expect(head.contains { $0.actor == "Iqbal Akbarudin" })
        #expect(head.allSatisfy { ($0.date ?? "").hasPrefix("2025") })
        #expect(try engine.answer(try engine.understand("kegiatan Kapolri 2025"), limit: 50).isEmpty)
    }

    @Test("siapa Kepala Dinas Sosial DKI Jakarta, at the time asked", arguments: [
        ("siapa Kepala Dinas Sosial DKI Jakarta Januari 2025", "Premi Lasari"),
        ("siapa Kepala Dinas Sosial DKI Jakarta Juli 2025", "Iqbal Akbarudin"),
        ("siapa Kadinsos Mei 2025", "Iqbal Akbarudin"),
    ])
    func headOfOffice(_ query: String, _ expected: String) async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        let results = try engine.answer(try engine.understand(query), limit: 5)
        #expect(results.first?.person == expected)
        #expect(results.first?.document.title != nil)
    }

    @Test("a figure or an amount outside any activity is of the report's recent activity, else of its publication, not of a recalled one")
    func factsDatedByOccasion() async throws {
        let kb = try KnowledgeBase()
        // The first activity is history the report recalls.
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Pada tahun 2015, Dinas Sosial DKI Jakarta menyalurkan "
            + "bantuan kepada 500 warga. Tahun ini jumlah penerima bantuan mencapai 1.200 warga dengan anggaran Rp5 miliar."), into: kb)
        // The first activity is the report's, the day before its publication.
        try await Fixtures.ingest(Fixtures.release("Jumat, 13 September 2019", "Dinas Sosial DKI Jakarta menggelar bakti sosial di "
            + "Cengkareng, Kamis (12/9). Total bantuan yang disiapkan sebanyak 300 paket senilai Rp45 juta."), into: kb)
        let (figures, amounts) = try kb.read { db in
            (try [String: String?](uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT surface, date FROM figure").map { ($0["surface"], $0["date"]) }),
             try [String: String?](uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT surface, date FROM money").map { ($0["surface"], $0["date"]) }))
        }
        #expect(figures["500 warga"] == "2015")
        #expect(figures["mencapai 1.200 warga"] == "2019-09-10")
        #expect(amounts["Rp5 miliar"] == "2019-09-10")
        #expect(figures["sebanyak 300 paket"] == "2019-09-12")
        #expect(amounts["senilai Rp45 juta"] == "2019-09-12")
        // Asked about 2019, this year's amount is found; asked about 2015, not.
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        #expect(try engine.answer(try engine.understand("berapa anggaran bantuan 2019"), limit: 5).map(\.value) == [5_000_000_000])
        #expect(try engine.answer(try engine.understand("berapa anggaran bantuan 2015"), limit: 5).isEmpty)
    }

    @Test("berapa anggaran, harga: amounts of money, with their sentences and sources; a count is still a figure")
    func moneyQueries() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Jumat, 10 Januari 2025", "Anggaran Dinas Sosial DKI Jakarta tahun 2025 sebesar Rp1,6 triliun. "
            + "Dinas Sosial DKI Jakarta juga menyalurkan bantuan kepada 120 warga di Cengkareng."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Rabu, 12 Februari 2025", "Harga cabai di Pasar Induk Kramat Jati naik menjadi Rp80.000 per kilogram. "
            + "Dana hibah sebesar Rp2 miliar disalurkan kepada Karang Taruna."), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let budget = try engine.understand("berapa anggaran Dinas Sosial 2025")
        #expect(budget.intent == .money)
        #expect(budget.text == "anggaran")
        let answer = try engine.answer(budget, limit: 5)
        #expect(answer.map(\.value) == [1_600_000_000_000])
        #expect(answer.first?.unit == "IDR")
        #expect(answer.first?.kind == "money")
        #expect(answer.first?.sentence.hasPrefix("Anggaran Dinas Sosial DKI Jakarta tahun 2025") == true)
        #expect(answer.first?.document.published == "2025-01-10")
        // Without an intent word too; a currency's name asks for money alone; the words asked narrow the amounts.
        #expect(try engine.answer(try engine.understand("harga cabai"), limit: 5).map(\.value) == [80_000])
        let rupiah = try engine.understand("berapa rupiah dana hibah Karang Taruna")
        #expect(rupiah.intent == .money)
        #expect(rupiah.text == "dana hibah")
        #expect(try engine.answer(rupiah, limit: 5).map(\.value) == [2_000_000_000])
        // A period the amounts are not in finds none.
        #expect(try engine.answer(try engine.understand("berapa anggaran Dinas Sosial 2024"), limit: 5).isEmpty)
        // A count is a figure; an activity asked about stays one.
        #expect(try engine.understand("berapa warga").intent == .figures)
        #expect(try engine.understand("kegiatan Dinas Sosial anggaran").intent == .events)
        // The same story in a near-duplicate release states the amount once more: one result, two sources.
        let story = "Pemerintah Provinsi DKI Jakarta menyiapkan dana santunan sebesar Rp5 miliar bagi keluarga korban kebakaran "
            + "di Kecamatan Tambora. Santunan akan disalurkan melalui Dinas Sosial DKI Jakarta kepada ahli waris yang terdata di "
            + "kelurahan setempat setelah verifikasi bersama petugas kecamatan dan pendamping sosial. Penyaluran dijadwalkan "
            + "selesai dalam dua pekan, sementara warga yang belum terdata diminta melapor ke posko pengungsian di kantor kelurahan."
        try await Fixtures.ingest(Fixtures.release("Senin, 17 Maret 2025", story), into: kb)
        try await Fixtures.ingest(Fixtures.release("Selasa, 18 Maret 2025", story + " Posko buka setiap hari."), into: kb)
        #expect(try kb.stats().nearDuplicates == 1)
        let santunan = try engine.answer(try engine.understand("berapa dana santunan kebakaran"), limit: 5)
        #expect(santunan.map(\.value) == [5_000_000_000])
        #expect(santunan.first?.alsoReportedBy.count == 1)
    }

    @Test("berapa peserta Jambore Karang Taruna: 1.600, with its source")
    func jamboreParticipants() async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        let results = try engine.answer(try engine.understand("berapa peserta Jambore Karang Taruna"), limit: 5)
        let first = try #require(results.first)
        #expect(first.value == 1600)
        #expect(first.unit == "peserta")
        #expect(first.document.published == "2025-01-21")
        #expect(first.document.outlet == "beritajakarta.id")
        let text = try String(contentsOfFile: Fixtures.corpus + "/" + (first.document.source as NSString).lastPathComponent, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first.span[0]..<first.span[1]])
        #expect(String(view) == "1.600 peserta")
    }

    @Test("di mana: the places of matching events")
    func placesOfEvents() async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        let results = try engine.answer(try engine.understand("di mana apel pilar sosial"), limit: 5)
        let first = try #require(results.first)
        #expect(first.kind == "event")
        #expect(first.place == "Kantor Wali Kota Jakarta Pusat")
        #expect(results.allSatisfy { $0.place != nil })
    }

    @Test("di mana: without a placed event, the places named in the matching sentences")
    func placesInSentences() async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        let results = try engine.answer(try engine.understand("di mana kapasitas"), limit: 5)
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0.kind == "place" && $0.place != nil && $0.sentence.contains("kapasitas") })
        #expect(results.first?.place == "panti sosial")
        #expect(results.first?.document.published == "2025-05-23")
    }

    @Test("a figure that two near-duplicate documents report is one figure with two sources")
    func nearDuplicateFigure() async throws {
        let kb = try await Fixtures.seeded()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/documents/near-duplicate-antara.txt").path])
        #expect(try kb.stats().nearDuplicates == 1)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let results = try engine.answer(try engine.understand("berapa peserta Jambore Karang Taruna"), limit: 10)
        #expect(results.map(\.value) == [1600])
        let first = try #require(results.first)
        #expect(first.document.outlet == "beritajakarta.id")
        #expect(first.alsoReportedBy.map(\.outlet) == ["ANTARA"])
        #expect(first.alsoReportedBy.first?.source.hasSuffix("near-duplicate-antara.txt") == true)
    }

    @Test("berapa: the first unit word is the counted noun, the other words are in the figure's sentence (else its document)", arguments: [
        ("berapa bimbingan teknis", [400.0]),
        ("jumlah kelurahan stimulasi", [264]),
        ("berapa peserta", [1600]),
        ("berapa peserta gempa", []),
        // `kelurahan` is a unit too, but only the first unit word is the counted noun; no sentence with peserta
        // names a kelurahan, so the release that does elsewhere answers.
        ("berapa peserta kelurahan", [1600]),
        ("berapa kelurahan UKKT", [264]),
    ])
    func figureWords(_ query: String, _ values: [Double]) async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        #expect(try engine.answer(try engine.understand(query), limit: 10).map(\.value) == values)
    }

    @Test("an answer says what it left out of the query or widened to find its results", arguments: [
        ("berapa peserta kelurahan", [QueryNote(.wordsElsewhereInDocument, ["kelurahan"])]),
        // Only the words the figure's sentence lacks (`jejaring` is in it).
        ("berapa peserta jejaring kelurahan", [QueryNote(.wordsElsewhereInDocument, ["kelurahan"])]),
        ("berapa peserta", []),
        ("berapa peserta gempa", []),
        ("siapa Kepala Dinas Sosial yang baru", [QueryNote(.wordsInNoTitle, ["baru"])]),
        ("siapa Kepala Dinas Sosial", []),
    ])
    func notes(_ query: String, _ notes: [QueryNote]) async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        let answer = try engine.respond(try engine.understand(query), limit: 10)
        #expect(answer.notes == notes)
        // A note comes with results only: with none, nothing was widened.
        #expect(answer.notes.isEmpty || !answer.results.isEmpty)
    }

    @Test("documents stored before signatures were kept are signed from their sentences")
    func unsignedDocuments() async throws {
        let kb = try await Fixtures.seeded()
        try kb.write { db in try db.execute(sql: "UPDATE document SET signature = NULL") }
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/documents/near-duplicate-antara.txt").path])
        #expect(try kb.stats().nearDuplicates == 1)
    }

    @Test("full-text search is on stems: penyaluran finds menyalurkan")
    func stems() async throws {
        let kb = try await Fixtures.seeded()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/premi-lestari-misprint.txt")])
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let understood = try engine.understand("penyaluran logistik")
        #expect(understood.intent == .sentences)
        let results = try engine.answer(understood, limit: 5)
        #expect(results.count == 1)
        #expect(results.first?.sentence.contains("menyalurkan bantuan logistik") == true)
    }

    @Test("periods, intents and names in a query", arguments: [
        ("kegiatan Karang Taruna 2024-2025", "events · program=Karang Taruna · years=2024-2025 · text=\"\""),
        ("acara TKSK sejak Maret 2025", "events · program=Tenaga Kesejahteraan Sosial Kecamatan · from=2025-03-01 · text=\"\""),
        ("siapa Wali Kota Jakarta Pusat Juni 2025", "officials · position=Wali Kota · place=Jakarta Pusat · month=2025-06 · text=\"\""),
        ("berapa anggota Karang Taruna", "figures · program=Karang Taruna · text=\"anggota\""),
        ("di mana apel pilar sosial", "places · program=pilar sosial · text=\"apel\""),
        ("Premi Lasari", "events · person=Premi Lasari · text=\"\""),
    ])
    func understanding(_ query: String, _ summary: String) async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        #expect(try engine.understand(query).summary == summary)
    }

    @Test("a kelurahan named like a word (Baru) is that place in a query only after a word that says so, which is no text to search")
    func ambiguousPlaces() async throws {
        let kb = try await Fixtures.seeded()
        try await Fixtures.ingest("Suku Dinas Sosial menyalurkan bantuan di Kelurahan Baru, Pasar Rebo.", into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        #expect(try engine.understand("kegiatan ibu kota baru").summary == "events · text=\"ibu kota baru\"")
        #expect(try engine.understand("kegiatan di Kelurahan Baru").entities.map(\.kind) == ["place"])
        #expect(try engine.understand("kegiatan di Kelurahan Baru").text == "")
    }

    @Test("a query holding SQL is just text", arguments: [
        "kegiatan'; DROP TABLE document; --",
        "\" OR 1=1 --",
        "siapa Kepala Dinas Sosial) UNION SELECT * FROM entity --",
        "NEAR(\"a\" \"b\") AND *",
    ])
    func hostile(_ query: String) async throws {
        let kb = try await Fixtures.seeded()
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        _ = try engine.answer(try engine.understand(query), limit: 5)
        #expect(try kb.stats().documents == 5)
    }
}

@Suite("One graph across documents")
struct GraphTests {
    @Test("office terms: who held the position when")
    func officeTerms() async throws {
        let kb = try await Fixtures.seeded()
        let terms = try kb.read { db in
            try Row.fetchAll(db, sql: "SELECT e.name, t.firstDate, t.lastDate FROM officeTerm t JOIN entity e ON e.id = t.personId WHERE t.titleKey = 'position:kepala-dinas-sosial@org:dinsos-dki' ORDER BY t.firstDate")
        }
        #expect(terms.map { $0["name"] as String } == ["Premi Lasari", "Iqbal Akbarudin"])
        #expect(terms.first?["lastDate"] as String? == "2025-01-21")
        #expect((terms.last?["firstDate"] as String?)?.hasPrefix("2025-05") == true)
    }

    @Test("governors of other provinces hold their own offices, not Jakarta's; one office in any spelling of its region")
    func officesOfOtherProvinces() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/gubernur-provinsi-lain.txt")])
        let terms = try kb.read { db in
            try Row.fetchAll(db, sql: "SELECT e.name, t.titleKey, t.orgId, t.evidence FROM officeTerm t JOIN entity e ON e.id = t.personId ORDER BY e.name")
        }
        #expect(terms.map { "\($0["name"] as String) \($0["titleKey"] as String) \($0["orgId"] as String? ?? "-") \($0["evidence"] as Int)" } == [
            "Anies Baswedan position:gubernur@org:pemprov-dki org:pemprov-dki 1",
            "Ganjar Pranowo position:gubernur@gubernur jawa tengah - 1",
            "Ridwan Kamil position:gubernur@gubernur jawa barat - 2",
        ])
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let answers = try engine.answer(try engine.understand("siapa Gubernur September 2019"), limit: 10)
        #expect(Set(answers.map { "\($0.person ?? "") · \($0.position ?? "") · \($0.organization ?? "-")" }) == [
            "Anies Baswedan · Gubernur · Pemerintah Provinsi DKI Jakarta",
            "Ridwan Kamil · Gubernur Jawa Barat · -",
            "Ganjar Pranowo · Gubernur Jawa Tengah · -",
        ])
        // The region asked about qualifies the title, in any of its spellings; it is no name, even where the knowledge
        // base knows one like it.
        try kb.write { db in
            try db.execute(sql: "INSERT INTO entity (id, kind, name) VALUES ('person:jawa-barat', 'person', 'Jawa Barat')")
            try db.execute(sql: "INSERT INTO alias (entityId, alias, normalized, caseSensitive) VALUES ('person:jawa-barat', 'Jawa Barat', 'jawa barat', 0)")
            try db.execute(sql: "INSERT INTO mention (documentId, entityId, surface, start, end) SELECT id, 'person:jawa-barat', 'Jawa Barat', 0, 10 FROM document")
        }
        for (query, holder) in [("siapa Gubernur Jawa Barat", "Ridwan Kamil"), ("siapa Gubernur Jabar", "Ridwan Kamil"),
                               ("siapa Gubernur Jawa Tengah September 2019", "Ganjar Pranowo"),
                               // A word no title has is left out; the region is not.
                               ("siapa Gubernur Jawa Barat sekarang", "Ridwan Kamil")] {
            let understood = try engine.understand(query)
            #expect(understood.entities.map(\.id) == ["position:gubernur"])
            #expect(try engine.answer(understood, limit: 10).map(\.person) == [holder])
        }
    }

    @Test("a program asked with a position narrows the titles by any of its names: siapa Menteri PUPR")
    func officialsOfAProgram() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("10 September 2019", "Menteri Pekerjaan Umum dan Perumahan Rakyat (PUPR) Basuki Hadimuljono "
            + "meninjau bendungan. Menteri Perindustrian Agus Gumiwang Kartasasmita hadir."), into: kb)
        try await Fixtures.ingest(Fixtures.release("12 September 2019", "Menteri PUPR Basuki Hadimuljono membuka jembatan. "
            + "Menteri Agama Lukman Hakim hadir."), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let understood = try engine.understand("siapa Menteri PUPR")
        #expect(understood.entities.map(\.kind) == ["position", "program"])
        let answers = try engine.answer(understood, limit: 10)
        #expect(Set(answers.compactMap(\.person)) == ["Basuki Hadimuljono"])
        #expect(Set(answers.compactMap(\.position)) == ["Menteri Pekerjaan Umum dan Perumahan Rakyat", "Menteri PUPR"])
    }

    @Test("an official in a document without a date is evidenced on the latest day it gives, not on its first activity's year")
    func undatedOfficials() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest("""
            Anies targetkan taman rampung

            Taman di lahan yang diresmikan pada 10 November 1968 akan dibangun ulang.

            Gubernur DKI Jakarta Anies Baswedan menargetkan pembangunan taman selesai pada 2022. Hal itu disampaikan di Balai Kota, Kamis (19/9/2019).
            """, into: kb)
        let rows = try kb.read { db in
            try Row.fetchAll(db, sql: "SELECT d.published, m.date FROM officialMention m JOIN document d ON d.id = m.documentId")
        }
        #expect(rows.map { "\($0["published"] as String? ?? "-") \($0["date"] as String? ?? "-")" } == ["- 2019-09-19"])
        // Without a day, no date: a year or a span of the activities is no evidence of when the office was held.
        let other = try KnowledgeBase()
        try await Fixtures.ingest("Rencana taman\n\nGubernur DKI Jakarta Anies Baswedan menargetkan pembangunan taman selesai pada 2022.\n", into: other)
        #expect(try other.read { db in try String?.fetchAll(db, sql: "SELECT date FROM officialMention") } == [nil])
    }

    @Test("read with dated documents, an undated one evidences its officials on its latest day in their years, not on a day of history")
    func undatedOfficialsBesideDated() async throws {
        let kb = try KnowledgeBase()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let records: [(String?, String)] = [
            ("2019-09-10", "Dinas Sosial DKI Jakarta menyalurkan bantuan kepada 120 korban kebakaran di Tambora, Selasa (10/9)."),
            (nil, "Gubernur DKI Jakarta Anies Baswedan mengenang peresmian taman itu pada 12 Mei 1994."),
            (nil, "Gubernur DKI Jakarta Anies Baswedan mengenang peresmian taman itu pada 12 Mei 1994. Taman dibuka kembali Kamis (19/9)."),
        ]
        let lines = try records.enumerated().map { k, record in
            String(decoding: try JSONSerialization.data(withJSONObject: [
                "id": "r\(k)", "source": "tempo.co", "title": "Berita \(k)", "published": record.0 as Any, "text": record.1,
            ]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        _ = try await Fixtures.ingestion(kb).run(paths: [file])
        let rows = try kb.read { db in
            try Row.fetchAll(db, sql: "SELECT d.title, m.date FROM officialMention m JOIN document d ON d.id = m.documentId ORDER BY d.title")
        }
        #expect(rows.map { "\($0["title"] as String) \($0["date"] as String? ?? "-")" } == ["Berita 1 -", "Berita 2 2019-09-19"])
        // The extraction says so too.
        let extraction: String? = try kb.read { db in try String.fetchOne(db, sql: "SELECT extraction FROM document WHERE title = 'Berita 2'") }
        #expect(extraction?.contains("\"date\":\"2019-09-19\"") == true)
    }

    @Test("a name mentioned once among another holder's many mentions is listed after the holders and answers no time; a successor does")
    func overshadowedTerms() async throws {
        let kb = try KnowledgeBase()
        let holder = "Gubernur Jawa Barat Ridwan Kamil membuka acara."
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", holder), into: kb)
        try await Fixtures.ingest(Fixtures.release("Senin, 30 September 2019", Array(repeating: holder, count: 5).joined(separator: " ")), into: kb)
        try await Fixtures.ingest(Fixtures.release("Jumat, 20 September 2019", "Gubernur Jawa Barat Ridwan Hakim meninjau sungai."), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        func holders(_ query: String) throws -> [String?] { try engine.answer(try engine.understand(query), limit: 10).map(\.person) }
        #expect(try holders("siapa Gubernur Jawa Barat") == ["Ridwan Kamil", "Ridwan Hakim"])
        #expect(try holders("siapa Gubernur Jawa Barat September 2019") == ["Ridwan Kamil"])
        // A successor named once, its predecessor named once more after it (without `mantan`), is the holder from then on.
        try await Fixtures.ingest(Fixtures.release("Kamis, 20 Februari 2025", "Gubernur Jawa Barat Dedi Mulyadi membuka acara."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Sabtu, 1 Maret 2025", holder), into: kb)
        #expect(try holders("siapa Gubernur Jawa Barat") == ["Dedi Mulyadi", "Ridwan Kamil", "Ridwan Hakim"])
        #expect(try holders("siapa Gubernur Jawa Barat Maret 2025") == ["Dedi Mulyadi"])
        #expect(try holders("siapa Gubernur Jawa Barat Oktober 2019") == ["Ridwan Kamil"])
    }

    @Test("a holder's misprints and shorter forms are one answer under the most evidenced name, with all their evidence")
    func variantsFolded() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Menteri Sosial Agus Gumiwang Kartasasmita meninjau lokasi gempa. "
            + "Gubernur Jawa Barat Ridwan Kamil membuka acara."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Rabu, 18 September 2019", "Menteri Sosial Agus Gumiwang menyalurkan bantuan. "
            + "Gubernur Jawa Barat Ridwal Kamil meninjau sungai."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Jumat, 20 September 2019", "Menteri Sosial Agus Gumiwang Kartasasmita hadir. "
            + "Gubernur Jawa Barat Ridwan Kamil hadir."), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let minister = try engine.answer(try engine.understand("siapa Menteri Sosial"), limit: 10)
        #expect(minister.map(\.person) == ["Agus Gumiwang Kartasasmita"])
        #expect(minister.first?.alsoWritten == ["Agus Gumiwang"])
        #expect(minister.first?.date == "2019-09-10/2019-09-20")
        #expect(minister.first?.score == 3)
        let governor = try engine.answer(try engine.understand("siapa Gubernur Jawa Barat"), limit: 10)
        #expect(governor.map(\.person) == ["Ridwan Kamil"])
        #expect(governor.first?.alsoWritten == ["Ridwal Kamil"])
        // A holder without variants has none listed.
        try await Fixtures.ingest(Fixtures.release("Sabtu, 21 September 2019", "Gubernur Jawa Tengah Ganjar Pranowo hadir."), into: kb)
        #expect(try engine.answer(try engine.understand("siapa Gubernur Jawa Tengah"), limit: 10).first?.alsoWritten == nil)
    }

    @Test("an office written by its position's name, an alias or with RI after it is one office, titled as most often written; a shorter form of several variants of one name is one of them")
    func titleVariantsOfOneOffice() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Menteri Perhubungan Budi Karya Sumadi meninjau stasiun. "
            + "Menteri Perhubungan Malaysia Anthony Loke hadir."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Rabu, 18 September 2019", "Menhub Budi Karya meninjau bandara. Menhub Budi hadir."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Jumat, 20 September 2019", "Menteri Perhubungan RI Budi Karya Sumadi hadir. "
            + "Menteri Perhubungan Budi Karya Sumadi membuka acara."), into: kb)
        let keys = try kb.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT titleKey FROM officialMention ORDER BY 1") }
        #expect(keys == ["position:menteri-perhubungan@menteri perhubungan", "position:menteri-perhubungan@menteri perhubungan malaysia"])
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        for query in ["siapa Menteri Perhubungan", "siapa Menhub"] {
            let answer = try engine.answer(try engine.understand(query), limit: 10)
            #expect(answer.map(\.person) == ["Budi Karya Sumadi", "Anthony Loke"])
            #expect(answer.first?.position == "Menteri Perhubungan")
            #expect(answer.first?.alsoWritten == ["Budi", "Budi Karya"])
            #expect(answer.first?.score == 5)
        }
    }

    @Test("a person people.tsv knows by several names is one person: one holder, one entity, its other names found by the query")
    func peopleByTheirOtherNames() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Presiden Joko Widodo membuka acara di Jakarta. "
            + "Jokowi mengatakan pembangunan berjalan baik."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Rabu, 18 September 2019", "Presiden Jokowi meresmikan jembatan."), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let president = try engine.answer(try engine.understand("siapa Presiden"), limit: 10)
        #expect(president.map(\.person) == ["Joko Widodo"])
        #expect(president.first?.score == 2)
        #expect(president.first?.alsoWritten == nil)
        let surfaces = try kb.read { db in
            try String.fetchAll(db, sql: "SELECT surface FROM mention WHERE entityId = 'person:joko-widodo' ORDER BY documentId, start")
        }
        #expect(Set(surfaces) == ["Presiden Joko Widodo", "Jokowi", "Presiden Jokowi"])
        #expect(try engine.understand("kegiatan Jokowi").entities.map(\.id) == ["person:joko-widodo"])
        // Also in a knowledge base built before people.tsv had the name.
        try kb.write { db in try db.execute(sql: "DELETE FROM alias WHERE entityId = 'person:joko-widodo' AND alias = 'Jokowi'") }
        #expect(try engine.understand("kegiatan Jokowi").entities.map(\.id) == ["person:joko-widodo"])
    }

    @Test("a misprint of a name people.tsv gives a person is a variant of the person (Anies Rasyis Baswedan)")
    func misprintOfAPersonsOtherName() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Gubernur DKI Jakarta Anies Baswedan membuka acara itu."), into: kb)
        try await Fixtures.ingest(Fixtures.release("Rabu, 11 September 2019", "Gubernur DKI Jakarta Anies Rasyis Baswedan meresmikan jembatan."), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        let governor = try engine.answer(try engine.understand("siapa Gubernur DKI Jakarta"), limit: 10)
        #expect(governor.map(\.person) == ["Anies Baswedan"])
        #expect(governor.first?.alsoWritten == ["Anies Rasyis Baswedan"])
    }

    @Test("a title asked about with RI or Indonesia is Indonesia's office, not every office the title starts")
    func nationalOffice() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Presiden Joko Widodo membuka acara di Jakarta. "
            + "Presiden Amerika Serikat Donald Trump mengatakan hal itu di Washington. Presiden ke-3 RI BJ Habibie dimakamkan hari ini."), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        for query in ["siapa Presiden RI", "siapa Presiden Indonesia", "siapa Presiden Republik Indonesia September 2019"] {
            let understood = try engine.understand(query)
            #expect(understood.national == true, "\(query)")
            #expect(understood.text == "", "\(query)")
            #expect(try engine.answer(understood, limit: 10).map(\.person) == ["Joko Widodo"], "\(query)")
        }
        #expect(try engine.understand("siapa Presiden RI").summary == "officials · position=Presiden · national · text=\"\"")
        // Without it, every office the title starts.
        #expect(try engine.understand("siapa Presiden").national == nil)
        let all = try engine.answer(try engine.understand("siapa Presiden"), limit: 10)
        #expect(Set(all.compactMap(\.person)) == ["Joko Widodo", "Donald Trump", "BJ Habibie"])
        #expect(try engine.answer(try engine.understand("siapa Presiden Amerika Serikat"), limit: 10).map(\.person) == ["Donald Trump"])
    }

    @Test("a shorter form is a name's first words or its last word; an initial stands for a word it starts", arguments: [
        ("anies", "anies baswedan", true), ("baswedan", "anies baswedan", true), ("agus gumiwang", "agus gumiwang kartasasmita", true),
        ("rasyid", "anies rasyid baswedan", false), ("gumiwang kartasasmita", "agus gumiwang kartasasmita", false),
        ("anies baswedan", "anies baswedan", false),
    ])
    func shorterForms(_ short: String, _ long: String, _ expected: Bool) {
        #expect(KnowledgeBase.isShorterForm(short.split(separator: " "), of: long.split(separator: " ")) == expected)
    }

    @Test("names alike but for an initial", arguments: [
        ("basuki t purnama", "basuki tjahaja purnama", true), ("laode m. syarif", "laode muhammad syarif", true),
        ("basuki tjahaja purnama", "basuki t purnama", true), ("basuki x purnama", "basuki tjahaja purnama", false),
        ("basuki t purnama", "basuki t purnama", false), ("t purnama", "basuki purnama", false),
    ])
    func initials(_ a: String, _ b: String, _ expected: Bool) {
        #expect(KnowledgeBase.isSameWithInitials(a.split(separator: " "), b.split(separator: " ")) == expected)
    }

    @Test("a period's answer is every holder during it, and the most evidenced office comes first")
    func holdersDuringAPeriod() async throws {
        let kb = try KnowledgeBase()
        let president = "Presiden Joko Widodo meresmikan jembatan."
        try await Fixtures.ingest(Fixtures.release("Senin, 12 Agustus 2019", "Kapolri Jenderal Polisi Tito Karnavian meninjau lokasi. " + president), into: kb)
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Kapolri Jenderal Polisi Tito Karnavian hadir. " + president), into: kb)
        try await Fixtures.ingest(Fixtures.release("Sabtu, 26 Oktober 2019", "Plt Kapolri Komjen Pol Ari Dono Sukmanto meninjau jembatan. "
            + "Presiden Meksiko Andres Manuel Lopez Obrador berkunjung. " + president), into: kb)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        func holders(_ query: String) throws -> [String?] { try engine.answer(try engine.understand(query), limit: 10).map(\.person) }
        // The acting chief from October and the chief before him both held the office in 2019.
        #expect(try holders("siapa Kapolri 2019") == ["Ari Dono Sukmanto", "Tito Karnavian"])
        #expect(try holders("siapa Kapolri Agustus 2019") == ["Tito Karnavian"])
        #expect(try holders("siapa Kapolri September 2019") == ["Tito Karnavian"])
        #expect(try holders("siapa Kapolri November 2019") == ["Ari Dono Sukmanto"])
        #expect(try holders("siapa Kapolri sejak September 2019") == ["Ari Dono Sukmanto", "Tito Karnavian"])
        // Named three times, Indonesia's president comes before Mexico's, first named later but once.
        #expect(try holders("siapa Presiden 2019") == ["Joko Widodo", "Andres Manuel Lopez Obrador"])
        #expect(try holders("siapa Presiden") == ["Joko Widodo", "Andres Manuel Lopez Obrador"])
    }

    @Test("a place asked about narrows the offices to those its title or organization names")
    func officialsOfAPlace() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/gubernur-provinsi-lain.txt")])
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        for query in ["siapa Gubernur DKI Jakarta", "siapa Gubernur Jakarta September 2019"] {
            let understood = try engine.understand(query)
            #expect(understood.entities.contains { $0.kind == "place" })
            #expect(try engine.answer(understood, limit: 10).map(\.person) == ["Anies Baswedan"], "\(query)")
        }
        // A place no office names narrows nothing.
        let understood = try engine.understand("siapa Gubernur Jawa Barat Cengkareng")
        #expect(understood.entities.contains { $0.kind == "place" && $0.name == "Cengkareng" })
        #expect(try engine.answer(understood, limit: 10).map(\.person) == ["Ridwan Kamil"])
        // The answer says so; a place an office names needs no note.
        #expect(try engine.respond(understood, limit: 10).notes == [QueryNote(.officeNotNamedWith, ["Cengkareng"])])
        #expect(try engine.respond(try engine.understand("siapa Gubernur DKI Jakarta"), limit: 10).notes.isEmpty)
    }

    @Test("a former holder named later is no holder of the office at that date, and no evidence cited for it")
    func formerHolders() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/gubernur-provinsi-lain.txt")])
        try await Fixtures.ingest("""
            Aher Tak Penuhi Panggilan KPK

            Jumat, 20 September 2019 Reporter: Budi Santoso Editor: Erikyanri Maulana 120

            Mantan Gubernur Jawa Barat, Ahmad Heryawan tidak memenuhi panggilan Komisi Pemberantasan Korupsi, Jumat (20/9).
            """, into: kb)
        let mentions = try kb.read { db in
            try Row.fetchAll(db, sql: "SELECT e.name, m.former FROM officialMention m JOIN entity e ON e.id = m.personId WHERE m.titleKey LIKE '%jawa barat' ORDER BY e.name, m.id")
        }
        #expect(mentions.map { "\($0["name"] as String) \($0["former"] as Bool)" } == ["Ahmad Heryawan true", "Ridwan Kamil false", "Ridwan Kamil false"])
        let terms = try kb.read { db in try String.fetchAll(db, sql: "SELECT personId FROM officeTerm WHERE titleKey LIKE '%jawa barat' ORDER BY 1") }
        #expect(terms == ["person:ridwan-kamil"])
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        for query in ["siapa Gubernur Jawa Barat September 2019", "siapa Gubernur Jawa Barat"] {
            let answers = try engine.answer(try engine.understand(query), limit: 10)
            #expect(answers.map(\.person) == ["Ridwan Kamil"], "\(query)")
            #expect(answers.allSatisfy { !$0.sentence.contains("Mantan") })
        }
        // The exported graph has no edge of a former holder holding the position.
        try await Fixtures.ingest("Bekas Kepala Dinas Sosial DKI Jakarta, Premi Lasari, hadir dalam acara itu.", into: kb)
        #expect(try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM officialMention WHERE former AND orgId = 'org:dinsos-dki'") } == 1)
        #expect(try !kb.snapshot().edges.contains { $0.source == "person:premi-lasari" && $0.label.hasPrefix("holds_position:") })
    }

    @Test("a title's key has each region in its full spelling", arguments: [
        ("Gubernur Jabar", "gubernur jawa barat"), ("Gubernur Jawa Barat", "gubernur jawa barat"),
        ("Duta Besar AS", "duta besar amerika serikat"), ("Duta Besar Amerika Serikat", "duta besar amerika serikat"),
        ("Kepala Dinas Sosial Jatim", "kepala dinas sosial jawa timur"),
    ])
    func fullSpellings(title: String, key: String) {
        #expect(Fixtures.resources.gazetteer.fullSpellings(Gazetteer.normalize(title)) == key)
    }

    @Test("a misprinted name with the same position is linked as a possible variant, not merged")
    func variants() async throws {
        let kb = try await Fixtures.seeded()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/premi-lestari-misprint.txt")])
        let page = try #require(try kb.page(for: "Premi Lasari"))
        #expect(page.variants.count == 1)
        #expect(page.variants.first?.hasPrefix("Premi Lestari") == true)
        #expect(try kb.page(for: "Premi Lestari")?.id == "person:premi-lestari")
    }

    @Test("names' edit distance up to a limit: exact within it, nil beyond it, as the whole table says")
    func boundedEditDistance() {
        func full(_ a: [Character], _ b: [Character]) -> Int {
            var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
            return d[a.count][b.count]
        }
        #expect(KnowledgeBase.editDistance(Array("premi lasari"), Array("premi lestari"), atMost: 2) == 2)
        #expect(KnowledgeBase.editDistance(Array("iqbal"), Array("iqbal"), atMost: 2) == 0)
        #expect(KnowledgeBase.editDistance(Array(""), Array("ab"), atMost: 2) == 2)
        #expect(KnowledgeBase.editDistance(Array("abcdef"), Array("uvwxyz"), atMost: 2) == nil)
        #expect(KnowledgeBase.editDistance(Array("anies"), Array("anies baswedan"), atMost: 2) == nil)
        // Random short words over a small alphabet: many pairs near the limit, some far beyond it. (A seeded
        // generator, so a failure comes back on the next run.)
        struct Seeded: RandomNumberGenerator {
            var state: UInt64 = 7
            mutating func next() -> UInt64 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state ^ (state >> 29)
            }
        }
        var generator = Seeded()
        let alphabet = Array("abcé")
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let distance = full(a, b)
            for limit in 0...3 {
                #expect(KnowledgeBase.editDistance(a, b, atMost: limit) == (distance <= limit ? distance : nil), "\(String(a)) / \(String(b))")
            }
        }
    }

    @Test("an acronym one document defines serves documents ingested later, and queries; one written as ordinary words only its own document")
    func acronymsServeAll() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/acronyms/a-definisi.txt")])
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/acronyms/b-pemakaian.txt")])
        let programs = try kb.entities(kind: "program")
        let prsa = try #require(programs.first { $0.id == "program:prsa" })
        #expect(prsa.name == "Pendamping Rehabilitasi Sosial Anak")
        #expect(prsa.documents == 2)
        // `(Ibu Kota)` is an acronym where it is defined; in the next release `wilayah Ibu Kota` is the capital.
        let ibuKota = try #require(programs.first { $0.id == "program:ibu-kota" })
        #expect(ibuKota.documents == 1)
        let engine = QueryEngine(kb: kb, resources: Fixtures.resources)
        for query in ["berapa PRSA", "berapa prsa"] {
            #expect(try engine.understand(query).entities.map(\.id) == ["program:prsa"], "\(query)")
        }
        // An acronym that is a word of the language in lowercase: the word, unless written in capitals.
        try await Fixtures.ingest("Indra Bambang Utoyo (IBU) membuka bazar di Balai Kota.", into: kb)
        #expect(try engine.understand("bantuan ibu hamil").entities.isEmpty)
        #expect(try engine.understand("kegiatan IBU").entities.map(\.name) == ["Indra Bambang Utoyo"])
        for query in ["pemindahan ibu kota", "pemindahan Ibu Kota"] {
            let understood = try engine.understand(query)
            #expect(understood.entities.isEmpty, "\(query)")
            #expect(understood.text == query, "\(query)")
        }
    }

    @Test("acronyms that travel to other documents have capitals inside a word", arguments: [
        ("PRSA", true), ("Sudin PKP", true), ("MenPAN RB", true), ("BJ Habibie", true),
        ("Ibu Kota", false), ("Hong Kong", false), ("Aa Gym", false), ("Trump", false), ("Bimtek", false),
    ])
    func travellingAcronyms(acronym: String, travels: Bool) {
        #expect(LearnedAcronym.travels(acronym) == travels)
    }

    @Test("entities merge across documents by canonical id, and pages list positions and sources")
    func pages() async throws {
        let kb = try await Fixtures.seeded()
        let karangTaruna = try #require(try kb.entities(kind: "program").first { $0.id == "program:karang-taruna" })
        #expect(karangTaruna.documents == 3)
        let ari = try #require(try kb.page(for: "Ari Sonjaya"))
        #expect(ari.positions.map(\.title) == ["Sekretaris Dinas Sosial"])
        #expect(ari.sources.count == 3)
        let tksk = try #require(try kb.page(for: "TKSK"))
        #expect(tksk.id == "program:tksk")
    }
}
