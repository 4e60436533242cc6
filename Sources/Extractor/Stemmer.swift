import Foundation
import Synchronization

public enum StemmerError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read word list \(path): \(reason)"
        }
    }
}

/// Indonesian stemmer of the Nazief–Adriani / ECS family (as in Sastrawi), checked against a root lexicon.
public final class Stemmer: Sendable {
    let lexicon: StemLexicon
    /// Every token of every document comes through here, and most are repeats.
    private let cache = Mutex(WordTable<String>())
    /// Bound on the cache so a long run cannot grow it without limit (about 40 MB of table at most; the 22,000
    /// articles of the news corpus have about 100,000 distinct words); it is simply emptied when full.
    private static let cacheLimit = 1 << 19

    /// Separates a word from its note in the lexicon: `word/N` says hunspell gives the word N affix flags.
    static let noteMark: Character = "/"

    /// Loads hunspell's .dic and the extra word files; throws StemmerError naming the file when a file cannot be read.
    ///
    /// Every known word is in the set, lowercase. Hunspell's words also come with a note `word/N`, N being the
    /// number of affix flags hunspell gives the word. The stemmer reads the notes: a word with N = 0 takes no
    /// affixes, so it is returned whole but other words are stripped down to it only when no other root can be
    /// reached (hunspell keeps rare homographs such as `upas` beside `kupas` there), and when two readings are
    /// both roots the one with more flags wins (`mengalahkan` → `kalah`, not `alah`). Words of the extra files
    /// carry no note: they are roots that win over hunspell's. Hunspell stems marked as needing an affix
    /// (`mengerti/A2…`) are kept only when they are closed compounds (`tandatangan`).
    public static func loadLexicon(
        hunspellDictionary: String = "/usr/share/hunspell/id_ID.dic",
        extraWordFiles: [String]
    ) throws -> Set<String> {
        var flagCounts: [String: Int] = [:]
        var boundStems: [String: Int] = [:]
        for entry in try readHunspell(hunspellDictionary) {
            if entry.needsAffix {
                boundStems[entry.word] = max(boundStems[entry.word] ?? 0, entry.flagCount)
            } else {
                flagCounts[entry.word] = max(flagCounts[entry.word] ?? 0, entry.flagCount)
            }
        }
        let known = Set(flagCounts.keys)
        // Stems that need an affix are mostly closed compounds (`tandatangan` in `menandatangani`): roots for
        // stripping. The others are derived forms (`mengerti`, `kehendak`) that Sastrawi strips further.
        for (stem, count) in boundStems where flagCounts[stem] == nil && isCompound(stem, of: known) {
            flagCounts[stem] = max(count, 1)
        }
        var extras = Set<String>()
        for path in extraWordFiles { extras.formUnion(try readWordFile(path)) }

        var lexicon = Set<String>(minimumCapacity: flagCounts.count * 2 + extras.count)
        for (word, count) in flagCounts {
            lexicon.insert(word)
            if !extras.contains(word) { lexicon.insert(word + String(noteMark) + String(count)) }
        }
        lexicon.formUnion(extras)
        return lexicon
    }

    /// `lexicon` as from `loadLexicon`; a plain set of root words (without notes) works as Sastrawi's dictionary.
    public init(lexicon: Set<String>) {
        var notes: [[UInt8]: UInt8] = [:]
        var words: [[UInt8]] = []
        words.reserveCapacity(lexicon.count)
        for entry in lexicon {
            if let mark = entry.firstIndex(of: Self.noteMark) {
                guard let word = Self.lexiconBytes(String(entry[..<mark])),
                    let count = Int(entry[entry.index(after: mark)...]), count >= 0
                else { continue }
                notes[word] = UInt8(min(count, Int(StemLexicon.curated) - 1))
            } else if let word = Self.lexiconBytes(entry) {
                words.append(word)
            }
        }
        var weights: [[UInt8]: UInt8] = [:]
        weights.reserveCapacity(words.count)
        for word in words { weights[word] = notes[word] ?? StemLexicon.curated }
        for word in PrefixRules.alwaysSplit { weights[word] = nil }
        self.lexicon = StemLexicon(weights: weights)
    }

    /// The root of one word (lowercased first). Non-alphabetic tokens (numbers, punctuation) are returned lowercased unchanged. Words shorter than 4 letters are not stripped.
    public func stem(_ word: String) -> String {
        // A lowercase ASCII word of one to three letters is its own root: it needs neither the cache nor its lock.
        if word.utf8.count < 4, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return word }
        if let hit = cache.withLock({ $0[word] }) { return hit }
        let result = computeStem(word)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll() }
            cache.insert(word, result)
        }
        return result
    }

    /// The uncached work of `stem`.
    func computeStem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        for i in bytes.indices {
            let b = bytes[i]
            if b >= 0x80 { return word.lowercased() }
            if b >= 0x41 && b <= 0x5A { bytes[i] = b | 0x20 }
        }
        guard Self.isAlphabetic(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        let stem = bytes.contains(Letters.hyphen) ? stemHyphenated(bytes) : stemSingle(bytes)
        return String(decoding: stem, as: UTF8.self)
    }

    /// Letters a–z with single inner hyphens: the only tokens worth stripping.
    static func isAlphabetic(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last, Letters.isLetter(first), Letters.isLetter(last) else {
            return false
        }
        var previous: UInt8 = 0
        for b in bytes {
            if b == Letters.hyphen {
                if previous == Letters.hyphen { return false }
            } else if !Letters.isLetter(b) {
                return false
            }
            previous = b
        }
        return true
    }

    /// Whether the lexicon lists `word` (lowercase) as a word of the language: a common noun, not a name.
    public func isKnownWord(_ word: String) -> Bool {
        lexicon.weight(Array(word.utf8)) != nil
    }

    /// One word without hyphens.
    func stemSingle(_ word: [UInt8]) -> [UInt8] {
        guard word.count >= 4 else { return word }
        if let weight = lexicon.weight(word) {
            if weight > 0 { return word }
            return lexicon.rootOfAffixlessWord(word) ?? word
        }
        if let base = StemContext.inflectionalBase(word), let weight = lexicon.weight(base) {
            // An affixless base only if the whole word is not a prefixed root
            // (`menikah` is me- + nikah, not meni + -kah).
            if weight > 0 { return base }
            var context = StemContext(word: word, lexicon: lexicon, includingAffixless: false)
            if let root = context.prefixedRoot() { return root }
            return base
        }
        // Roots that take affixes first; affixless words only when none can be reached (`menuklir` → `nuklir`).
        for includingAffixless in [false, true] {
            var context = StemContext(word: word, lexicon: lexicon, includingAffixless: includingAffixless)
            if let root = context.run() { return root }
        }
        return word
    }

    /// Reduplication (`anak-anak`, `berbalas-balasan`, `meniru-nirukan`): both halves must reach the same root,
    /// otherwise (`bolak-balik`) the word stays as it is.
    func stemHyphenated(_ word: [UInt8]) -> [UInt8] {
        var parts = word.split(separator: Letters.hyphen, omittingEmptySubsequences: false).map { Array($0) }
        if let last = parts.last, Affix.particles.contains(last) || Affix.possessives.contains(last) {
            // `kuasa-Mu` is one word with a clitic, not a reduplication.
            if parts.count == 2 { return stemSingle(word) }
            // The clitic of `malaikat-malaikat-Nya` belongs to the last half.
            parts.removeLast()
            parts[parts.count - 1] += [Letters.hyphen] + last
        }
        guard parts.count == 2 else { return word }
        let left = parts[0], right = parts[1]
        let leftRoot = stemSingle(left)
        var rightRoot = stemSingle(right)
        if leftRoot == rightRoot { return leftRoot }
        // `nirukan` in `meniru-nirukan` has lost its prefix; try it with me- again.
        if rightRoot == right && !lexicon.isWord(right) {
            rightRoot = stemSingle(PrefixRules.me + right)
        }
        return leftRoot == rightRoot ? leftRoot : word
    }

    /// Lowercase ASCII bytes of a lexicon word, or nil if it is not alphabetic.
    static func lexiconBytes<S: StringProtocol>(_ word: S) -> [UInt8]? {
        var bytes = Array(word.utf8)
        for i in bytes.indices {
            let b = bytes[i]
            if b >= 0x80 { return nil }
            if b >= 0x41 && b <= 0x5A { bytes[i] = b | 0x20 }
        }
        return isAlphabetic(bytes) ? bytes : nil
    }

    /// Two known words of three letters or more written together.
    static func isCompound(_ word: String, of words: Set<String>) -> Bool {
        let letters = Array(word)
        guard letters.count >= 6, !letters.contains("-") else { return false }
        for cut in 3...(letters.count - 3) {
            if words.contains(String(letters[..<cut])) && words.contains(String(letters[cut...])) { return true }
        }
        return false
    }

    /// One hunspell entry: the word and what its flags say about affixes.
    struct HunspellEntry {
        var word: String
        /// Affix flags other than NEEDAFFIX: how many kinds of derived forms hunspell knows for the word.
        var flagCount: Int
        /// It carries id_ID's NEEDAFFIX flag `A2`: a stem that is no word by itself.
        var needsAffix: Bool
    }

    /// Reads a hunspell .dic: a count line, then `word/FLAGS` or `word` lines (id_ID uses two-letter flags and
    /// ISO-8859-1; only ASCII words are kept, so the bytes are read as they are).
    static func readHunspell(_ path: String) throws -> [HunspellEntry] {
        let data = try readFile(path)
        var entries: [HunspellEntry] = []
        let slash = UInt8(ascii: "/")
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            let end = line.firstIndex(where: { $0 == 0x0D || $0 == 0x09 || $0 == 0x20 }) ?? line.endIndex
            let field = line[line.startIndex..<end]
            if number == 0 && !field.isEmpty && field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { continue }
            let slashIndex = field.firstIndex(of: slash) ?? field.endIndex
            guard let bytes = lexiconBytes(String(decoding: field[field.startIndex..<slashIndex], as: UTF8.self)) else {
                continue
            }
            let flags = slashIndex < field.endIndex ? Array(field[field.index(after: slashIndex)...]) : []
            var needsAffix = false
            var count = 0
            var i = 0
            while i + 1 < flags.count {
                if flags[i] == UInt8(ascii: "A") && flags[i + 1] == UInt8(ascii: "2") {
                    needsAffix = true
                } else {
                    count += 1
                }
                i += 2
            }
            entries.append(HunspellEntry(word: String(decoding: bytes, as: UTF8.self), flagCount: count,
                                         needsAffix: needsAffix))
        }
        return entries
    }

    /// Reads a plain word list: one word a line, `#` starts a comment line, blank lines are skipped.
    static func readWordFile(_ path: String) throws -> [String] {
        let data = try readFile(path)
        var words: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.hasPrefix("#") { continue }
            if let bytes = lexiconBytes(text) { words.append(String(decoding: bytes, as: UTF8.self)) }
        }
        return words
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw StemmerError.unreadable(path: path, reason: error.localizedDescription)
        }
    }
}
