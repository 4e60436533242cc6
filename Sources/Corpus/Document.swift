/// One paragraph of a document's body: its cleaned text and where each of its characters sits in the source.
///
/// Offsets are Unicode scalar offsets into `Document.text` (the file's text as decoded, before any cleaning).
public struct Paragraph: Sendable, Hashable {
    /// The paragraph as a reader sees it (for HTML: tags removed, entities decoded).
    public let text: String
    /// The range of the source text this paragraph was read from.
    public let sourceRange: Range<Int>
    /// Source offset of each scalar of `text`; nil when `text` is exactly the source slice.
    public let offsets: [Int]?

    public init(text: String, sourceRange: Range<Int>, offsets: [Int]? = nil) {
        self.text = text
        self.sourceRange = sourceRange
        self.offsets = offsets
    }

    /// Maps a range of scalar offsets within `text` to the source range it came from.
    public func sourceRange(of local: Range<Int>) -> Range<Int> {
        guard let offsets, !offsets.isEmpty else {
            return (sourceRange.lowerBound + local.lowerBound)..<(sourceRange.lowerBound + local.upperBound)
        }
        let lo = offsets[min(max(local.lowerBound, 0), offsets.count - 1)]
        let lastIndex = min(max(local.upperBound - 1, 0), offsets.count - 1)
        let hi = local.isEmpty ? lo : offsets[lastIndex] + 1
        return lo..<max(lo, hi)
    }
}

/// Where a document came from and what kind of page it was.
public enum DocumentFormat: String, Sendable, Codable {
    case text, html, jsonLines = "jsonl"
}

/// A press release read from a file: its source text, metadata and the body paragraphs.
public struct Document: Sendable {
    /// Stable id from the content (hex of a 64-bit hash of the decoded text).
    public var id: String
    /// Path or URL it was read from (`path#line` for a JSON lines record).
    public var source: String
    public var url: String?
    public var format: DocumentFormat
    /// The decoded text as read; every span points into it.
    public var text: String
    public var title: String?
    public var titleSpan: Range<Int>?
    public var published: CalendarDate?
    /// Where the publication date was read from (`header`, `byline`, `meta`, `dateline`, `--published`…).
    public var publishedSource: String?
    public var reporter: String?
    public var editor: String?
    public var outlet: String?
    /// The place of a dateline such as `Jakarta (ANTARA) -`.
    public var datelinePlace: String?
    /// Photo credits (`Foto: Ainaya Amartasya`): credits, not people in the news.
    public var photoCredits: [String]
    public var paragraphs: [Paragraph]
    /// Things worth telling the user that did not stop reading (a guessed encoding…).
    public var warnings: [String]

    public init(id: String, source: String, url: String? = nil, format: DocumentFormat, text: String,
                title: String? = nil, titleSpan: Range<Int>? = nil, published: CalendarDate? = nil,
                publishedSource: String? = nil, reporter: String? = nil, editor: String? = nil,
                outlet: String? = nil, datelinePlace: String? = nil, photoCredits: [String] = [],
                paragraphs: [Paragraph] = [], warnings: [String] = []) {
        self.id = id
        self.source = source
        self.url = url
        self.format = format
        self.text = text
        self.title = title
        self.titleSpan = titleSpan
        self.published = published
        self.publishedSource = publishedSource
        self.reporter = reporter
        self.editor = editor
        self.outlet = outlet
        self.datelinePlace = datelinePlace
        self.photoCredits = photoCredits
        self.paragraphs = paragraphs
        self.warnings = warnings
    }

    /// The body as one string, paragraphs separated by a blank line.
    public var bodyText: String {
        paragraphs.map(\.text).joined(separator: "\n\n")
    }

    /// The source text between two scalar offsets.
    public func slice(_ range: Range<Int>) -> String {
        ScalarText(text).slice(range)
    }
}

/// A string viewed as an array of Unicode scalars, the unit of every offset in kb.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = Self.scalars(text)
    }

    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 in one pass (the view's iterator is far slower).
    public static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                var i = 0
                var n = 0
                while i < utf8.count {
                    let (scalar, length) = decode(utf8, at: i)
                    out[n] = scalar
                    n += 1
                    i += length
                }
                count = n
            }
        }
    }

    /// The scalar whose UTF-8 starts at `i`, and its length in bytes. A Swift string holds valid UTF-8: the lead byte
    /// gives the length.
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, length: Int) {
        let b = UInt32(utf8[i])
        let v: UInt32
        let length: Int
        if b < 0x80 {
            v = b
            length = 1
        } else if b < 0xE0 {
            v = (b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            length = 2
        } else if b < 0xF0 {
            v = (b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            length = 3
        } else {
            v = (b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    public func slice(_ range: Range<Int>) -> String {
        let lo = min(max(range.lowerBound, 0), scalars.count)
        let hi = min(max(range.upperBound, lo), scalars.count)
        return Self.string(scalars[lo..<hi])
    }

    /// The string of these scalars, encoded to UTF-8 in one pass (appending to a `UnicodeScalarView` is far slower).
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard !scalars.isEmpty else { return "" }
        // The exact UTF-8 length first: a String keeps the capacity it was made with.
        var length = 0
        for scalar in scalars {
            let v = scalar.value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[i] = UInt8(v)
                    i += 1
                } else if v < 0x800 {
                    buffer[i] = UInt8(0xC0 | (v >> 6))
                    buffer[i + 1] = UInt8(0x80 | (v & 0x3F))
                    i += 2
                } else if v < 0x10000 {
                    buffer[i] = UInt8(0xE0 | (v >> 12))
                    buffer[i + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | (v & 0x3F))
                    i += 3
                } else {
                    buffer[i] = UInt8(0xF0 | (v >> 18))
                    buffer[i + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 3] = UInt8(0x80 | (v & 0x3F))
                    i += 4
                }
            }
            return i
        }
    }

    /// Line ranges without their terminators (LF, CRLF or CR).
    public func lines(in range: Range<Int>? = nil) -> [Range<Int>] {
        let bounds = range ?? 0..<scalars.count
        var result: [Range<Int>] = []
        var start = bounds.lowerBound
        var i = bounds.lowerBound
        while i < bounds.upperBound {
            let c = scalars[i]
            if c == "\n" || c == "\r" {
                result.append(start..<i)
                if c == "\r", i + 1 < bounds.upperBound, scalars[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bounds.upperBound { result.append(start..<bounds.upperBound) }
        return result
    }

    /// The range without leading and trailing white space (including no-break spaces).
    public func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, Self.isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, Self.isSpace(scalars[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `text.lowercased()`, with Unicode's tables only for the scalars outside ASCII (the standard library, once a
    /// text holds one such scalar, maps every scalar through them; a line with one curly quote is most of the text).
    /// The same result: `lowercased()` is the concatenation of each scalar's `lowercaseMapping`.
    public static func lowercased(_ text: String) -> String {
        var text = text
        let unchanged = text.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) } }
        guard !unchanged else { return text }
        // Built as bytes: appending scalar by scalar to a string was most of the cost of reading a news text.
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    i += 1
                } else {
                    let (scalar, length) = decode(bytes, at: i)
                    out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                    i += length
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the UTF-8 of `text` holds the ASCII `needle` (a plain byte search: the
    /// standard library's `contains` builds a search table on every call).
    public static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= n.count, let first = n.first else { return false }
            var i = 0
            while i <= bytes.count - n.count {
                if bytes[i] == first {
                    var j = 1
                    while j < n.count, bytes[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The ASCII lowercase of `scalars`, or nil when one of them is not ASCII: no Unicode tables, and no buffer but
    /// the string's own (the lexers make one for nearly every word).
    public static func asciiLowercase(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        for scalar in scalars where !scalar.isASCII { return nil }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var k = 0
            for scalar in scalars {
                let v = UInt8(truncatingIfNeeded: scalar.value)
                buffer[k] = v >= 0x41 && v <= 0x5A ? v | 0x20 : v
                k += 1
            }
            return k
        }
    }

    /// White space, including the no-break and zero-width spaces web text puts between words (or between `Rp` and
    /// its amount); the one test every reader, tokenizer and lexer uses, inlinable so their loops need no call.
    @inlinable public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        // ASCII's White_Space characters are TAB…CR and SPACE; only other scalars need Unicode's tables.
        if s.isASCII { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
        return s.properties.isWhitespace || s == "\u{FEFF}" || s == "\u{200B}"
    }

    /// First offset at or after `from` where `needle` occurs, or nil.
    public func find(_ needle: [Unicode.Scalar], from: Int, to end: Int? = nil, caseInsensitive: Bool = false) -> Int? {
        let limit = (end ?? scalars.count) - needle.count
        guard !needle.isEmpty, from <= limit else { return nil }
        var i = max(from, 0)
        while i <= limit {
            var j = 0
            while j < needle.count, Self.equal(scalars[i + j], needle[j], caseInsensitive) { j += 1 }
            if j == needle.count { return i }
            i += 1
        }
        return nil
    }

    static func equal(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ caseInsensitive: Bool) -> Bool {
        if a == b { return true }
        guard caseInsensitive, a.isASCII, b.isASCII else { return false }
        return a.value | 0x20 == b.value | 0x20 && a.properties.isAlphabetic
    }
}
