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
        return UTF16Text(scalars).segments(kind: kind, statuses: true)
    }

    /// ICU's word segments (with their rule statuses) and the ends of its sentences, from one conversion to UTF-16:
    /// what the tokenizer needs of a paragraph.
    public static func wordsAndSentenceEnds(_ scalars: ArraySlice<Unicode.Scalar>) -> (words: [Segment], sentenceEnds: [Int]) {
        guard !scalars.isEmpty else { return ([], []) }
        let text = UTF16Text(scalars)
        return (text.segments(kind: .word, statuses: true), text.segments(kind: .sentence, statuses: false).map(\.range.upperBound))
    }

    /// Scalars as the UTF-16 ICU reads, with the way back from UTF-16 offsets to scalar offsets.
    private struct UTF16Text {
        var utf16: [UInt16] = []
        /// The scalar offset of each UTF-16 offset (and of the end); nil when they are the same (no scalar beyond the
        /// BMP, which takes two UTF-16 units).
        var scalarAt: [Int32]?
        let count: Int

        init(_ scalars: ArraySlice<Unicode.Scalar>) {
            count = scalars.count
            utf16.reserveCapacity(scalars.count + scalars.count / 8)
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
        }

        /// The segments between ICU's boundaries, in scalar offsets; their statuses only when asked (0 otherwise).
        func segments(kind: Kind, statuses wantStatuses: Bool) -> [Segment] {
            let capacity = utf16.count + 1
            var error: Int32 = 0
            var count: Int32 = 0
            // ICU writes every element it reports; nothing needs to be zeroed first.
            var statuses: [Int32] = []
            let boundaries = [Int32](unsafeUninitializedCapacity: capacity) { b, bCount in
                if wantStatuses {
                    statuses = [Int32](unsafeUninitializedCapacity: capacity) { st, stCount in
                        count = breaks(kind, b.baseAddress, st.baseAddress, Int32(capacity), &error)
                        stCount = max(0, Int(count))
                    }
                } else {
                    count = breaks(kind, b.baseAddress, nil, Int32(capacity), &error)
                }
                bCount = max(0, Int(count))
            }
            guard count > 0 else {
                // ICU failed (it does not for valid input): treat the text as one segment rather than lose it.
                return [Segment(range: 0..<self.count, status: 0)]
            }
            var result: [Segment] = []
            result.reserveCapacity(Int(count))
            var previous = 0
            for i in 0..<Int(count) {
                let unit = Int(boundaries[i])
                let end = Int(scalarAt?[unit] ?? Int32(unit))
                if end > previous { result.append(Segment(range: previous..<end, status: wantStatuses ? statuses[i] : 0)) }
                previous = end
            }
            return result
        }

        private func breaks(_ kind: Kind, _ boundaries: UnsafeMutablePointer<Int32>?, _ statuses: UnsafeMutablePointer<Int32>?,
                            _ capacity: Int32, _ error: inout Int32) -> Int32 {
            utf16.withUnsafeBufferPointer { text in
                kb_icu_breaks(kind == .word ? Int32(KB_ICU_WORD) : Int32(KB_ICU_SENTENCE),
                              text.baseAddress, Int32(text.count), boundaries, statuses, capacity, &error)
            }
        }
    }
}
