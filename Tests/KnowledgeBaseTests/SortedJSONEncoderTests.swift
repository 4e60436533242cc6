import Corpus
import Extractor
import Foundation
import Testing
@testable import KnowledgeBase

/// Foundation's encoder with the options `SortedJSONEncoder` reproduces.
private func foundationJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// A value using every kind of container: nested keyed and unkeyed, super encoders, single values, nil.
private struct Everything: Encodable {
    var text: String
    var number: Double
    var optional: Double?
    var flag: Bool
    var integers: [Int64]
    var table: [String: [String?]]

    enum Keys: String, CodingKey { case text, number, optional, flag, integers, table, nested, list, Zed = "Zed", under = "a_b", digit = "a1" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(text, forKey: .text)
        try c.encode(number, forKey: .number)
        try c.encode(optional, forKey: .optional)
        try c.encodeIfPresent(optional, forKey: .digit)
        try c.encode(flag, forKey: .flag)
        try c.encode(integers, forKey: .integers)
        try c.encode(table, forKey: .table)
        var nested = c.nestedContainer(keyedBy: Keys.self, forKey: .nested)
        try nested.encode(UInt8(7), forKey: .Zed)
        try nested.encodeNil(forKey: .under)
        var list = c.nestedUnkeyedContainer(forKey: .list)
        try list.encode(Float(0.1))
        try list.encode(-0.0)
        var inner = list.nestedContainer(keyedBy: Keys.self)
        try inner.encode("x", forKey: .text)
        var deeper = list.nestedUnkeyedContainer()
        try deeper.encodeNil()
        try deeper.encode(true)
        try text.encode(to: c.superEncoder(forKey: .Zed))
        _ = list.superEncoder()
        try c.encode("last wins", forKey: .text)
    }
}

/// A value that writes nothing.
private struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// The same nested containers asked for twice under one key.
private struct Twice: Encodable {
    enum Keys: String, CodingKey { case a, b }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        var first = c.nestedContainer(keyedBy: Keys.self, forKey: .a)
        try first.encode(1, forKey: .a)
        var second = c.nestedContainer(keyedBy: Keys.self, forKey: .a)
        try second.encode(2, forKey: .b)
        var list = c.nestedUnkeyedContainer(forKey: .b)
        try list.encode(Int8(-1))
        var more = c.nestedUnkeyedContainer(forKey: .b)
        try more.encode(UInt32.max)
    }
}

/// Integers of every width, straight into an unkeyed container.
private struct Widths: Encodable {
    func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        try list.encode(Int8.min)
        try list.encode(Int16.max)
        try list.encode(Int32.min)
        try list.encode(Int64.min)
        try list.encode(UInt.max)
        try list.encode(UInt8.max)
        try list.encode(UInt16.max)
        try list.encode(UInt32.max)
        try list.encode(UInt64.max)
    }
}

/// Foundation's types with encoding strategies of their own, at their defaults.
private struct Special: Encodable {
    var data = Data([0, 1, 2, 250, 255])
    var url = URL(string: "https://www.beritajakarta.id/berita/123?a=1&b=%20")!
    var decimal = Decimal(string: "1600.25")!
    var date = Date(timeIntervalSinceReferenceDate: 758_000_000.5)
}

@Suite("Writing JSON as the extraction format stores it")
struct SortedJSONEncoderTests {
    @Test("every seed's and test document's extraction is written byte for byte as Foundation writes it")
    func extractions() throws {
        let reader = try Fixtures.reader()
        let extractor = DocumentExtractor(resources: Fixtures.resources, today: CalendarDate(year: 2026, month: 11, day: 22)!)
        let documents = reader.read(path: Fixtures.corpus).documents + reader.read(path: Fixtures.fixture("documents")).documents
        #expect(documents.count >= 10)
        for document in documents {
            let extraction = extractor.extract(document).extraction
            #expect(try SortedJSONEncoder().encode(extraction) == foundationJSON(extraction), "\(document.source)")
        }
    }

    @Test("strings: quotes, backslashes, every control character, slashes, non-ASCII")
    func strings() throws {
        var text = "a\"b\\c/d é 😀 \u{2028} \u{7F}"
        for c in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        #expect(try SortedJSONEncoder().encode([text]) == foundationJSON([text]))
        #expect(try SortedJSONEncoder().encode(text) == foundationJSON(text))
    }

    @Test("numbers: integers, decimals, tiny and huge values, negative zero, random bit patterns")
    func numbers() throws {
        var values: [Double] = [0, -0.0, 1, 1600, 126.65, 1.6e12, 0.1, 1e-7, 2.5e15, 1e16, 1e21, -3.5, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        var generator = SystemRandomNumberGenerator()
        while values.count < 2000 {
            let d = Double(bitPattern: generator.next())
            if d.isFinite { values.append(d) }
            values.append(Double(Int.random(in: -10_000_000...10_000_000, using: &generator)) / 100)
        }
        #expect(try SortedJSONEncoder().encode(values) == foundationJSON(values))
        let integers: [Int64] = [.min, -1, 0, .max]
        #expect(try SortedJSONEncoder().encode(integers) == foundationJSON(integers))
    }

    @Test("keys sorted by bytes at every depth, nil written as null, a key written twice keeps its last value")
    func containers() throws {
        let value = Everything(text: "t", number: 2, optional: nil, flag: false, integers: [1, -2],
                               table: ["b": ["x", nil], "B": [], "a_": [nil], "a1": ["y"]])
        let ours = try SortedJSONEncoder().encode(value), theirs = try foundationJSON(value)
        #expect(ours == theirs)
        let empty: [String: Int] = [:]
        #expect(try SortedJSONEncoder().encode(empty) == foundationJSON(empty))
        #expect(try SortedJSONEncoder().encode([[Int]]()) == foundationJSON([[Int]]()))
    }

    @Test("a nested value writing nothing, containers asked for twice, integers of every width, a large object")
    func edges() throws {
        #expect(try SortedJSONEncoder().encode(["a": Nothing()]) == foundationJSON(["a": Nothing()]))
        #expect(try SortedJSONEncoder().encode([Nothing()]) == foundationJSON([Nothing()]))
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(Nothing()) }
        #expect(try SortedJSONEncoder().encode(Twice()) == foundationJSON(Twice()))
        #expect(try SortedJSONEncoder().encode(Widths()) == foundationJSON(Widths()))
        let shorts: [Int16] = [.min, 0, .max]
        #expect(try SortedJSONEncoder().encode(shorts) == foundationJSON(shorts))
        // The smallest subnormal and 2^24 + 1 (which rounds to 2^24), written so the compiler has nothing to warn about.
        let floats: [Float] = [0, -0.0, 1.5, 3.4e38, Float(bitPattern: 1), 0.1, Float(16_777_217 as Int)]
        #expect(try SortedJSONEncoder().encode(floats) == foundationJSON(floats))
        // More keys than the small-object sort handles, with equal prefixes and cases.
        var large: [String: Int] = [:]
        for k in 0..<200 { large["k\(k % 37)_\(k)\(k % 2 == 0 ? "A" : "a")"] = k }
        #expect(try SortedJSONEncoder().encode(large) == foundationJSON(large))
        #expect(try SortedJSONEncoder().encode(Optional<String>.none) == foundationJSON(Optional<String>.none))
    }

    @Test("data in base 64, URLs as strings, decimals as numbers, dates as numbers: Foundation's defaults")
    func special() throws {
        #expect(try SortedJSONEncoder().encode(Special()) == foundationJSON(Special()))
    }

    @Test("an infinite or NaN number is an error that names where it was")
    func nonFinite() throws {
        struct Figure: Encodable { var value: Double?; var unit: String }
        let figure = Figure(value: .infinity, unit: "orang")
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(figure) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([Double.nan]) }
        do {
            _ = try SortedJSONEncoder().encode([figure])
            Issue.record("an infinite value was written")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["Index 0", "value"])
        }
    }
}
