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
            if var extract = command as? Extract {
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
}
