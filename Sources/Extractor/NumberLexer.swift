import Corpus

/// A piece of text as the number grammar sees it: a word, a digit run or one other symbol.
struct NumberLexeme: Sendable {
    enum Kind: Sendable { case word, number, symbol }

    let kind: Kind
    /// Unicode scalar offsets into the input.
    let range: Range<Int>
    /// True when no whitespace separates this lexeme from the previous one (`Rp` and `5` in `Rp5`).
    let glued: Bool
    /// Lookup form: digits and separators as written for numbers, lowercase for ASCII words; empty for words with
    /// other letters and for symbols, since no vocabulary entry has them.
    let key: String
    /// The scalar of a symbol lexeme.
    let symbol: Unicode.Scalar?
}

/// Splits text into lexemes: letter runs (joined across inner hyphens, so `kira-kira` and `satu-satunya` stay one
/// word), digit runs with their `.`/`,` separators, and single symbols.
enum NumberLexer {
    /// Longer lexemes get no key: no vocabulary word is that long, and digit runs that long are identifiers.
    static let maxKeyLength = 24

    static func lexemes(_ s: [Unicode.Scalar]) -> [NumberLexeme] {
        var out: [NumberLexeme] = []
        out.reserveCapacity(s.count / 5 + 1)
        let n = s.count
        var i = 0
        var glued = false
        while i < n {
            let c = s[i]
            if ScalarText.isSpace(c) {
                glued = false
                i += 1
                continue
            }
            let start = i
            let kind: NumberLexeme.Kind
            if isDigit(c) || startsBareFraction(s, at: i) {
                i += 1
                while i < n, isDigit(s[i]) { i += 1 }
                while i + 1 < n, s[i] == "." || s[i] == ",", isDigit(s[i + 1]) {
                    i += 1
                    while i < n, isDigit(s[i]) { i += 1 }
                }
                kind = .number
            } else if isLetter(c) {
                i += 1
                while true {
                    while i < n, isLetter(s[i]) { i += 1 }
                    if i + 1 < n, isHyphen(s[i]), isLetter(s[i + 1]), !Tokenizer.startsCurrency(s, at: i + 1) {
                        i += 1
                        continue
                    }
                    break
                }
                kind = .word
            } else {
                i += 1
                kind = .symbol
            }
            let key = kind != .symbol && i - start <= maxKeyLength ? ScalarText.asciiLowercase(s[start..<i]) ?? "" : ""
            out.append(NumberLexeme(kind: kind, range: start..<i, glued: glued, key: key, symbol: kind == .symbol ? c : nil))
            glued = true
        }
        return out
    }

    /// `,77` = 0,77, only after a space or a minus sign and with two digits or more, so list debris such as `:,1` is no number.
    static func startsBareFraction(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard s[i] == ",", i + 2 < s.count, isDigit(s[i + 1]), isDigit(s[i + 2]) else { return false }
        return i == 0 || ScalarText.isSpace(s[i - 1]) || s[i - 1] == "-" || s[i - 1] == "\u{2212}"
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            return (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
        }
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
    }

    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || isLetter(c)
    }

    /// Hyphens that join word parts (`kira-kira`); the en dash is a range sign, not a hyphen.
    static func isHyphen(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "\u{2010}" || c == "\u{2011}"
    }
}
