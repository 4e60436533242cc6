import ArgumentParser
import Foundation
import Testing
@testable import kb
import KnowledgeBase

@Suite("The command line")
struct CommandLineTests {
    @Test("bad arguments are errors that name the argument", arguments: [
        (["timeline", "--from", "2025-13"], "--from '2025-13'"),
        (["timeline"], "give a query or at least one of --program"),
        (["export", "--format", "csv"], "--output DIR"),
        (["query", "kegiatan", "--limit", "0"], "--limit"),
        (["entities", "--type", "orang"], "--type must be"),
        (["extract", "corpus", "--published", "21-01-2025"], "--published '21-01-2025'"),
    ])
    func badArguments(_ arguments: [String], _ message: String) {
        do {
            var command = try KB.parseAsRoot(arguments)
            if let extract = command as? Extract {
                _ = try extract.reading.publishedDate()
                command = extract
            }
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(KB.message(for: error).contains(message), "\(KB.message(for: error))")
        }
    }

    @Test("every subcommand has help and the tool has a version")
    func help() {
        for sub in KB.configuration.subcommands {
            #expect(!sub.helpMessage().isEmpty)
        }
        #expect(!KBVersion.string.isEmpty)
        #expect(KB.configuration.subcommands.count == 12)
    }

    @Test("query results as CSV quote as RFC 4180 says")
    func csvFields() throws {
        let json = #"{"kind": "figure", "value": 1600, "unit": "peserta", "sentence": "Kata \"Premi\", hadir.", "span": [0, 5], "score": 1, "document": {"id": "d", "title": "Judul, \"kutipan\"", "source": "a.txt"}, "alsoReportedBy": [{"id": "e", "source": "b.txt"}, {"id": "f", "source": "c, d.txt"}]}"#
        let result = try JSONDecoder().decode(QueryResult.self, from: Data(json.utf8))
        let text = try ResultFormatter(format: .csv).render(understood: try JSONDecoder().decode(UnderstoodQuery.self, from: Data(#"{"intent": "figures", "entities": [], "text": ""}"#.utf8)), results: [result])
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"Kata \"\"Premi\"\", hadir.\""))
        #expect(lines[1].contains("\"Judul, \"\"kutipan\"\"\""))
        #expect(lines[0].hasSuffix(",also_reported_by"))
        #expect(lines[1].hasSuffix(",\"b.txt; c, d.txt\""))
    }

    @Test("an answer's notes are printed under what was understood, and in JSON with their kind")
    func notes() throws {
        let understood = try JSONDecoder().decode(UnderstoodQuery.self, from: Data(#"{"intent": "officials", "entities": [], "text": ""}"#.utf8))
        let notes = [QueryNote(.officeNotNamedWith, ["Jakarta Utara"])]
        let table = try ResultFormatter(format: .table).render(understood: understood, results: [], notes: notes)
        #expect(table.split(separator: "\n").dropFirst().first == "note: no holder of the office is named with ‘Jakarta Utara’: its holders everywhere are listed")
        let json = try ResultFormatter(format: .json).render(understood: understood, results: [], notes: notes)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let note = try #require((object["notes"] as? [[String: Any]])?.first)
        #expect(note["kind"] as? String == "officeNotNamedWith")
        #expect(note["terms"] as? [String] == ["Jakarta Utara"])
        #expect((note["message"] as? String)?.hasPrefix("no holder") == true)
    }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the knowledge base is --db, else $KB_DB, else kb.sqlite here")
    func databasePath() {
        #expect(DatabaseOptions.path(db: "a.sqlite", environment: ["KB_DB": "b.sqlite"]) == "a.sqlite")
        #expect(DatabaseOptions.path(db: nil, environment: ["KB_DB": "b.sqlite"]) == "b.sqlite")
        #expect(DatabaseOptions.path(db: nil, environment: [:]) == "kb.sqlite")
    }

    @Test("kb ingest stores what it can read and exits non-zero when a document failed")
    func ingestFailureExitStatus() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        let seed = Self.repoRoot.appendingPathComponent("corpus/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt").path
        let missing = dir.appendingPathComponent("tidak-ada.txt").path
        let ingest = try Ingest.parse([seed, missing, "--db", db, "--gazetteer", Self.repoRoot.appendingPathComponent("gazetteer").path])
        do {
            try await ingest.run()
            Issue.record("a failed document did not make the run fail")
        } catch let exit as ExitCode {
            #expect(exit == ExitCode(1))
        }
        // A first ingest is built beside the path and moved there, also when a document failed.
        #expect(try KnowledgeBase(path: db).stats().documents == 1)
        #expect(!FileManager.default.fileExists(atPath: db + ".building"))
    }

    @Test("kb ingest with a bad gazetteer line names the file and line and leaves no knowledge base behind")
    func ingestBadGazetteer() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let gazetteer = dir.appendingPathComponent("gazetteer")
        try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent("gazetteer"), to: gazetteer)
        let programs = gazetteer.appendingPathComponent("programs.tsv")
        let lines = try String(contentsOf: programs, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
        let handle = try FileHandle(forWritingTo: programs)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("program:pilar-sosial\tprogram\tpilar sosial lagi\t\t\t\t\t\n".utf8))
        try handle.close()
        let db = dir.appendingPathComponent("kb.sqlite").path
        let ingest = try Ingest.parse([Self.repoRoot.appendingPathComponent("corpus").path, "--db", db, "--gazetteer", gazetteer.path])
        do {
            try await ingest.run()
            Issue.record("a bad gazetteer line did not stop the ingest")
        } catch {
            #expect("\(error)".contains("programs.tsv:\(lines)"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: db + ".building"))
    }

    @Test("query results as JSON: understood, then results with date, document, sentence and span")
    func queryJSON() throws {
        let json = #"{"kind": "figure", "date": "2024", "value": 1600, "unit": "peserta", "sentence": "1.600 peserta hadir.", "span": [0, 13], "score": 1, "document": {"id": "d", "title": "Judul", "source": "a.txt", "outlet": "beritajakarta.id", "published": "2025-01-21"}, "alsoReportedBy": []}"#
        let result = try JSONDecoder().decode(QueryResult.self, from: Data(json.utf8))
        let understood = try JSONDecoder().decode(UnderstoodQuery.self, from: Data(#"{"intent": "figures", "entities": [], "text": "peserta"}"#.utf8))
        let text = try ResultFormatter(format: .json).render(understood: understood, results: [result])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["understood"] as? [String: Any])?["intent"] as? String == "figures")
        let first = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(first["date"] as? String == "2024")
        #expect(first["sentence"] as? String == "1.600 peserta hadir.")
        #expect(first["span"] as? [Int] == [0, 13])
        let document = try #require(first["document"] as? [String: Any])
        #expect(Set(document.keys).isSuperset(of: ["id", "title", "source", "published"]))
    }

    @Test("kb stats --format json names documents, entities, events and figures")
    func statsJSON() throws {
        let stats = try KnowledgeBase().stats()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try JSONOutput.string(stats).utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["documents", "entities", "events", "figures", "deferred_indexes"]))
        #expect(object["other_rules"] == nil)
        #expect(object["documents"] as? Int == 0)
        let asked = try #require(try JSONSerialization.jsonObject(with: Data(try JSONOutput.string(try KnowledgeBase().stats(rulesVersion: "r1")).utf8)) as? [String: Any])
        #expect(asked["other_rules"] as? Int == 0)
    }
}
