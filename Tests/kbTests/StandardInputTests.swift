import Foundation
import Testing

@Suite("Standard input")
struct StandardInputTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let twoRecords = repoRoot.appendingPathComponent("Tests/Fixtures/documents/two-records.jsonl")

    /// Runs `executable` with `input` on its standard input; its standard output and exit status.
    static func run(_ executable: URL, _ arguments: [String], input: Data) throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Written from another thread: the output pipe must be drained while the input is written.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (output, process.terminationStatus)
    }

    /// Runs `kb extract -` on `input` and returns the sources and titles of the documents it printed, and its exit status.
    static func extract(_ input: Data) throws -> (documents: [String], status: Int32) {
        let gazetteer = repoRoot.appendingPathComponent("gazetteer").path
        let (output, status) = try run(AllocatorTests.kbBinary, ["extract", "-", "--format", "json", "--gazetteer", gazetteer], input: input)
        let documents = try output.split(separator: UInt8(ascii: "\n")).map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let document = try #require(object["document"] as? [String: Any])
            return "\(document["source"] ?? "") \(document["title"] ?? "")"
        }
        return (documents, status)
    }

    static func gzip(_ data: Data) throws -> Data {
        try run(URL(fileURLWithPath: "/bin/gzip"), ["-c"], input: data).output
    }

    static let expected = ["-#1 Dinsos DKI Bina 1.452 UMKM melalui Program Jakpreneur", "-#2 Sudinsos Jaktim jangkau 30 PPKS"]

    @Test("kb extract completes a weekday's date in a document without a date within the others' years too, as kb ingest does")
    func batchYears() throws {
        let file = Self.repoRoot.appendingPathComponent("Tests/Fixtures/documents/batch-years.jsonl")
        let gazetteer = Self.repoRoot.appendingPathComponent("gazetteer").path
        let (output, status) = try Self.run(AllocatorTests.kbBinary, ["extract", "-", "--format", "json", "--gazetteer", gazetteer],
                                            input: try Data(contentsOf: file))
        #expect(status == 0)
        let days = try output.split(separator: UInt8(ascii: "\n")).map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let dates = try #require(object["dates"] as? [[String: Any]])
            return dates.filter { $0["granularity"] as? String == "day" }.compactMap { $0["normalized"] as? String }
        }
        // In input order. #2 names no year: 2019-09-19 beside #1, not 2024-09-19 (the six years up to today). #3 names
        // 1998, whose Sunday 22/9 is none of 1997–1999's: it is 2019's.
        #expect(days == [["2019-09-10"], ["2019-09-19"], ["2019-09-22"]])
    }

    @Test("JSON lines on standard input are one document a line, as in a .jsonl file")
    func jsonLines() throws {
        let result = try Self.extract(try Data(contentsOf: Self.twoRecords))
        #expect(result.status == 0)
        #expect(result.documents == Self.expected)
    }

    @Test("gzip-compressed JSON lines on standard input are read through zlib")
    func gzipJSONLines() throws {
        let compressed = try Self.gzip(try Data(contentsOf: Self.twoRecords))
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        let result = try Self.extract(compressed)
        #expect(result.status == 0)
        #expect(result.documents == Self.expected)
    }

    @Test("a press release on standard input is one document")
    func oneDocument() throws {
        let seed = Self.repoRoot.appendingPathComponent("corpus/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt")
        let result = try Self.extract(try Data(contentsOf: seed))
        #expect(result.status == 0)
        #expect(result.documents == ["- Dinsos DKI Perkuat Pilar Sosial dengan Beragam Pelatihan"])
    }
}
