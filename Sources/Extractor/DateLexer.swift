import Corpus

/// A word, a run of ASCII digits, or one other non-space scalar, with its scalar offsets.
struct DateToken: Sendable {
    enum Kind: Sendable { case word, number, symbol }

    var kind: Kind
    var start: Int
    var end: Int
    /// Lowercased word (’ folded to '), the digits, or the symbol (every dash folded to "-").
    var lower: String
    var isCapitalized = false
    var isAllCaps = false
    /// Numeric value of a number of at most 9 digits, else -1.
    var value = 0
    var digits = 0
    var month: Int?
    var weekday: Int?
    /// A word some date rule reacts to (DateParser.wordStep); the others are passed over at once.
    var isVocabulary = false
}

/// Splits text into date tokens in one pass over its scalars.
enum DateLexer {
    static func tokens(of scalars: [Unicode.Scalar]) -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(scalars.count / 4)
        let count = scalars.count
        var i = 0
        while i < count {
            let scalar = scalars[i]
            if isDigit(scalar) {
                var j = i
                var value = 0
                while j < count, isDigit(scalars[j]) {
                    if j - i < 9 { value = value * 10 + Int(scalars[j].value - 48) }
                    j += 1
                }
                let digits = j - i
                tokens.append(DateToken(kind: .number, start: i, end: j, lower: ScalarText.string(scalars[i..<j]),
                                        value: digits <= 9 ? value : -1, digits: digits))
                i = j
            } else if isLetter(scalar) {
                var j = i + 1
                while j < count {
                    if isLetter(scalars[j]) {
                        j += 1
                    } else if scalars[j] == "'" || scalars[j] == "\u{2019}", j + 1 < count, isLetter(scalars[j + 1]) {
                        /// Keeps `Jum'at` / `Jum’at` one word.
                        j += 2
                    } else {
                        break
                    }
                }
                tokens.append(word(scalars[i..<j], start: i, end: j))
                i = j
            } else if ScalarText.isSpace(scalar) {
                i += 1
            } else {
                let lower = isDash(scalar) ? "-" : String(Character(scalar))
                tokens.append(DateToken(kind: .symbol, start: i, end: i + 1, lower: lower))
                i += 1
            }
        }
        return tokens
    }

    private static func word(_ slice: ArraySlice<Unicode.Scalar>, start: Int, end: Int) -> DateToken {
        let lower: String
        if let ascii = ScalarText.asciiLowercase(slice) {
            lower = ascii  // the common case
        } else {
            var folded = String.UnicodeScalarView()
            for scalar in slice { folded.append(scalar == "\u{2019}" ? "'" : scalar) }
            lower = String(folded).lowercased()
        }
        var token = DateToken(kind: .word, start: start, end: end, lower: lower)
        if let first = slice.first { token.isCapitalized = isUpper(first) }
        let length = end - start
        /// Only `TA` (Tahun Anggaran) needs this, so only two-letter words pay for it.
        if length == 2 { token.isAllCaps = slice.allSatisfy { isUpper($0) } }
        /// One lookup per word; IndonesianCalendar stays the authority on month and weekday values.
        if vocabularyFilter.mayContain(lower), let entry = vocabulary[lower] {
            token.isVocabulary = true
            token.month = entry.month
            token.weekday = entry.weekday
        }
        return token
    }

    /// Every word a date rule reacts to, with its month or weekday.
    private static let vocabulary: [String: (month: Int?, weekday: Int?)] = {
        var words: [String: (month: Int?, weekday: Int?)] = [:]
        for word in DateParser.ruleWords { words[word] = (nil, nil) }
        for name in monthNames { words[name, default: (nil, nil)].month = IndonesianCalendar.month(named: name) }
        for name in weekdayNames { words[name, default: (nil, nil)].weekday = IndonesianCalendar.weekday(named: name) }
        return words
    }()
    private static let vocabularyFilter = WordFilter(vocabulary.keys)

    /// Every spelling IndonesianCalendar knows for a month (CalendarDate.swift).
    static let monthNames: Set<String> = [
        "januari", "jan", "january", "februari", "pebruari", "feb", "peb", "february", "maret", "mar", "march",
        "april", "apr", "mei", "may", "juni", "jun", "june", "juli", "jul", "july", "agustus", "agt", "agu", "ags",
        "agst", "aug", "august", "september", "sep", "sept", "oktober", "okt", "oct", "october", "november",
        "nopember", "nov", "nop", "desember", "des", "dec", "december",
    ]
    /// Every spelling IndonesianCalendar knows for a weekday (CalendarDate.swift).
    static let weekdayNames: Set<String> = [
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jumaat", "sabtu", "minggu", "ahad",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (65...90).contains(scalar.value) : scalar.properties.isUppercase
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return scalar.properties.isAlphabetic
    }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || (0x2010...0x2015).contains(scalar.value) || scalar == "\u{2212}"
    }
}
