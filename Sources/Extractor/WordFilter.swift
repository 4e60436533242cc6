import Corpus

/// A cheap first test for membership in a vocabulary: which (length, first byte) and (length, last byte) pairs
/// its words have. A word that fails it is certainly not in the vocabulary; one that passes still has to be looked
/// up. Most words of a text fail it, and are passed over without hashing them (the lexers ask a vocabulary about
/// nearly every word they read).
struct WordFilter: Sendable {
    /// Lengths from `longest` up share the last row.
    private static let longest = 31
    /// 256 bits per length: the first bytes, then the last bytes.
    private var firstBytes = [UInt64](repeating: 0, count: (longest + 1) * 4)
    private var lastBytes = [UInt64](repeating: 0, count: (longest + 1) * 4)

    init(_ words: some Sequence<String>) {
        for word in words { insert(word) }
    }

    mutating func insert(_ word: String) {
        let utf8 = word.utf8
        guard let first = utf8.first, let last = utf8.last else { return }
        let (row, firstBit, lastBit) = Self.position(count: utf8.count, first: first, last: last)
        firstBytes[row + Int(first >> 6)] |= firstBit
        lastBytes[row + Int(last >> 6)] |= lastBit
    }

    /// False only when `word` (non-empty) is in none of the filter's words' (length, first, last byte) classes.
    func mayContain(_ word: String) -> Bool {
        // The bytes in place (a native string's, nearly always); `utf8.last` would walk the view.
        if let answer = word.utf8.withContiguousStorageIfAvailable({ mayContain(bytes: $0) }) { return answer }
        return Array(word.utf8).withUnsafeBufferPointer { mayContain(bytes: $0) }
    }

    /// `mayContain(lowercased(word))` without lowercasing `word`: for ASCII text the length stays and only the
    /// first and last bytes count, folded here; any other text is let through.
    func mayContainLowercased(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if bytes.contains(where: { $0 >= 0x80 }) { return true }
            func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            return holds(count: bytes.count, first: fold(first), last: fold(last))
        } ?? true
    }

    private func mayContain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return holds(count: bytes.count, first: first, last: last)
    }

    /// Whether some word of the filter has this length, this first byte and this last byte's classes.
    private func holds(count: Int, first: UInt8, last: UInt8) -> Bool {
        let (row, firstBit, lastBit) = Self.position(count: count, first: first, last: last)
        return firstBytes[row + Int(first >> 6)] & firstBit != 0 && lastBytes[row + Int(last >> 6)] & lastBit != 0
    }

    /// The row of a word's length, and the bits of its first and last bytes within their 64-bit words of that row.
    private static func position(count: Int, first: UInt8, last: UInt8) -> (row: Int, first: UInt64, last: UInt64) {
        (Swift.min(count, longest) * 4, 1 << UInt64(first & 63), 1 << UInt64(last & 63))
    }
}

/// A set of words behind a `WordFilter`: most words asked about are answered without hashing them.
public struct WordSet: Sendable {
    public let words: Set<String>
    private let filter: WordFilter

    public init(_ words: Set<String>) {
        self.words = words
        filter = WordFilter(words)
    }

    public func contains(_ word: String) -> Bool {
        word.isEmpty ? words.contains(word) : filter.mayContain(word) && words.contains(word)
    }
}

/// A hash table from words to values, hashed with FNV-1a over the UTF-8: the stem cache every word token goes
/// through spent more in the standard library's seeded SipHash than in the rest of the lookup. The hash has no
/// seed, so text built to collide can slow a lookup down (never change its answer); the tables using it are caches.
struct WordTable<Value>: Sendable where Value: Sendable {
    private var slots: [(key: String, value: Value)?]
    private(set) var count = 0

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: nil, count: size)
    }

    subscript(word: String) -> Value? {
        var i = Self.hash(word) & (slots.count - 1)
        while let slot = slots[i] {
            if slot.key == word { return slot.value }
            i = (i + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Sets the value of `word` (replacing an earlier one).
    mutating func insert(_ word: String, _ value: Value) {
        if (count + 1) * 2 > slots.count { grow() }
        var i = Self.hash(word) & (slots.count - 1)
        while let slot = slots[i] {
            if slot.key == word {
                slots[i] = (word, value)
                return
            }
            i = (i + 1) & (slots.count - 1)
        }
        slots[i] = (word, value)
        count += 1
    }

    mutating func removeAll() {
        for i in slots.indices { slots[i] = nil }
        count = 0
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        count = 0
        for case let (key, value)? in old { insert(key, value) }
    }

    static func hash(_ word: String) -> Int {
        let h = word.utf8.withContiguousStorageIfAvailable { ContentHash.fnv1a($0) } ?? ContentHash.fnv1a(word.utf8)
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
