import CICUShim

/// Word and sentence boundaries from ICU, converted from ICU's UTF-16 offsets to Unicode scalar offsets.
public enum ICUSegmenter {
    public enum Kind: Sendable { case word, sentence }

    /// A segment between two ICU boundaries, in scalar offsets into the text; `status` is ICU's word rule status.
    public struct Segment: Sendable, Hashable {
        public var range: Range<Int>
        public var status: Int32
    }

    /// ICU's version, to show in `kb --version`.
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        buffer.withUnsafeMutableBufferPointer { kb_icu_version($0.baseAddress, 32) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Segments of `scalars` (the whole array) by ICU's word or sentence rules for Indonesian.
    public static func segments(_ scalars: ArraySlice<Unicode.Scalar>, kind: Kind) -> [Segment] {
        guard !scalars.isEmpty else { return [] }
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count + scalars.count / 8)
        // Offsets differ from scalar offsets only after a scalar outside the BMP (two UTF-16 units); without one,
        // no map is needed.
        var scalarAt: [Int32]?
        for (i, s) in scalars.enumerated() {
            if s.value > 0xFFFF {
                if scalarAt == nil { scalarAt = (0..<Int32(i)).map { $0 } }
                let v = s.value - 0x10000
                utf16.append(UInt16(0xD800 + (v >> 10)))
                utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
                scalarAt?.append(Int32(i))
                scalarAt?.append(Int32(i))
            } else {
                utf16.append(UInt16(s.value))
                scalarAt?.append(Int32(i))
            }
        }
        scalarAt?.append(Int32(scalars.count))
        let capacity = utf16.count + 1
        var error: Int32 = 0
        var count: Int32 = 0
        // ICU writes every element it reports; nothing needs to be zeroed first.
        var statuses: [Int32] = []
        let boundaries = [Int32](unsafeUninitializedCapacity: capacity) { b, bCount in
            statuses = [Int32](unsafeUninitializedCapacity: capacity) { st, stCount in
                count = utf16.withUnsafeBufferPointer { text in
                    kb_icu_breaks(kind == .word ? Int32(KB_ICU_WORD) : Int32(KB_ICU_SENTENCE),
                                  text.baseAddress, Int32(text.count), b.baseAddress, st.baseAddress, Int32(capacity), &error)
                }
                stCount = max(0, Int(count))
            }
            bCount = max(0, Int(count))
        }
        guard count > 0 else {
            // ICU failed (it does not for valid input): treat the text as one segment rather than lose it.
            return [Segment(range: 0..<scalars.count, status: 0)]
        }
        var result: [Segment] = []
        result.reserveCapacity(Int(count))
        var previous = 0
        for i in 0..<Int(count) {
            let unit = Int(boundaries[i])
            let end = Int(scalarAt?[unit] ?? Int32(unit))
            if end > previous { result.append(Segment(range: previous..<end, status: statuses[i])) }
            previous = end
        }
        return result
    }
}
