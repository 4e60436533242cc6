import Corpus
import Foundation
import Testing
@testable import Extractor

/// Foundation's encoder with the options the extraction's JSON line reproduces.
private func foundationJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

@Suite("The extraction as one line of JSON")
struct ExtractionJSONTests {
    @Test("every seed's and test document's extraction is written byte for byte as Foundation writes it")
    func documents() throws {
        let reader = try Extraction4.reader()
        let documents = reader.read(path: TestPaths.repoRoot.appendingPathComponent("corpus").path).documents
            + reader.read(path: TestPaths.fixture("documents").path).documents
        #expect(documents.count >= 10)
        var events = 0
        for document in documents {
            let extraction = Extraction4.extractor.extract(document).extraction
            #expect(extraction.jsonLine == (try foundationJSON(extraction)), "\(document.source)")
            for event in extraction.events {
                #expect(Participants.jsonLine(event.participants) == (try foundationJSON(event.participants)))
                events += 1
            }
        }
        #expect(events > 20)
    }

    @Test("every key present and absent, strings needing escapes, numbers of every size")
    func everyField() throws {
        var text = "a\"b\\c/d é 😀 \u{2028} \u{7F}"
        for c in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        var info = Extraction.DocumentInfo(Document(id: "d1", source: "x/\(text).txt", format: .text, text: text, paragraphs: []))
        var extraction = Extraction(document: info)
        #expect(extraction.jsonLine == (try foundationJSON(extraction)))

        info.title = text; info.published = "2025-01-21"; info.reporter = "R"; info.editor = "E"; info.outlet = "O"
        info.url = "https://www.beritajakarta.id/berita/1?a=1&b=%20"; info.photoCredits = ["P", text]
        info.nearDuplicates = ["d2", "d3"]; info.warnings = []
        extraction = Extraction(document: info)
        var values: [Double] = [0, -0.0, 1, 1600, 126.65, 1.6e12, 0.1, 1e-7, 2.5e15, 1e16, 1e21, -3.5, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        var generator = SystemRandomNumberGenerator()
        while values.count < 400 {
            let d = Double(bitPattern: generator.next())
            if d.isFinite { values.append(d) }
            values.append(Double(Int.random(in: -10_000_000...10_000_000, using: &generator)) / 100)
        }
        for (k, value) in values.enumerated() {
            let some = k % 2 == 0 ? text : nil
            extraction.figures.append(FigureFact(value: value, max: k % 3 == 0 ? nil : value / 2, unit: some, qualifier: some, about: some,
                                                 surface: text, span: [k, Int.max]))
            extraction.money.append(MoneyFact(value: k % 5 == 0 ? nil : value, max: nil, currency: "IDR", qualifier: some, per: some, about: some,
                                              surface: text, span: [-k, 0]))
        }
        extraction.officials = [OfficialFact(name: text, title: nil, org: "Dinas Sosial", entity: nil, surface: text, span: [],
                                             positionID: "kepala-dinas", orgID: nil),
                                OfficialFact(name: "N", title: "T", org: nil, entity: "e", surface: "s", span: [1, 2], positionID: nil, orgID: "o", former: true)]
        extraction.programs = [ProgramFact(name: text, acronym: "KT", entity: nil, surface: "s", span: [3, 4]),
                               ProgramFact(name: "P", acronym: nil, entity: "p", surface: text, span: [5, 6])]
        extraction.dates = [DateFact(surface: text, normalized: "2025-01-21", granularity: "day", warning: nil, span: [7, 8]),
                            DateFact(surface: "s", normalized: nil, granularity: "unknown", warning: text, span: [9, 10])]
        extraction.locations = [LocationFact(name: text, type: "kelurahan", code: "31.71", parent: nil, surface: "s", span: [0, 1]),
                                LocationFact(name: "L", type: nil, code: nil, parent: "Jakarta", surface: text, span: [0, 1])]
        var event = EventFact(actor: nil, action: text, program: "Karang Taruna", date: nil, location: text,
                              participants: [Participants(value: 1600, unit: "orang"), Participants(value: nil, unit: nil)],
                              sentence: text, span: [0, 9])
        extraction.events = [event]
        event.programs = ["Karang Taruna", text]; event.programIDs = ["karang-taruna"]; event.datePrecision = "day"
        event.participants = []
        extraction.events.append(event)
        #expect(extraction.jsonLine == (try foundationJSON(extraction)))
        #expect(Participants.jsonLine([]) == "[]")
    }

    @Test("a value that is not finite is written as null, where Foundation refuses the whole document")
    func nonFinite() throws {
        var extraction = Extraction4.extract("Sebanyak 1.600 peserta hadir.")
        #expect(!extraction.figures.isEmpty)
        extraction.figures[0].value = .infinity
        extraction.figures[0].max = .nan
        let object = try #require(try JSONSerialization.jsonObject(with: Data(extraction.jsonLine.utf8)) as? [String: Any])
        let figure = try #require((object["figures"] as? [[String: Any]])?.first)
        #expect(figure["value"] is NSNull)
        #expect(figure["max"] is NSNull)
    }
}
