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
        let row = Swift.min(utf8.count, Self.longest) * 4
        firstBytes[row + Int(first >> 6)] |= 1 << UInt64(first & 63)
        lastBytes[row + Int(last >> 6)] |= 1 << UInt64(last & 63)
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
            let row = Swift.min(bytes.count, Self.longest) * 4
            let f = fold(first)
            let l = fold(last)
            return firstBytes[row + Int(f >> 6)] & (1 << UInt64(f & 63)) != 0
                && lastBytes[row + Int(l >> 6)] & (1 << UInt64(l & 63)) != 0
        } ?? true
    }

    private func mayContain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        let row = Swift.min(bytes.count, Self.longest) * 4
        return firstBytes[row + Int(first >> 6)] & (1 << UInt64(first & 63)) != 0
            && lastBytes[row + Int(last >> 6)] & (1 << UInt64(last & 63)) != 0
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
