import Corpus

/// What a token is.
public enum TokenKind: String, Sendable, Codable {
    case word, number, date, punctuation, symbol, url, email, hashtag, abbreviation
}

/// A token with its span: Unicode scalar offsets into the text that was tokenized.
public struct Token: Sendable, Hashable, Codable {
    public var text: String
    public var span: Range<Int>
    public var kind: TokenKind
    /// Case-folded text.
    public var normalized: String
    /// Root word for words (from the stemmer), else the normalized text.
    public var stem: String
}

/// A sentence and its tokens.
public struct Sentence: Sendable, Hashable, Codable {
    public var text: String
    public var span: Range<Int>
    public var tokens: [Token]
}

/// ICU's word and sentence boundaries, then an Indonesian retokenizing stage driven by data:
/// abbreviations stay whole, reduplication and hyphenated forms stay whole, `Rp1,6` splits,
/// `21/1` and `22/5/2025` stay whole, URLs, e-mail addresses and hashtags stay whole.
public struct Tokenizer: Sendable {
    public var abbreviations: Abbreviations
    /// Root of a lowercased word; the identity when no stemmer is given.
    public var stem: @Sendable (String) -> String

    public init(abbreviations: Abbreviations, stem: @escaping @Sendable (String) -> String = { $0 }) {
        self.abbreviations = abbreviations
        self.stem = stem
    }

    /// Sentences of `text`, with tokens; spans are scalar offsets into `text` plus `base`.
    public func sentences(_ text: String, base: Int = 0) -> [Sentence] {
        let scalars = ScalarText.scalars(text)
        let icu = ICUSegmenter.wordsAndSentenceEnds(scalars[...])
        let pieces = self.pieces(scalars, words: icu.words)
        var boundaries = icu.sentenceEnds
        // ICU ends a sentence after `Dr.` or an initial before a capital; an abbreviation never ends one.
        var last = 0  // boundaries ascend: the search for the piece before each one resumes where the previous stopped
        boundaries = boundaries.filter { end in
            guard end < scalars.count else { return true }
            var i = end
            while i > 0, ScalarText.isSpace(scalars[i - 1]) { i -= 1 }
            while last < pieces.count, pieces[last].range.upperBound <= i { last += 1 }
            guard last > 0, pieces[last - 1].range.upperBound == i else { return true }
            return pieces[last - 1].kind != .abbreviation
        }
        var result: [Sentence] = []
        var start = 0
        var t = 0
        for end in boundaries {
            var lo = start
            var hi = end
            while lo < hi, ScalarText.isSpace(scalars[lo]) { lo += 1 }
            while hi > lo, ScalarText.isSpace(scalars[hi - 1]) { hi -= 1 }
            let first = t
            while t < pieces.count, pieces[t].range.lowerBound < end { t += 1 }
            if lo < hi {
                // Each sentence's tokens are made where they belong, their spans shifted by `base` as they are made.
                let tokens = pieces[first..<t].map { token(for: $0, in: scalars, base: base) }
                result.append(Sentence(text: ScalarText.string(scalars[lo..<hi]), span: (lo + base)..<(hi + base), tokens: tokens))
            }
            start = end
        }
        return result
    }

    /// Tokens of `scalars`, spans relative to its start.
    public func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        pieces(scalars, words: ICUSegmenter.segments(scalars[...], kind: .word)).map { token(for: $0, in: scalars, base: 0) }
    }

    /// The token of a piece: its text, lowercase and stem.
    private func token(for piece: (range: Range<Int>, kind: TokenKind), in scalars: [Unicode.Scalar], base: Int) -> Token {
        let (text, normalized) = Self.textAndLowercase(scalars[piece.range])
        let stem = (piece.kind == .word) ? stem(normalized) : normalized
        return Token(text: text, span: (piece.range.lowerBound + base)..<(piece.range.upperBound + base), kind: piece.kind,
                     normalized: normalized, stem: stem)
    }

    /// The tokens' ranges and kinds, before any text is made: ICU's word segments, merged by the Indonesian rules.
    private func pieces(_ scalars: [Unicode.Scalar], words: [ICUSegmenter.Segment]) -> [(range: Range<Int>, kind: TokenKind)] {
        let protected = Self.atomicSpans(scalars)
        var raw: [(range: Range<Int>, kind: TokenKind)] = []
        raw.reserveCapacity(words.count)
        var p = 0
        for segment in words {
            let r = segment.range
            if p < protected.count, r.lowerBound >= protected[p].range.lowerBound {
                // Segments inside a URL, e-mail or hashtag collapse into it.
                if r.lowerBound < protected[p].range.upperBound {
                    if raw.last?.range != protected[p].range { raw.append(protected[p]) }
                    if r.upperBound >= protected[p].range.upperBound { p += 1 }
                    continue
                }
                p += 1
            }
            if r.count == 1 || r.allSatisfy({ ScalarText.isSpace(scalars[$0]) }) {
                if ScalarText.isSpace(scalars[r.lowerBound]) { continue }
            }
            raw.append((r, Self.kind(segment.status, scalars[r])))
        }
        return merge(raw, scalars)
    }

    // MARK: - Merging

    private func merge(_ raw: [(range: Range<Int>, kind: TokenKind)], _ s: [Unicode.Scalar]) -> [(range: Range<Int>, kind: TokenKind)] {
        var out: [(range: Range<Int>, kind: TokenKind)] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func adjacent(_ a: Int, _ b: Int) -> Bool { b < raw.count && raw[a].range.upperBound == raw[b].range.lowerBound }
        func text(_ a: Int) -> String { ScalarText.string(s[raw[a].range]) }
        func isOne(_ a: Int, _ scalar: Unicode.Scalar) -> Bool { raw[a].range.count == 1 && s[raw[a].range.lowerBound] == scalar }
        while i < raw.count {
            let current = raw[i]
            // Currency glued to its amount: `Rp1,6` → `Rp` `1,6`.
            if current.kind == .word || current.kind == .number, let split = Self.currencySplit(s, current.range) {
                out.append((current.range.lowerBound..<split, .symbol))
                out.append((split..<current.range.upperBound, .number))
                i += 1
                continue
            }
            // Abbreviations with periods: the longest run of pieces that is a known abbreviation.
            if current.kind == .word || current.kind == .number {
                var best: Int?
                var j = i
                var joined = adjacent(i, i + 1) ? text(i) : ""
                while j + 1 < raw.count, j - i < abbreviations.maxPieces, adjacent(j, j + 1) {
                    j += 1
                    joined += text(j)
                    if abbreviations.kind(of: joined) != nil { best = j }
                }
                if let end = best {
                    out.append((current.range.lowerBound..<raw[end].range.upperBound, .abbreviation))
                    i = end + 1
                    continue
                }
                // An initial: one capital letter and a period before a capitalised word (`M. Ridwan`).
                if current.range.count == 1, s[current.range.lowerBound].properties.isUppercase, adjacent(i, i + 1),
                   isOne(i + 1, "."), i + 2 < raw.count, !adjacent(i + 1, i + 2),
                   s[raw[i + 2].range.lowerBound].properties.isUppercase,
                   i == 0 || !adjacent(i - 1, i) {
                    out.append((current.range.lowerBound..<raw[i + 1].range.upperBound, .abbreviation))
                    i += 2
                    continue
                }
                // Initials with periods, which ICU keeps one word (`B.J`), and their last period before a capitalised
                // word (`B.J. Habibie`).
                if current.range.count >= 3, Self.isDottedInitials(s[current.range]), adjacent(i, i + 1), isOne(i + 1, "."),
                   i + 2 < raw.count, !adjacent(i + 1, i + 2), s[raw[i + 2].range.lowerBound].properties.isUppercase {
                    out.append((current.range.lowerBound..<raw[i + 1].range.upperBound, .abbreviation))
                    i += 2
                    continue
                }
            }
            // Day/month dates: `21/1`, `22/5/2025`.
            if current.kind == .number, let end = Self.dateEnd(raw, i, s) {
                out.append((current.range.lowerBound..<raw[end].range.upperBound, .date))
                i = end + 1
                continue
            }
            // Hyphenated forms and reduplication: `pilar-pilar`, `e-KTP`, `Covid-19`, `ke-29`; not a range's amount
            // (`Rp5 juta-Rp20 juta`).
            if current.kind == .word || current.kind == .number {
                var end = i
                var hasWord = current.kind == .word
                while end + 2 < raw.count, adjacent(end, end + 1), adjacent(end + 1, end + 2),
                      isOne(end + 1, "-"), raw[end + 2].kind == .word || raw[end + 2].kind == .number,
                      !Self.startsCurrency(s, at: raw[end + 2].range.lowerBound) {
                    hasWord = hasWord || raw[end + 2].kind == .word
                    if !hasWord { break }
                    end += 2
                }
                if end > i, hasWord {
                    out.append((current.range.lowerBound..<raw[end].range.upperBound, .word))
                    i = end + 1
                    continue
                }
            }
            // Leading-comma decimals: `,77`.
            if isOne(i, ","), adjacent(i, i + 1), raw[i + 1].kind == .number, i == 0 || !adjacent(i - 1, i) {
                out.append((current.range.lowerBound..<raw[i + 1].range.upperBound, .number))
                i += 2
                continue
            }
            out.append(current)
            i += 1
        }
        return out
    }

    /// `B.J`, `M.H`, `S.B.`: capital letters (two or three), each followed by a period but perhaps the last.
    static func isDottedInitials(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        guard (3...6).contains(scalars.count) else { return false }
        for (k, c) in scalars.enumerated() {
            if k % 2 == 0 ? !(c.value >= 0x41 && c.value <= 0x5A) : c != "." { return false }
        }
        return true
    }

    /// `Rp1,6`, `Rp.1.500`, `US$5`: where the amount starts, or nil.
    static func currencySplit(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int? {
        guard let first = r.first.map({ s[$0] }), first == "R" || first == "U" || first == "I" else { return nil }
        for prefix in currencyPrefixes where r.count > prefix.count {
            var ok = true
            for (k, c) in prefix.enumerated() where s[r.lowerBound + k] != c { ok = false; break }
            if ok, s[r.lowerBound + prefix.count].properties.numericType != nil,
               (r.lowerBound + prefix.count..<r.upperBound).allSatisfy({ s[$0].properties.numericType != nil || s[$0] == "." || s[$0] == "," }) {
                return r.lowerBound + prefix.count
            }
        }
        return nil
    }

    /// Whether a currency's sign starts at `i` (`Rp20`, `Rp 20`, `US$5`): one of `currencyPrefixes`, no letter after it.
    /// After a hyphen it starts a range's second amount (`Rp5 juta-Rp20 juta`), not a hyphenated word's part; the
    /// tokenizer and the number lexer both ask.
    static func startsCurrency(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        currencyPrefixes.contains { prefix in
            let end = i + prefix.count
            return end <= s.count && s[i..<end].elementsEqual(prefix) && (end == s.count || !s[end].properties.isAlphabetic)
        }
    }

    static let currencyPrefixes: [[Unicode.Scalar]] = [["R", "p", "."], ["R", "p"], ["U", "S", "$"], ["I", "D", "R"], ["U", "S", "D"]]

    /// The last raw token of a `d/m` or `d/m/yyyy` date starting at `i`, or nil.
    static func dateEnd(_ raw: [(range: Range<Int>, kind: TokenKind)], _ i: Int, _ s: [Unicode.Scalar]) -> Int? {
        func adjacent(_ a: Int, _ b: Int) -> Bool { b < raw.count && raw[a].range.upperBound == raw[b].range.lowerBound }
        func number(_ a: Int) -> Int? { Int(ScalarText.string(s[raw[a].range])) }
        guard adjacent(i, i + 1), adjacent(i + 1, i + 2), ScalarText.string(s[raw[i + 1].range]) == "/",
              raw[i + 2].kind == .number, let day = number(i), let month = number(i + 2),
              (1...31).contains(day), (1...12).contains(month), raw[i].range.count <= 2, raw[i + 2].range.count <= 2 else { return nil }
        if adjacent(i + 2, i + 3), adjacent(i + 3, i + 4), ScalarText.string(s[raw[i + 3].range]) == "/", raw[i + 4].kind == .number,
           raw[i + 4].range.count == 4 || raw[i + 4].range.count == 2 {
            return i + 4
        }
        return i + 2
    }

    /// URLs, e-mail addresses and hashtags: whitespace-delimited chunks kept whole, trailing punctuation left out.
    static func atomicSpans(_ s: [Unicode.Scalar]) -> [(range: Range<Int>, kind: TokenKind)] {
        var spans: [(range: Range<Int>, kind: TokenKind)] = []
        var i = 0
        while i < s.count {
            while i < s.count, ScalarText.isSpace(s[i]) { i += 1 }
            let start = i
            while i < s.count, !ScalarText.isSpace(s[i]) { i += 1 }
            var lo = start
            var hi = i
            while lo < hi, isAtomicOpener(s[lo]) { lo += 1 }
            while hi > lo, isAtomicCloser(s[hi - 1]) { hi -= 1 }
            guard hi - lo >= 3 else { continue }
            // Only a chunk starting with h/w (a URL), # (a hashtag) or holding @ (an e-mail) can be one: skip the rest cheaply.
            let head = s[lo]
            guard head == "h" || head == "H" || head == "w" || head == "W" || head == "#" || s[lo..<hi].contains("@") else { continue }
            let chunk = ScalarText.string(s[lo..<hi]).lowercased()
            if chunk.hasPrefix("http://") || chunk.hasPrefix("https://") || chunk.hasPrefix("www.") {
                spans.append((lo..<hi, .url))
            } else if s[lo] == "#", s[lo + 1].properties.isAlphabetic {
                spans.append((lo..<hi, .hashtag))
            } else if let at = chunk.firstIndex(of: "@"), at != chunk.startIndex,
                      chunk[chunk.index(after: at)...].contains("."), !chunk.hasSuffix("@") {
                spans.append((lo..<hi, .email))
            }
        }
        return spans
    }

    /// Punctuation around a URL, hashtag or e-mail address that is not part of it (a `switch`, not a `Set`: this runs
    /// on every chunk of text).
    static func isAtomicOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "\"", "“", "'", "‘", "[": true
        default: false
        }
    }

    static func isAtomicCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", ",", ";", ":", ")", "\"", "”", "'", "’", "!", "?", "]": true
        default: false
        }
    }

    static func kind(_ status: Int32, _ piece: ArraySlice<Unicode.Scalar>) -> TokenKind {
        if (100..<200).contains(status) { return .number }
        if status >= 200 { return .word }
        guard let first = piece.first else { return .symbol }
        switch first.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        default:
            return first.properties.isAlphabetic ? .word : .symbol
        }
    }

    /// A token's text and `lowercased(text)`: one string when it has no capitals, Unicode's tables only when it
    /// has a scalar beyond ASCII (nearly no token).
    static func textAndLowercase(_ scalars: ArraySlice<Unicode.Scalar>) -> (text: String, lowercase: String) {
        let text = ScalarText.string(scalars)
        guard scalars.contains(where: { $0.value >= 0x41 && ($0.value <= 0x5A || $0.value >= 0x80) }) else { return (text, text) }
        return (text, ScalarText.asciiLowercase(scalars) ?? ScalarText.lowercased(text))
    }

}
