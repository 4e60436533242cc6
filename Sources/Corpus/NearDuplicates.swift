import CMinHash

/// Finds the same story published twice (two outlets, a re-edit) with MinHash over word shingles.
///
/// Outlets trim and extend stories, so the test is containment (how much of the shorter text the
/// other one holds), estimated from the MinHash Jaccard estimate and the two shingle counts.
public struct NearDuplicateIndex: Sendable {
    /// Words per shingle.
    public static let shingleSize = 4
    /// Hash functions in a signature.
    public static let signatureSize = 64
    /// Estimated containment from which two documents are near-duplicates.
    public var threshold: Double

    public struct Signature: Sendable, Equatable {
        public var minima: [UInt64]
        public var shingles: Int

        /// The shingle count and the minima as little-endian 64-bit words, for storing.
        public var bytes: [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(8 * (minima.count + 1))
            withUnsafeBytes(of: UInt64(shingles).littleEndian) { bytes.append(contentsOf: $0) }
            for word in minima {
                withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
            }
            return bytes
        }

        /// A signature from `bytes`; nil unless they hold a shingle count and exactly `signatureSize` minima.
        public init?(bytes: [UInt8]) {
            guard bytes.count == 8 * (signatureSize + 1) else { return nil }
            let words = stride(from: 0, to: bytes.count, by: 8).map { start in
                (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * $1) }
            }
            shingles = Int(words[0])
            minima = Array(words.dropFirst())
        }

        init(minima: [UInt64], shingles: Int) {
            self.minima = minima
            self.shingles = shingles
        }
    }

    public private(set) var signatures: [(id: String, signature: Signature)] = []
    /// For each (slot, minimum) seen, the last signature holding it; `chain` links to the previous one holding the same.
    /// Documents that share no slot have an estimated Jaccard of 0, hence containment 0: only the others are compared.
    private var lastWithSlot = SlotTable()
    private var chain: [Int32] = []

    public init(threshold: Double = 0.6) {
        self.threshold = threshold
    }

    /// The documents added so far (a document added twice counts twice).
    public var count: Int { signatures.count }

    /// Makes room for `documents` documents in all, so adding them does not grow the tables on the way: each growth
    /// copies every entry into a table twice as large, whose pages the kernel first clears (a third of a second of
    /// the one writer thread on the 22,000 documents of the news corpus).
    public mutating func reserveCapacity(_ documents: Int) {
        signatures.reserveCapacity(documents)
        chain.reserveCapacity(documents * Self.signatureSize)
        lastWithSlot.reserveCapacity(documents * Self.signatureSize)
    }

    /// The MinHash signature of a body text (lowercased letters and digits, words joined in shingles).
    public static func signature(of text: String) -> Signature {
        var words: [UInt64] = []
        var current: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for s in text.unicodeScalars {
            if s.isASCII {
                // ASCII letters and digits hash their lowercase byte: the same bytes as the general case, without a String per scalar.
                var byte = UInt8(s.value)
                let isUpper = byte >= 0x41 && byte <= 0x5A
                guard isUpper || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else {
                    if inWord {
                        words.append(current)
                        current = 0xcbf2_9ce4_8422_2325
                        inWord = false
                    }
                    continue
                }
                if isUpper { byte |= 0x20 }
                current ^= UInt64(byte)
                current = current &* 0x0000_0100_0000_01B3
                inWord = true
            } else if s.properties.isAlphabetic || s.properties.numericType != nil {
                for byte in String(s).lowercased().utf8 {
                    current ^= UInt64(byte)
                    current = current &* 0x0000_0100_0000_01B3
                }
                inWord = true
            } else if inWord {
                words.append(current)
                current = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { words.append(current) }
        var mins = [UInt64](repeating: .max, count: signatureSize)
        let k = min(shingleSize, max(words.count, 1))
        guard words.count >= k, !words.isEmpty else { return Signature(minima: mins, shingles: 0) }
        let shingles = (0...(words.count - k)).map { i in
            words[i..<(i + k)].reduce(UInt64(0)) { h, w in (h &* 31) &+ w }
        }
        // Each slot's minimum of `kb_minhash_mix(shingle ^ seed)`, in C for the processor's vector instructions.
        seeds.withUnsafeBufferPointer { seeds in
            mins.withUnsafeMutableBufferPointer { mins in
                kb_minhash_minima(shingles, shingles.count, seeds.baseAddress, mins.baseAddress, signatureSize)
            }
        }
        return Signature(minima: mins, shingles: shingles.count)
    }

    /// The fraction of equal signature slots: an estimate of the Jaccard similarity of the shingle sets.
    public static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        for i in a.indices where a[i] == b[i] && a[i] != .max { equal += 1 }
        return Double(equal) / Double(a.count)
    }

    /// Estimated share of the smaller document's shingles that the other one contains.
    public static func containment(_ a: Signature, _ b: Signature) -> Double {
        let smaller = min(a.shingles, b.shingles)
        guard smaller >= 20 else { return 0 }  // a few shared words say nothing about a story
        let j = similarity(a.minima, b.minima)
        return min(1, j * Double(a.shingles + b.shingles) / ((1 + j) * Double(smaller)))
    }

    /// Adds a document and returns the ids of earlier documents it nearly duplicates, most similar first.
    public mutating func add(id: String, text: String) -> [(id: String, similarity: Double)] {
        add(id: id, signature: Self.signature(of: text))
    }

    /// Adds a document whose near-duplicates are already known (one stored before), without comparing it.
    public mutating func insert(id: String, signature: Signature) {
        remember(id: id, signature: signature)
    }

    /// Adds a document by its signature (computed beforehand, for example in parallel) and returns its near-duplicates.
    public mutating func add(id: String, signature: Signature) -> [(id: String, similarity: Double)] {
        var matches: [(id: String, similarity: Double)] = []
        for index in candidates(for: signature) {
            let other = signatures[index]
            guard other.id != id else { continue }
            let s = Self.containment(signature, other.signature)
            if s >= threshold { matches.append((other.id, s)) }
        }
        remember(id: id, signature: signature)
        return matches.sorted { $0.similarity > $1.similarity }
    }

    private mutating func remember(id: String, signature: Signature) {
        let index = Int32(signatures.count)
        signatures.append((id, signature))
        for (slot, value) in signature.minima.enumerated() {
            chain.append(lastWithSlot.replace(slot: slot, value: value, with: index))
        }
    }

    /// Indices of the earlier signatures that can reach the threshold, ascending (all of them when the threshold is not positive).
    private func candidates(for signature: Signature) -> [Int] {
        guard threshold > 0 else { return Array(signatures.indices) }
        var found: [Int] = []
        for (slot, value) in signature.minima.enumerated() where value != .max {
            var next = lastWithSlot.last(slot: slot, value: value)
            while next >= 0 {
                found.append(Int(next))
                next = chain[Int(next) * Self.signatureSize + slot]
            }
        }
        found.sort()
        var unique = 0
        for i in found.indices where i == 0 || found[i] != found[i - 1] {
            found[unique] = found[i]
            unique += 1
        }
        found.removeLast(found.count - unique)
        return found
    }

    /// The last signature index holding each (slot, minimum), in open addressing. A minimum is already a well-mixed
    /// hash, so it serves as its own (the standard library's seeded hashing and rehashing as the table grew were half
    /// of an ingest's near-duplicate search, which runs on the one writer thread).
    private struct SlotTable {
        private var values: [UInt64]
        private var slots: [UInt8]
        /// -1 for an empty entry.
        private var indices: [Int32]
        private var count = 0

        /// `size`: a power of two.
        init(size: Int = 1 << 12) {
            values = Array(repeating: 0, count: size)
            slots = Array(repeating: 0, count: size)
            indices = Array(repeating: -1, count: size)
        }

        private func position(slot: Int, value: UInt64) -> (Int, found: Bool) {
            let mask = indices.count - 1
            var i = Int(truncatingIfNeeded: value ^ (UInt64(slot) &* 0x9E37_79B9_7F4A_7C15)) & mask
            while indices[i] >= 0 {
                if values[i] == value && Int(slots[i]) == slot { return (i, true) }
                i = (i + 1) & mask
            }
            return (i, false)
        }

        /// The last index stored for (slot, value), or -1.
        func last(slot: Int, value: UInt64) -> Int32 {
            let (i, found) = position(slot: slot, value: value)
            return found ? indices[i] : -1
        }

        /// Grows the table to hold `entries` entries in all without growing again.
        mutating func reserveCapacity(_ entries: Int) {
            var size = indices.count
            while entries * 2 > size { size *= 2 }
            if size > indices.count { grow(to: size) }
        }

        /// Stores `index` for (slot, value) and returns the one it replaces, or -1.
        mutating func replace(slot: Int, value: UInt64, with index: Int32) -> Int32 {
            if (count + 1) * 2 > indices.count { grow(to: indices.count * 2) }
            let (i, found) = position(slot: slot, value: value)
            let previous = found ? indices[i] : -1
            if !found {
                values[i] = value
                slots[i] = UInt8(slot)
                count += 1
            }
            indices[i] = index
            return previous
        }

        private mutating func grow(to size: Int) {
            let old = self
            self = SlotTable(size: size)
            for k in old.indices.indices where old.indices[k] >= 0 {
                _ = replace(slot: Int(old.slots[k]), value: old.values[k], with: old.indices[k])
            }
        }
    }

    static let seeds: [UInt64] = (0..<UInt64(signatureSize)).map { kb_minhash_mix($0 &+ 0x9E37_79B9_7F4A_7C15) }
}
