/// Turns file bytes into text: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 with a warning.
public enum TextDecoding {
    public struct Decoded: Sendable {
        public var text: String
        public var warning: String?
    }

    /// Decodes `bytes` read from `path`; throws for empty or binary content.
    public static func decode(_ bytes: [UInt8], path: String) throws(CorpusError) -> Decoded {
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(path: path)
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return Decoded(text: decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE), warning: nil)
        }
        if looksBinary(bytes) { throw .binary(path: path) }
        var body = bytes[...]
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = bytes[3...] }
        if let text = String(validating: body, as: UTF8.self) {
            return Decoded(text: text, warning: nil)
        }
        return Decoded(text: decodeWindows1252(body),
                       warning: "\(path): not valid UTF-8; read as Windows-1252")
    }

    /// NUL bytes or many control characters in the first 8 KiB mean the file is not text.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(8192)
        var control = 0
        for b in head {
            if b == 0 { return true }
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { control += 1 }
        }
        return control * 20 > head.count
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, which hold typographic marks (curly quotes, dashes, €).
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var view = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            view.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(view)
    }
}

/// FNV-1a 64-bit: a stable, dependency-free content hash for document ids.
public enum ContentHash {
    /// 64-bit FNV-1a of `bytes`: a document's id (as `hex`), and the hash of kb's word tables.
    @inlinable
    public static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let s = String(fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The id of a text: line endings normalized so a CRLF copy of a file keeps its id.
    public static func documentID(_ text: String) -> String {
        var normalized = text.replacingCRLF()
        if normalized.hasSuffix("\n") { normalized.removeLast() }
        return normalized.withUTF8(hex)  // the contiguous bytes: iterating the string's UTF-8 view is slower
    }
}

extension String {
    func replacingCRLF() -> String {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: "\r")) else { return self }
            // Byte by byte: CR and LF never occur inside a longer UTF-8 sequence.
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var previousCR = false
            for b in bytes {
                if b == UInt8(ascii: "\n"), previousCR {
                    previousCR = false
                    continue
                }
                previousCR = b == UInt8(ascii: "\r")
                out.append(previousCR ? UInt8(ascii: "\n") : b)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
