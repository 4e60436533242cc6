/// The extraction as one line of JSON: what `kb extract` prints and the knowledge base's `extraction` column stores.
///
/// Written directly, without an `Encoder`: the ingest writes every document's extraction, and going through
/// `Encodable` (boxed containers, a tree of values, keys sorted per object) cost about 7% of a first ingest's CPU.
/// The bytes are those Foundation's `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes for the
/// types' `Encodable` form (a test compares the two on every seed and test document): keys in byte order, the
/// contract's keys always present (null when unknown), the optional ones (`url`, `warnings`, `programs` …) only when
/// present; strings with `"`, `\` and control characters escaped; numbers as Swift prints them, without a trailing
/// `.0`. A value that is not finite, which Foundation refuses, is written as null.
extension Extraction {
    public var jsonLine: String {
        var w = JSONLineWriter()
        w.object { w in
            w.field("dates", dates)
            w.field("document", document)
            w.field("events", events)
            w.field("figures", figures)
            w.field("locations", locations)
            w.field("money", money)
            w.field("officials", officials)
            w.field("programs", programs)
        }
        return w.string
    }
}

extension Participants: JSONLineWritable {
    /// An event's participant figures as the `event.participants` column stores them.
    public static func jsonLine(_ participants: [Participants]) -> String {
        var w = JSONLineWriter()
        w.list(participants)
        return w.string
    }

    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("unit", unit)
            w.field("value", value)
        }
    }
}

extension Extraction.DocumentInfo: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("editor", editor)
            w.field("id", id)
            if let nearDuplicates { w.field("near_duplicates", nearDuplicates) }
            w.field("outlet", outlet)
            if let photoCredits { w.field("photo_credits", photoCredits) }
            w.field("published", published)
            w.field("reporter", reporter)
            w.field("source", source)
            w.field("title", title)
            if let url { w.field("url", url) }
            if let warnings { w.field("warnings", warnings) }
        }
    }
}

extension OfficialFact: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            if let date { w.field("date", date) }
            w.field("entity", entity)
            if let former { w.field("former", former) }
            w.field("name", name)
            w.field("org", org)
            w.field("org_id", orgID)
            w.field("position_id", positionID)
            w.field("span", span)
            w.field("surface", surface)
            w.field("title", title)
        }
    }
}

extension ProgramFact: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("acronym", acronym)
            w.field("entity", entity)
            w.field("name", name)
            w.field("span", span)
            w.field("surface", surface)
        }
    }
}

extension FigureFact: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("about", about)
            w.field("max", max)
            w.field("qualifier", qualifier)
            w.field("span", span)
            w.field("surface", surface)
            w.field("unit", unit)
            w.field("value", value)
        }
    }
}

extension MoneyFact: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("about", about)
            w.field("currency", currency)
            w.field("max", max)
            w.field("per", per)
            w.field("qualifier", qualifier)
            w.field("span", span)
            w.field("surface", surface)
            w.field("value", value)
        }
    }
}

extension DateFact: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("granularity", granularity)
            w.field("normalized", normalized)
            w.field("span", span)
            w.field("surface", surface)
            w.field("warning", warning)
        }
    }
}

extension LocationFact: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("code", code)
            w.field("name", name)
            w.field("parent", parent)
            w.field("span", span)
            w.field("surface", surface)
            w.field("type", type)
        }
    }
}

extension EventFact: JSONLineWritable {
    func write(to w: inout JSONLineWriter) {
        w.object { w in
            w.field("action", action)
            w.field("actor", actor)
            w.field("date", date)
            if let datePrecision { w.field("date_precision", datePrecision) }
            w.field("location", location)
            w.field("participants", participants)
            w.field("program", program)
            if let programIDs { w.field("program_ids", programIDs) }
            if let programs { w.field("programs", programs) }
            w.field("sentence", sentence)
            w.field("span", span)
        }
    }
}

/// A value written as one JSON object.
protocol JSONLineWritable {
    func write(to w: inout JSONLineWriter)
}

/// Compact JSON into a byte buffer. Objects' keys are written in the order given, which must be byte order (checked
/// in debug builds), so that the output is what a sorting encoder writes.
struct JSONLineWriter {
    private var out: [UInt8] = []
    /// Whether the value or key being written is the first of its container (no comma before it).
    private var first = true
    #if DEBUG
    /// The last key of each open object, to check the order.
    private var keys: [String] = []
    #endif

    init() { out.reserveCapacity(8_192) }

    var string: String { String(decoding: out, as: UTF8.self) }

    mutating func object(_ body: (inout JSONLineWriter) -> Void) {
        separate()
        out.append(UInt8(ascii: "{"))
        first = true
        #if DEBUG
        keys.append("")
        #endif
        body(&self)
        #if DEBUG
        keys.removeLast()
        #endif
        out.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func list<T>(_ items: [T], _ each: (inout JSONLineWriter, T) -> Void) {
        separate()
        out.append(UInt8(ascii: "["))
        first = true
        for item in items { each(&self, item) }
        out.append(UInt8(ascii: "]"))
        first = false
    }

    mutating func key(_ key: StaticString) {
        #if DEBUG
        let text = key.description
        assert(keys.last.map { $0.utf8.lexicographicallyPrecedes(text.utf8) } ?? true, "JSON key \(text) out of byte order")
        keys[keys.count - 1] = text
        #endif
        separate()
        out.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\":".utf8)
        // The value follows the colon, without a comma.
        first = true
    }

    mutating func list(_ items: [some JSONLineWritable]) {
        list(items) { w, item in item.write(to: &w) }
    }

    mutating func field(_ key: StaticString, _ value: some JSONLineWritable) {
        self.key(key)
        value.write(to: &self)
    }

    mutating func field(_ key: StaticString, _ items: [some JSONLineWritable]) {
        self.key(key)
        list(items)
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        separate()
        if let value { write(string: value) } else { out.append(contentsOf: "null".utf8) }
    }

    mutating func field(_ key: StaticString, _ value: Double?) {
        self.key(key)
        separate()
        guard let value, value.isFinite else { return out.append(contentsOf: "null".utf8) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        separate()
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func field(_ key: StaticString, _ values: [Int]) {
        self.key(key)
        list(values) { w, value in
            w.separate()
            w.out.append(contentsOf: String(value).utf8)
        }
    }

    mutating func field(_ key: StaticString, _ values: [String]) {
        self.key(key)
        list(values) { w, value in
            w.separate()
            w.write(string: value)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// The comma before a value or key that is not the first of its container.
    private mutating func separate() {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
    }

    private mutating func write(string: String) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: their bytes go in at once.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: string.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
