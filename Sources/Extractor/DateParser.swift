import Corpus

/// A recognized expression: tokens `first...last` and what they mean.
struct DateFound: Sendable {
    var first: Int
    var last: Int
    var value: DateValue
    var warning: String?
    /// Explicit 4-digit years written in the expression (for `explicitYears`).
    var years: [Int] = []
}

/// Outcome of trying the rules at one token.
enum DateStep {
    case found(DateFound)
    /// Not a date, and tokens before this index must not be read as one either (`Nomor 81 Tahun 2022`).
    case skip(Int)
}

/// Reads date expressions from tokens, left to right, longest rule first.
struct DateParser {
    let scalars: [Unicode.Scalar]
    let tokens: [DateToken]
    let context: DateContext

    func run() -> [DateFound] {
        var found: [DateFound] = []
        var i = 0
        while i < tokens.count {
            switch step(at: i) {
            case .found(let match)?:
                found.append(match)
                i = max(match.last + 1, i + 1)
            case .skip(let next)?:
                i = max(next, i + 1)
            case nil:
                i += 1
            }
        }
        return found
    }

    func mention(for found: DateFound) -> DateMention {
        let start = tokens[found.first].start
        let end = tokens[found.last].end
        let rendered = found.value.rendered
        return DateMention(surface: ScalarText.string(scalars[start..<end]), span: start..<end,
                           normalized: rendered.normalized, granularity: rendered.granularity,
                           warning: found.warning, start: rendered.start, end: rendered.end)
    }

    // MARK: - Vocabulary

    static let regulationWords: Set<String> = ["nomor", "no", "nomer", "nmr", "nr"]
    static let yearPrepositions: Set<String> = [
        "pada", "di", "sejak", "hingga", "sampai", "sepanjang", "selama", "dari", "mulai", "medio",
        "jelang", "menjelang", "sebelum", "setelah", "antara",
    ]
    static let countWords: [String: Int] = [
        "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
        "sembilan": 9, "sepuluh": 10,
    ]
    /// `sepekan lalu` = one week ago.
    static let singleUnitWords: [String: String] = [
        "sehari": "hari", "sepekan": "pekan", "seminggu": "minggu", "sebulan": "bulan", "setahun": "tahun",
    ]
    /// Words before a unit that make `tahun lalu` mean "some years ago", which has no single date.
    static let quantifiers: Set<String> = [
        "beberapa", "puluhan", "ratusan", "belasan", "ribuan", "sekian", "berapa", "banyak", "sejumlah",
    ]
    static let units: Set<String> = ["hari", "pekan", "minggu", "bulan", "tahun"]
    /// Words after a number that make it a quantity, not a year (`hingga 2025 orang`).
    static let measureWords: Set<String> = [
        "orang", "unit", "ton", "kg", "km", "meter", "m", "hektare", "hektar", "ha", "rumah", "ekor", "buah",
        "peserta", "kasus", "jiwa", "kk", "desa", "sekolah", "paket", "lembar", "batang", "liter", "persen",
        "rupiah", "ribu", "juta", "miliar", "triliun", "kali", "jam", "menit", "titik", "pasien", "siswa",
    ]
    /// Full month names accepted in lowercase; abbreviations (and English `may`) need a capital outside `21 Jan`.
    static let fullMonthNames: Set<String> = [
        "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
        "oktober", "november", "nopember", "desember", "january", "february", "march", "june", "july",
        "august", "october", "december",
    ]
    static let timesOfDay: Set<String> = ["pagi", "siang", "sore", "malam"]
    /// Every word `wordStep` reacts to besides month and weekday names: its vocabularies and the words of its `switch`.
    static let ruleWords: Set<String> = regulationWords.union(countWords.keys).union(singleUnitWords.keys).union(yearPrepositions)
        .union(["tahun", "ta", "periode", "awal", "akhir", "pertengahan", "bulan", "pekan", "minggu", "hari", "pagi", "siang",
                "sore", "malam", "kemarin", "besok", "lusa", "ramadan", "ramadhan"])
    static let dateContextWords: Set<String> = ["tanggal", "tgl", "pada"]
    static let joiners: Set<String> = [".", ",", "/", ":", "-"]

    // MARK: - Token helpers

    func isWord(_ i: Int, _ word: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .word && tokens[i].lower == word
    }

    func isWord(_ i: Int, in words: Set<String>) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .word && words.contains(tokens[i].lower)
    }

    func isSymbol(_ i: Int, _ symbol: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .symbol && tokens[i].lower == symbol
    }

    func number(_ i: Int, digits: ClosedRange<Int>) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, digits.contains(tokens[i].digits) else { return nil }
        return tokens[i].value
    }

    /// A 4-digit number read as a calendar year.
    func year(_ i: Int) -> Int? {
        guard let value = number(i, digits: 4...4), (1900...2100).contains(value) else { return nil }
        return value
    }

    func adjacent(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b < tokens.count && tokens[a].end == tokens[b].start
    }

    func text(_ i: Int) -> String {
        ScalarText.string(scalars[tokens[i].start..<tokens[i].end])
    }

    /// True when token `i` continues something written without spaces (`Covid-19`, `1.600`, `ke-21`).
    func attachedBefore(_ i: Int) -> Bool {
        let p = i - 1
        guard adjacent(p, i) else { return false }
        switch tokens[p].kind {
        case .word, .number:
            return true
        case .symbol:
            return Self.joiners.contains(tokens[p].lower) && adjacent(p - 1, p) && tokens[p - 1].kind != .symbol
        }
    }

    /// True when token `j` is followed, without spaces, by more of the same number (`2025.5`, `1/2/3`, `19:16`).
    func attachedAfter(_ j: Int) -> Bool {
        let n = j + 1
        guard adjacent(j, n) else { return false }
        switch tokens[n].kind {
        case .word, .number:
            return true
        case .symbol:
            return Self.joiners.contains(tokens[n].lower) && adjacent(n, n + 1) && tokens[n + 1].kind != .symbol
        }
    }

    /// A number, a count word or a quantifier before a unit (`5 tahun`, `dua tahun`, `beberapa tahun`).
    func isQuantity(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        switch tokens[i].kind {
        case .number: return !attachedBefore(i)
        case .word: return Self.countWords[tokens[i].lower] != nil || Self.quantifiers.contains(tokens[i].lower)
        case .symbol: return false
        }
    }

    /// Index after a range separator (`-`, `–`, `hingga`, `sampai (dengan)`, `s/d`, `s.d.`, `sd`) at `i`.
    func separator(at i: Int) -> Int? {
        guard i < tokens.count else { return nil }
        if isSymbol(i, "-") { return i + 1 }
        if isWord(i, "hingga") || isWord(i, "sd") { return i + 1 }
        if isWord(i, "sampai") { return isWord(i + 1, "dengan") ? i + 2 : i + 1 }
        if isWord(i, "s"), isSymbol(i + 1, "/") || isSymbol(i + 1, "."), adjacent(i, i + 1), isWord(i + 2, "d"),
           adjacent(i + 1, i + 2) {
            return isSymbol(i + 3, ".") && adjacent(i + 2, i + 3) ? i + 4 : i + 3
        }
        return nil
    }

    /// Index after `lalu`, `yang lalu` or `kemarin` at `i`.
    func pastMarker(at i: Int) -> Int? {
        if isWord(i, "lalu") || isWord(i, "kemarin") { return i + 1 }
        if isWord(i, "yang"), isWord(i + 1, "lalu") { return i + 2 }
        return nil
    }

    /// Index after `depan` or `mendatang` at `i`.
    func nextMarker(at i: Int) -> Int? {
        isWord(i, "depan") || isWord(i, "mendatang") ? i + 1 : nil
    }

    /// A month word that may stand without a day: full names, or capitalized abbreviations (`Jan`, `Agt`, `May`).
    func isStandaloneMonth(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].month != nil else { return false }
        return Self.fullMonthNames.contains(tokens[i].lower) || tokens[i].isCapitalized
    }

    /// Index after a month word and the period of its abbreviation (`Jan.`).
    func afterMonth(_ i: Int) -> Int {
        if !Self.fullMonthNames.contains(tokens[i].lower), tokens[i].lower != "mei", isSymbol(i + 1, "."),
           adjacent(i, i + 1) {
            return i + 2
        }
        return i + 1
    }

    // MARK: - Dispatch

    func step(at i: Int) -> DateStep? {
        switch tokens[i].kind {
        case .number: return numberStep(at: i)
        case .word: return wordStep(at: i)
        case .symbol: return nil
        }
    }

    func found(_ first: Int, _ last: Int, _ value: DateValue, warning: String? = nil, years: [Int?] = []) -> DateStep {
        .found(DateFound(first: first, last: last, value: value, warning: warning, years: years.compactMap { $0 }))
    }
}
