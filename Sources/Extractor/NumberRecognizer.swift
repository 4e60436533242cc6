import Corpus

/// What a number mention counts: a plain amount, a rank, a share, or an amount given only by its order of magnitude.
public enum NumberKind: String, Sendable, Codable {
    case cardinal, ordinal, percent, vague
}

/// A number written in Indonesian text (`1.600`, `dua puluh`, `ke-4`, `50 persen`, `ratusan`), outside any money amount.
public struct NumberMention: Sendable, Hashable, Codable {
    /// The text as written, qualifier included (`lebih dari 400`).
    public var surface: String
    /// Half-open range of Unicode scalar offsets into the recognized string.
    public var span: Range<Int>
    /// Normalized value; nil for vague amounts (`puluhan`, `ratusan`).
    public var value: Double?
    /// Upper end of a range (`10-20` → 20); nil otherwise.
    public var max: Double?
    /// Bound or approximation as written (`lebih dari`, `sekitar`); the vague phrase for vague amounts; nil when exact.
    public var qualifier: String?
    /// `persen` for percentages; nil otherwise (the counted noun is found by later stages).
    public var unit: String?
    public var kind: NumberKind
}

/// An amount of money (`Rp1,6 triliun`, `USD1,23`, `Rp300 ribu/orang`).
public struct MoneyMention: Sendable, Hashable, Codable {
    /// The text as written, qualifier and per-unit included.
    public var surface: String
    /// Half-open range of Unicode scalar offsets into the recognized string.
    public var span: Range<Int>
    /// Normalized amount in the currency's units; nil for vague amounts (`ratusan juta rupiah`).
    public var value: Double?
    /// Upper end of a range (`Rp1-2 juta` → 2000000); nil otherwise.
    public var max: Double?
    /// ISO 4217 code: IDR, USD, EUR, GBP or JPY.
    public var currency: String
    /// Bound or approximation as written (`lebih dari`, `sekitar`); the vague phrase for vague amounts; nil when exact.
    public var qualifier: String?
    /// What the amount is counted per (`bulan` in `Rp500 ribu per bulan`); nil when not stated.
    public var per: String?
}

/// Finds numbers and money amounts in Indonesian text with a hand-written lexer (no regular expressions: it runs over whole corpora).
///
/// Choices worth knowing (the tests pin each one down):
/// - `.` groups thousands when every group after the first has exactly three digits (`1.600`, `3.000.000`);
///   a single `.` followed by another digit count is an English decimal point (`1.5` → 1.5), other dotted runs
///   (`1.2.3`, `22.05.2025`) are not numbers. `,` is the decimal comma (`126,65`), except that `27,000` and
///   `1,000,000` (three-digit comma groups ending in `000`, or two or more groups) are read English style.
/// - `M` and `T` after an amount mean *miliar* and *triliun* only after a currency prefix (`Rp5 M`); `K`/`k`
///   glued to digits means thousands everywhere (`100K`).
/// - `satu setengah` is 1.5 and `dua setengah juta` is 2,500,000; `kosong` is zero only when it is the whole
///   input, because in running text it means "empty".
/// - `sebanyak`, `sebesar`, `senilai`, `mencapai` and `rata-rata` are kept as qualifiers but are not bounds:
///   the value is the amount itself.
/// - Vague amounts keep their phrase as qualifier (`ratusan`, `puluhan ribu`); a bound written before them is
///   prefixed (`lebih dari ratusan`). A rough scale after a number (`Rp 1,4 jutaan`) gives the value with
///   qualifier `sekitar` unless another qualifier is written.
/// - `ke 4` (with a space) is an ordinal unless `ke` means "to": before a percentage, scale or currency, or after
///   a number or a verb of change (`naik 0,2% ke 707`). `kedua` is ordinal 2 even where it means "both".
/// - `2-3` after a score word (`skor`, `kalah`, `imbang` …) is two numbers, not a range; a descending pair
///   (`3-1`) never is a range. `per Agustus 2019` and `per hari ini` are "as of", not a `per` unit.
/// - Skipped: digits glued to letters (`Covid-19`, `G20`, `5G`), times (`19:16`, `pukul 10.00`, `08.00 WIB`),
///   dates and fractions with `/` (`21/1`, `22/5/2025`, `11/2020`), dashed dates (`22-5-2025`), phone numbers
///   (`0812-3456-7890`, `+62 21 …`, `(021) 555 1234`), plain digit runs of ten or more digits (identifiers),
///   reference numbers (`439/kpts/MU/2019`, `SJ.00.2641`), three or more numbers joined by hyphens (`4-2-3-1`),
///   decades (`1990-an`) and amounts in other currencies (`S$10`, `5 ringgit`).
/// - Plain years (`2025`) and day numbers are cardinals here; the date stage decides what they are.
/// - A `-` followed by a space is a dash or a list bullet, never a minus sign.
public struct NumberRecognizer: Sendable {
    public init() {}

    /// Number mentions in `text`, in order; amounts that belong to money are left to `money(in:)`.
    public func numbers(in text: String) -> [NumberMention] {
        mentions(in: text).numbers
    }

    /// Money mentions in `text`, in order.
    public func money(in text: String) -> [MoneyMention] {
        mentions(in: text).money
    }

    /// Whether a sentence with these tokens can hold a number or an amount at all. Every expression of the grammar
    /// holds a digit, a currency symbol, a word that holds an amount (`dua`, `puluhan`, `setengah`, `seribu`), an
    /// ordinal word (`pertama`, `keempat`, `ke-IV`) or a Roman numeral; a sentence with none of them is not lexed
    /// again. Words that only lead into an amount (`di atas`, `lebih dari`, `antara`, `minus`, `rupiah`) do not
    /// count: alone they make no amount, and on the news corpus they let through half the sentences that held none.
    /// Unusual tokens (non-ASCII letters, abbreviations with periods) always let the sentence through.
    public func mayHoldNumber(_ tokens: [Token]) -> Bool {
        // Punctuation starts no number; curly quotes and dashes (`“`, `—`) would otherwise count as unusual tokens.
        for token in tokens where token.kind != .punctuation {
            var letters = 0
            var others = 0
            for byte in token.normalized.utf8 {
                if byte >= 0x30 && byte <= 0x39 { return true }
                if byte >= 0x61 && byte <= 0x7A {
                    letters += 1
                } else if byte >= 0x80 {
                    return true
                } else if byte != 0x2D {
                    others += 1
                }
            }
            if letters == 0 {
                if token.text.unicodeScalars.contains(where: { NumberLexicon.currencySymbols[$0] != nil }) { return true }
                continue
            }
            if others > 0 || Self.mayBeNumberWord(token.normalized) { return true }
            if token.text.unicodeScalars.allSatisfy(NumberGrammar.isRomanDigit) { return true }
        }
        return false
    }

    /// A lowercase word (letters and inner hyphens) that holds an amount or a rank by itself (NumberGrammar.side,
    /// NumberGrammar.ordinal).
    static func mayBeNumberWord(_ word: String) -> Bool {
        if NumberLexicon.amountWords.contains(word)
            || NumberLexicon.ordinalFilter.mayContain(word) && NumberLexicon.ordinalWords[word] != nil { return true }
        guard word.hasPrefix(NumberLexicon.ordinalPrefix) else { return false }
        if word.hasPrefix(NumberLexicon.ordinalPrefix + "-") { return true }
        let rest = String(word.dropFirst(2))
        return word.count > 4 && word.count <= 11 && NumberLexicon.amountWords.contains(rest)
    }

    /// Numbers and money in one pass over the text, for callers that need both.
    func mentions(in text: String) -> (numbers: [NumberMention], money: [MoneyMention]) {
        let scalars = ScalarText.scalars(text)
        var numbers: [NumberMention] = []
        var money: [MoneyMention] = []
        for e in NumberGrammar(scalars: scalars).expressions() {
            let surface = ScalarText.string(scalars[e.span])
            if let currency = e.currency {
                money.append(MoneyMention(
                    surface: surface, span: e.span, value: e.value, max: e.max,
                    currency: currency, qualifier: e.qualifier, per: e.per
                ))
            } else {
                numbers.append(NumberMention(
                    surface: surface, span: e.span, value: e.value, max: e.max,
                    qualifier: e.qualifier, unit: e.kind == .percent ? "persen" : nil, kind: e.kind
                ))
            }
        }
        return (numbers, money)
    }

    /// Value of a whole numeral expression, or nil: "1.600"→1600, "dua puluh delapan"→28, "1,79 juta"→1790000, "ke-4"→4 (ordinal).
    ///
    /// The expression must be one number, ordinal, percentage or money amount covering the whole trimmed text;
    /// ranges and vague amounts have no single value and give nil.
    public func value(of expression: String) -> Double? {
        let scalars = Array(expression.unicodeScalars)
        let grammar = NumberGrammar(scalars: scalars)
        let found = grammar.expressions()
        guard found.count == 1, let only = found.first, only.max == nil,
              let first = grammar.lexemes.first, let last = grammar.lexemes.last,
              only.span == first.range.lowerBound..<last.range.upperBound
        else { return nil }
        return only.value
    }
}
