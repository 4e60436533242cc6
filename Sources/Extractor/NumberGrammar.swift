import Corpus

/// One amount found in text, before it is reported as a number or a money mention.
struct NumberExpression: Sendable {
    var span: Range<Int>
    var value: Double?
    var max: Double?
    var qualifier: String?
    var kind: NumberKind
    var currency: String?
    var per: String?
}

/// Reads amounts from the lexemes of one text, left to right, taking the longest reading at each position.
struct NumberGrammar {
    let scalars: [Unicode.Scalar]
    let lexemes: [NumberLexeme]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        lexemes = NumberLexer.lexemes(scalars)
    }

    /// Every amount in the text, in order, none overlapping.
    func expressions() -> [NumberExpression] {
        var found: [NumberExpression] = []
        var i = 0
        while i < lexemes.count {
            if lexemes[i].kind == .number, let skip = skippedLength(at: i, afterCurrency: false) {
                i += skip
                continue
            }
            if let rank = ordinal(at: i) {
                found.append(rank.expression)
                i = rank.next
                continue
            }
            if mayStartAmount(at: i), let read = amount(at: i) {
                if let expression = read.expression { found.append(expression) }
                i = Swift.max(read.next, i + 1)
                continue
            }
            i += 1
        }
        return found
    }

    // MARK: - Lexeme access

    /// Cheap test that skips most words before the full grammar runs.
    private func mayStartAmount(at i: Int) -> Bool {
        let lexeme = lexemes[i]
        switch lexeme.kind {
        case .number:
            return true
        case .symbol:
            guard let s = lexeme.symbol else { return false }
            return NumberLexicon.currencySymbols[s] != nil || NumberLexicon.minusSigns.contains(s)
        case .word:
            if NumberLexicon.starters.contains(lexeme.key) { return true }
            if let s = symbol(i + 1), glued(i + 1), NumberLexicon.currencySymbols[s] != nil { return true }
            return false
        }
    }

    private func word(_ k: Int) -> String? {
        k >= 0 && k < lexemes.count && lexemes[k].kind == .word ? lexemes[k].key : nil
    }

    /// The lexeme as written, with its capitals (`M`, `XII`, `KPM`).
    private func original(_ lexeme: NumberLexeme) -> String {
        ScalarText.string(scalars[lexeme.range])
    }

    private func isUppercase(_ lexeme: NumberLexeme) -> Bool {
        scalars[lexeme.range].allSatisfy { !($0.value >= 0x61 && $0.value <= 0x7A) }
    }

    private func symbol(_ k: Int) -> Unicode.Scalar? {
        k >= 0 && k < lexemes.count ? lexemes[k].symbol : nil
    }

    private func isNumber(_ k: Int) -> Bool {
        k >= 0 && k < lexemes.count && lexemes[k].kind == .number
    }

    private func glued(_ k: Int) -> Bool {
        k >= 0 && k < lexemes.count && lexemes[k].glued
    }

    private func isHyphen(_ k: Int) -> Bool {
        symbol(k).map(NumberLexer.isHyphen) ?? false
    }

    private static func isPlainDigits(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(NumberLexer.isDigit)
    }

    // MARK: - Things that look like numbers but are not amounts

    /// Lexemes to skip when the digits at `j` are part of a name, a time, a date or a phone number.
    private func skippedLength(at j: Int, afterCurrency: Bool) -> Int? {
        let text = lexemes[j].key
        /// Digits glued to letters name things (`G20`, `Covid-19`, `H-7`) unless the letters are a currency.
        if !afterCurrency, glued(j), j > 0 {
            if lexemes[j - 1].kind == .word { return 1 }
            if isHyphen(j - 1), glued(j - 1), word(j - 2) != nil { return 1 }
            /// Parts of reference numbers: `439/kpts/MU/2019`, `C8456/19`, `SJ.00.2641`.
            if symbol(j - 1) == "/" { return 1 }
            if symbol(j - 1) == ".", glued(j - 1), word(j - 2) != nil { return 1 }
        }
        if !afterCurrency, symbol(j + 1) == "/", glued(j + 1), word(j + 2) != nil, glued(j + 2) { return 1 }
        /// `19:16`, `21/1`, `22/5/2025`, `11/2020`: clock times, dates, fractions and regulation numbers.
        if let separator = symbol(j + 1), separator == ":" || separator == "/", glued(j + 1), isNumber(j + 2), glued(j + 2) {
            var k = j + 1
            while symbol(k) == separator, glued(k), isNumber(k + 1), glued(k + 1) { k += 2 }
            return k - j
        }
        /// Three or more numbers joined by hyphens are dates, formations or codes (`22-5-2025`, `4-2-3-1`).
        if isHyphen(j + 1), glued(j + 1), isNumber(j + 2), glued(j + 2), isHyphen(j + 3), glued(j + 3), isNumber(j + 4), glued(j + 4) {
            var k = j + 5
            while isHyphen(k), glued(k), isNumber(k + 1), glued(k + 1) { k += 2 }
            return k - j
        }
        if let phone = phoneLength(at: j) { return phone }
        if Self.isPlainDigits(text), text.unicodeScalars.count >= 10 { return 1 }
        return nil
    }

    /// Length of a phone number starting at `j`: `+62 …`, `0812-3456-7890`, `(021) 555 1234`, eight digits or more.
    private func phoneLength(at j: Int) -> Int? {
        let text = lexemes[j].key
        guard Self.isPlainDigits(text) else { return nil }
        let international = glued(j) && symbol(j - 1) == "+"
        guard international || (text.hasPrefix("0") && text.unicodeScalars.count >= 2) else { return nil }
        var digits = text.unicodeScalars.count
        var k = j + 1
        if glued(j), symbol(j - 1) == "(", symbol(k) == ")", glued(k) { k += 1 }
        while k < lexemes.count {
            if isHyphen(k), glued(k), isNumber(k + 1), glued(k + 1), Self.isPlainDigits(lexemes[k + 1].key) {
                digits += lexemes[k + 1].key.unicodeScalars.count
                k += 2
            } else if isNumber(k), !glued(k), Self.isPlainDigits(lexemes[k].key), lexemes[k].key.unicodeScalars.count >= 2 {
                digits += lexemes[k].key.unicodeScalars.count
                k += 1
            } else {
                break
            }
        }
        return digits >= 8 ? k - j : nil
    }

    // MARK: - Ordinals

    /// An ordinal at `i`: `ke-4`, `ke 4`, `keempat`, `kedua belas`, `pertama`, `ke-XII`, `Temu Karya XII`.
    private func ordinal(at i: Int) -> (expression: NumberExpression, next: Int)? {
        let lexeme = lexemes[i]
        guard lexeme.kind == .word else { return nil }
        let w = lexeme.key
        let r = lexeme.range
        let startsWithKe = r.count >= 2 && scalars[r.lowerBound].value | 0x20 == 0x6B && scalars[r.lowerBound + 1].value | 0x20 == 0x65
        let isRoman = scalars[r].allSatisfy(Self.isRomanDigit)
        let isOrdinalWord = NumberLexicon.ordinalFilter.mayContain(w) && NumberLexicon.ordinalWords[w] != nil
        guard startsWithKe || isRoman || isOrdinalWord else { return nil }
        func rank(_ value: Double, _ next: Int) -> (expression: NumberExpression, next: Int) {
            let span = lexeme.range.lowerBound..<lexemes[next - 1].range.upperBound
            return (NumberExpression(span: span, value: value, kind: .ordinal), next)
        }
        if isOrdinalWord, let value = NumberLexicon.ordinalWords[w] { return rank(Double(value), i + 1) }
        if isRoman, hasRomanContext(before: i), let value = Self.romanValue(original(lexeme)) { return rank(Double(value), i + 1) }
        guard startsWithKe else { return nil }
        if w == NumberLexicon.ordinalPrefix {
            if isHyphen(i + 1), glued(i + 1), isNumber(i + 2), glued(i + 2),
               let text = Self.decimalText(lexemes[i + 2].key), let value = Double(text), value == value.rounded() {
                return rank(value, i + 3)
            }
            /// `ke 4` is a rank unless it reads "to 4 percent/to Rp…" or follows a number or a verb of change
            /// (`dari 3 ke 4`, `0,2% ke 707`, `turun ke 800 meter`).
            if isNumber(i + 1), !glued(i + 1), !isNumber(i - 1), !continuesAmount(at: i - 1),
               !(word(i - 1).map(NumberLexicon.towardVerbs.contains) ?? false), Self.isPlainDigits(lexemes[i + 1].key),
               let value = Double(lexemes[i + 1].key), value >= 1, value < 1000, !continuesAmount(at: i + 2) {
                return rank(value, i + 2)
            }
            return nil
        }
        let prefixWithHyphen = NumberLexicon.ordinalPrefix + "-"
        if w.hasPrefix(prefixWithHyphen) {
            let rest = String(String.UnicodeScalarView(original(lexeme).unicodeScalars.dropFirst(3)))
            if let value = Self.romanValue(rest) { return rank(Double(value), i + 1) }
            if let n = wordNumber(from: i, firstWord: rest.lowercased()), n.value >= 1, n.value == n.value.rounded() {
                return rank(n.value, n.next)
            }
            return nil
        }
        /// `ke` + the longest number word (`setriliun`) is eleven letters; longer `ke…` words are `kegiatan`, `kepada`…
        if r.count > 4, r.count <= 11, w.hasPrefix(NumberLexicon.ordinalPrefix) {
            let rest = String(w.dropFirst(2))
            let startsNumber = (NumberLexicon.units[rest].map { $0 > 0 } ?? false)
                || NumberLexicon.tens[rest] != nil || NumberLexicon.unitScales[rest] != nil || rest == NumberLexicon.oneHundred
            if startsNumber, let n = wordNumber(from: i, firstWord: rest), n.value == n.value.rounded() {
                return rank(n.value, n.next)
            }
            return nil
        }
        return nil
    }

    /// True when the lexeme at `k` makes the number before it a percentage, a scaled amount or money.
    private func continuesAmount(at k: Int) -> Bool {
        guard k >= 0 else { return false }
        if symbol(k) == NumberLexicon.percentSymbol || symbol(k).flatMap({ NumberLexicon.currencySymbols[$0] }) != nil { return true }
        guard let w = word(k) else { return false }
        return (glued(k) && isNumber(k - 1)) || NumberLexicon.percentWords.contains(w) || NumberLexicon.scales[w] != nil
            || NumberLexicon.currencySuffixWords[w] != nil || NumberLexicon.otherCurrencies.contains(w)
    }

    private func hasRomanContext(before i: Int) -> Bool {
        guard let previous = word(i - 1) else { return false }
        if NumberLexicon.romanContexts.contains([previous]) { return true }
        guard let earlier = word(i - 2) else { return false }
        return NumberLexicon.romanContexts.contains([earlier, previous])
    }

    private static func romanDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "I": 1
        case "V": 5
        case "X": 10
        case "L": 50
        case "C": 100
        case "D": 500
        case "M": 1000
        default: nil
        }
    }

    static func isRomanDigit(_ c: Unicode.Scalar) -> Bool {
        romanDigit(c) != nil
    }

    /// Value of a capital Roman numeral in canonical form (`XII` → 12), or nil.
    static func romanValue(_ text: String) -> Int? {
        let values = text.unicodeScalars.compactMap(romanDigit)
        guard !values.isEmpty, values.count == text.unicodeScalars.count, values.count <= 12 else { return nil }
        var total = 0
        for (index, value) in values.enumerated() {
            if index + 1 < values.count, value < values[index + 1] { total -= value } else { total += value }
        }
        guard total > 0, total < 4000, romanNumeral(total) == text else { return nil }
        return total
    }

    private static func romanNumeral(_ value: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var out = ""
        for (amount, letters) in table {
            while rest >= amount {
                out += letters
                rest -= amount
            }
        }
        return out
    }

    // MARK: - Amounts

    /// One end of a range, or a whole amount: currency, sign, digits or words, scale, currency or percent.
    private struct Side {
        var next: Int
        var value: Double?
        /// Power of ten written after the number (`juta` → 6); nil when none was written.
        var exponent: Int?
        /// Decimal text of the value before any scale, to rescale the low end of `1-2 juta`.
        var mantissa: String?
        var vague: String?
        var currency: String?
        var otherCurrency = false
        var currencyBefore = false
        var percent = false
        var clockLike = false
        var rough = false
    }

    /// The amount starting at `i`, with its qualifier, range, currency and per-unit; `(nil, next)` when the text
    /// there is read and discarded (a clock time, another currency).
    private func amount(at i: Int) -> (expression: NumberExpression?, next: Int)? {
        var j = i
        var qualifier: String?
        if let q = qualifierPhrase(at: j) {
            qualifier = q.phrase
            j = q.next
        }
        var opener: String?
        if let w = word(j), NumberLexicon.rangeOpeners.contains(w) {
            opener = w
            j += 1
        }
        guard let low = side(at: j, moneyContext: false, allowsMinus: true) else { return nil }
        var value = low.value
        var upper: Double?
        var high: Side?
        var end = low.next
        if low.vague == nil, !isScore(before: i), let c = rangeConnector(at: low.next, afterAntara: opener == "antara"),
           let h = side(at: c, moneyContext: low.currency != nil, allowsMinus: symbol(low.next) == nil),
           let ends = Self.rangeEnds(low, h, dash: symbol(low.next) != nil) {
            high = h
            value = ends.low
            upper = ends.high
            end = h.next
        }
        if opener != nil, high == nil { return nil }
        let currency = low.currency ?? high?.currency
        let percent = low.percent || (high?.percent ?? false)
        if low.otherCurrency || (high?.otherCurrency ?? false) { return (nil, end) }
        var per: String?
        if currency != nil, let p = perUnit(at: end) {
            per = p.unit
            end = p.next
        }
        if currency == nil, !percent, low.vague == nil {
            if let w = word(i - 1), NumberLexicon.timeWords.contains(w),
               w != "jam" || low.clockLike || (low.value ?? 99) <= 24 {
                return (nil, end)
            }
            if let w = word(end), NumberLexicon.timeZones.contains(w) { return (nil, end + 1) }
        }
        let span = lexemes[i].range.lowerBound..<lexemes[end - 1].range.upperBound
        if let vague = low.vague {
            let phrase = qualifier.map { "\($0) \(vague)" } ?? vague
            return (NumberExpression(span: span, value: nil, qualifier: phrase, kind: .vague, currency: currency), end)
        }
        if low.rough || (high?.rough ?? false), qualifier == nil { qualifier = NumberLexicon.roughQualifier }
        let kind: NumberKind = percent && currency == nil ? .percent : .cardinal
        return (NumberExpression(span: span, value: value, max: upper, qualifier: qualifier, kind: kind, currency: currency, per: per), end)
    }

    /// True when a word shortly before `i` makes `2-1` a score (`kalah 0-3`, `dengan skor akhir 15-21`).
    private func isScore(before i: Int) -> Bool {
        for k in Swift.max(0, i - 3)..<i {
            if let w = word(k), NumberLexicon.scoreWords.contains(w) { return true }
        }
        return false
    }

    /// Low and high values of a range, or nil when the two sides do not make one (`3-1` is a score, `5 persen hingga 2030` is not a range).
    private static func rangeEnds(_ low: Side, _ high: Side, dash: Bool) -> (low: Double, high: Double)? {
        guard low.vague == nil, high.vague == nil, var lowValue = low.value, let highValue = high.value else { return nil }
        if let a = low.currency, let b = high.currency, a != b { return nil }
        if low.currency != nil, high.currency == nil {
            guard low.currencyBefore, dash || high.exponent != nil else { return nil }
        }
        if low.percent, !high.percent { return nil }
        if low.exponent == nil, let e = high.exponent, let m = low.mantissa, let scaled = Double("\(m)e\(e)"), scaled < highValue {
            lowValue = scaled
        }
        /// Negative ranges are written either way round (`-1 hingga -2 persen`).
        if lowValue < 0, highValue < 0, highValue < lowValue { return (highValue, lowValue) }
        guard lowValue < highValue else { return nil }
        return (lowValue, highValue)
    }

    private func qualifierPhrase(at k: Int) -> (phrase: String, next: Int)? {
        guard let w = word(k), let phrases = NumberLexicon.qualifiersByFirstWord[w] else { return nil }
        for phrase in phrases where phrase.indices.allSatisfy({ word(k + $0) == phrase[$0] }) {
            return (phrase.joined(separator: " "), k + phrase.count)
        }
        return nil
    }

    /// Index after a range connector at `k` (`-`, `–`, `sampai`, `hingga`, `s.d.`, `s/d`, `dan` after `antara`), or nil.
    private func rangeConnector(at k: Int, afterAntara: Bool) -> Int? {
        if let s = symbol(k), NumberLexicon.rangeDashes.contains(s) { return k + 1 }
        guard let w = word(k) else { return nil }
        if w == "sampai", word(k + 1) == "dengan" { return k + 2 }
        if NumberLexicon.rangeWords.contains(w) { return k + 1 }
        if w == "dan", afterAntara { return k + 1 }
        if w == "s", let s = symbol(k + 1), s == "." || s == "/", glued(k + 1), word(k + 2) == "d", glued(k + 2) {
            return symbol(k + 3) == "." && glued(k + 3) ? k + 4 : k + 3
        }
        return nil
    }

    /// True when an amount (digits, a number word, a vague word or a signed number) starts at `k`.
    private func startsAmount(at k: Int) -> Bool {
        if isNumber(k) { return true }
        if let s = symbol(k), NumberLexicon.minusSigns.contains(s), isNumber(k + 1), glued(k + 1) { return true }
        guard let w = word(k) else { return false }
        return NumberLexicon.vague.contains(w) || NumberLexicon.units[w] != nil || NumberLexicon.tens[w] != nil
            || NumberLexicon.fractions[w] != nil || NumberLexicon.unitScales[w] != nil
            || w == NumberLexicon.oneHundred || NumberLexicon.negativeWords.contains(w)
    }

    /// One amount from `start`; `moneyContext` lets `M`/`T` scale it (the low end had a currency), `allowsMinus` is
    /// false after a dash connector so `10 - -5` cannot arise.
    private func side(at start: Int, moneyContext: Bool, allowsMinus: Bool) -> Side? {
        var j = start
        var result = Side(next: start)
        if let prefix = currencyPrefix(at: j), startsAmount(at: prefix.next) {
            result.currency = prefix.code
            result.otherCurrency = prefix.code == nil
            result.currencyBefore = true
            j = prefix.next
        }
        var negative = false
        if let w = word(j), NumberLexicon.negativeWords.contains(w), startsAmount(at: j + 1) {
            negative = true
            j += 1
        } else if allowsMinus, let s = symbol(j), NumberLexicon.minusSigns.contains(s), isNumber(j + 1), glued(j + 1),
                  !glued(j) || symbol(j - 1).map(NumberLexicon.openingSymbols.contains) == true {
            negative = true
            j += 1
        }
        let money = moneyContext || result.currencyBefore
        var k: Int
        if isNumber(j) {
            if skippedLength(at: j, afterCurrency: result.currencyBefore || negative) != nil { return nil }
            guard let digits = digitAmount(at: j, money: money) else { return nil }
            result.value = digits.value
            result.exponent = digits.exponent
            result.mantissa = digits.mantissa
            result.clockLike = digits.clockLike
            result.rough = digits.rough
            k = digits.next
        } else if let w = word(j) {
            if NumberLexicon.vague.contains(w) {
                guard !negative else { return nil }
                var phrase = w
                k = j + 1
                if let scale = word(k), NumberLexicon.scales[scale] != nil, scale.count > 2 {
                    phrase += " " + scale
                    k += 1
                }
                result.vague = phrase
            } else if let n = wordNumber(from: j, firstWord: nil) {
                result.value = n.value
                result.exponent = n.exponent
                result.mantissa = n.exponent == nil ? String(n.value) : nil
                result.rough = n.rough
                k = n.next
            } else {
                return nil
            }
        } else {
            return nil
        }
        if negative {
            result.value = result.value.map { -$0 }
            result.mantissa = result.mantissa.map { "-" + $0 }
        }
        /// Rupiah notation closes whole amounts with `,-` or `.-` (`Rp50.000,-`).
        if money, let s = symbol(k), s == "," || s == ".", glued(k), isHyphen(k + 1), glued(k + 1) { k += 2 }
        if let suffix = currencySuffix(at: k), !result.currencyBefore || suffix.code == result.currency {
            if !result.currencyBefore {
                result.currency = suffix.code
                result.otherCurrency = suffix.code == nil
            }
            k = suffix.next
        } else if result.currency == nil, !result.otherCurrency, let p = percentEnd(at: k) {
            result.percent = true
            k = p
        }
        result.next = k
        return result
    }

    private struct DigitAmount {
        var value: Double
        var exponent: Int?
        var mantissa: String
        var clockLike: Bool
        /// Written with a rough scale (`1,4 jutaan`).
        var rough: Bool
        var next: Int
    }

    /// Digits at `j` with the scale written after them (`849 ribu`, `1,79 juta`, `100K`, `Rp5 M`, `1 juta 500 ribu`).
    private func digitAmount(at j: Int, money: Bool) -> DigitAmount? {
        let raw = lexemes[j].key
        guard let text = Self.decimalText(raw) else { return nil }
        var k = j + 1
        var exponent: Int?
        var rough = false
        if k < lexemes.count, lexemes[k].kind == .word {
            let after = lexemes[k]
            if let e = scaleExponent(after, money: money) {
                exponent = e
                k += 1
            } else if let e = NumberLexicon.roughScales[after.key] {
                exponent = e
                rough = true
                k += 1
            } else if after.glued {
                /// A glued word other than a currency, percent or unit makes the digits part of a name (`5G`, `3D`).
                let allowed = NumberLexicon.currencySuffixWords[after.key] != nil
                    || NumberLexicon.otherCurrencies.contains(after.key)
                    || NumberLexicon.percentWords.contains(after.key)
                    || NumberLexicon.gluedUnits.contains(original(after))
                guard allowed else { return nil }
            }
        }
        if isHyphen(k), glued(k), word(k + 1) == NumberLexicon.approximateSuffix, glued(k + 1) { return nil }
        guard var value = Double(text + "e" + String(exponent ?? 0)) else { return nil }
        if let first = exponent, !rough {
            var last = first
            while isNumber(k), !glued(k), Self.isPlainDigits(lexemes[k].key), k + 1 < lexemes.count,
                  let e = scaleExponent(lexemes[k + 1], money: money), e < last, !glued(k + 1),
                  let part = Double(lexemes[k].key + "e" + String(e)) {
                value += part
                last = e
                k += 2
            }
        }
        let scalars = Array(raw.unicodeScalars)
        let clockLike = scalars.count >= 4 && scalars.count <= 5 && scalars[scalars.count - 3] == "."
        return DigitAmount(value: value, exponent: exponent, mantissa: text, clockLike: clockLike, rough: rough, next: k)
    }

    private func scaleExponent(_ lexeme: NumberLexeme, money: Bool) -> Int? {
        guard lexeme.kind == .word else { return nil }
        if let e = NumberLexicon.scales[lexeme.key] { return e }
        guard lexeme.range.count == 1 else { return nil }
        let letter = original(lexeme)
        if money, let e = NumberLexicon.moneyScaleLetters[letter] { return e }
        if lexeme.glued, NumberLexicon.thousandsLetters.contains(letter) { return 3 }
        return nil
    }

    /// Decimal text (`1600`, `126.65`) of a digit run in Indonesian notation, or nil when the run is not one number.
    static func decimalText(_ raw: String) -> String? {
        var groups: [String] = [""]
        var separators: [Unicode.Scalar] = []
        for c in raw.unicodeScalars {
            if c == "." || c == "," {
                separators.append(c)
                groups.append("")
            } else {
                groups[groups.count - 1].unicodeScalars.append(c)
            }
        }
        guard let firstGroup = groups.first, let lastGroup = groups.last else { return nil }
        if separators.isEmpty { return firstGroup }
        if firstGroup.isEmpty {
            return separators == [","] ? "0." + lastGroup : nil
        }
        func isThousands(_ gs: ArraySlice<String>) -> Bool {
            guard let head = gs.first, (1...3).contains(head.count) else { return false }
            return gs.dropFirst().allSatisfy { $0.count == 3 }
        }
        let dots = separators.filter { $0 == "." }.count
        if dots == separators.count {
            if isThousands(groups[...]), firstGroup != "0" { return groups.joined() }
            return separators.count == 1 ? firstGroup + "." + lastGroup : nil
        }
        if dots == 0 {
            /// `27,000` groups thousands English style: nobody writes a decimal to three zeros.
            if separators.count == 1, lastGroup == "000", (1...3).contains(firstGroup.count) { return firstGroup + lastGroup }
            if separators.count == 1 { return firstGroup + "." + lastGroup }
            return isThousands(groups[...]) ? groups.joined() : nil
        }
        /// Mixed: one kind groups thousands and the other, once and last, is the decimal point (`1.234,5`, `1,234.5`).
        guard let decimal = separators.last, separators.dropLast().allSatisfy({ $0 != decimal }),
              isThousands(groups.dropLast()) else { return nil }
        return groups.dropLast().joined() + "." + lastGroup
    }

    // MARK: - Number words

    private struct WordAmount {
        var value: Double
        var exponent: Int?
        /// Ends in a rough scale (`satu jutaan`).
        var rough: Bool
        var next: Int
    }

    /// Composed number words from `start` (`dua ribu dua ratus tiga puluh lima`, `satu koma lima juta`, `satu setengah`);
    /// `firstWord` replaces the first word (the rest of `keempat`).
    private func wordNumber(from start: Int, firstWord: String?) -> WordAmount? {
        func w(_ k: Int) -> String? { k == start ? (firstWord ?? word(k)) : word(k) }
        var k = start
        var total = 0.0
        var lastExponent = Int.max
        var firstExponent: Int?
        var isFirst = true
        while let g = group(at: k, start: start, firstWord: firstWord, isFirst: isFirst) {
            if let e = g.unitScale {
                guard e < lastExponent, let part = Double("1e\(e)") else { break }
                total += part
                lastExponent = e
                firstExponent = firstExponent ?? e
                isFirst = false
                k = g.next
                continue
            }
            var text = String(Int(g.value))
            var next = g.next
            if !g.whole {
                text = String(g.value)
            } else if isFirst, w(next) == NumberLexicon.decimalPoint, let d = decimalWords(from: next + 1, w) {
                text += "." + d.digits
                next = d.next
            } else if g.value >= 1, w(next) == NumberLexicon.half {
                text += ".5"
                next += 1
            }
            if let scale = w(next), let e = NumberLexicon.scales[scale], e < lastExponent, let part = Double(text + "e\(e)") {
                total += part
                lastExponent = e
                firstExponent = firstExponent ?? e
                isFirst = false
                k = next + 1
                continue
            }
            if let scale = w(next), let e = NumberLexicon.roughScales[scale], e < lastExponent, let part = Double(text + "e\(e)") {
                total += part
                firstExponent = firstExponent ?? e
                return WordAmount(value: total, exponent: firstExponent, rough: true, next: next + 1)
            }
            total += Double(text) ?? g.value
            k = next
            break
        }
        guard k > start else { return nil }
        return WordAmount(value: total, exponent: firstExponent, rough: false, next: k)
    }

    /// Digit words after `koma`: `dua koma lima` → "5", `tiga koma satu empat` → "14".
    private func decimalWords(from k0: Int, _ w: (Int) -> String?) -> (digits: String, next: Int)? {
        var k = k0
        var digits = ""
        while let word = w(k), let u = NumberLexicon.units[word] {
            digits += String(u)
            k += 1
        }
        return digits.isEmpty ? nil : (digits, k)
    }

    /// A number below a thousand in words (`seratus dua puluh dua`), a fraction (`setengah`, first only), zero (first
    /// only) or a scale word that carries its own one (`seribu`).
    private func group(at k0: Int, start: Int, firstWord: String?, isFirst: Bool)
        -> (value: Double, next: Int, unitScale: Int?, whole: Bool)? {
        func w(_ k: Int) -> String? { k == start ? (firstWord ?? word(k)) : word(k) }
        func unit(_ k: Int) -> Int? { w(k).flatMap { NumberLexicon.units[$0] }.flatMap { $0 > 0 ? $0 : nil } }
        var k = k0
        var value = 0
        var matched = false
        if w(k) == NumberLexicon.oneHundred {
            value = 100
            k += 1
            matched = true
        } else if let u = unit(k), w(k + 1) == NumberLexicon.hundred {
            value = u * 100
            k += 2
            matched = true
        }
        if let t = w(k).flatMap({ NumberLexicon.tens[$0] }) {
            return (Double(value + t), k + 1, nil, true)
        }
        if let u = unit(k) {
            let after = w(k + 1)
            if after == NumberLexicon.teen { return (Double(value + 10 + u), k + 2, nil, true) }
            if after == NumberLexicon.ten {
                value += 10 * u
                k += 2
                if let u2 = unit(k), ![NumberLexicon.hundred, NumberLexicon.teen, NumberLexicon.ten].contains(w(k + 1)) {
                    value += u2
                    k += 1
                }
                return (Double(value), k, nil, true)
            }
            if after != NumberLexicon.hundred { return (Double(value + u), k + 1, nil, true) }
        }
        if matched { return (Double(value), k, nil, true) }
        guard isFirst, let word = w(k) else {
            if let e = w(k).flatMap({ NumberLexicon.unitScales[$0] }) { return (1, k + 1, e, true) }
            return nil
        }
        if word == "nol" || (word == NumberLexicon.zeroWhenAlone && lexemes.count == 1) { return (0, k + 1, nil, true) }
        if let f = NumberLexicon.fractions[word] { return (f, k + 1, nil, false) }
        if let e = NumberLexicon.unitScales[word] { return (1, k + 1, e, true) }
        return nil
    }

    // MARK: - Currency, percent, per-unit

    /// Currency written before an amount (`Rp`, `Rp.`, `IDR`, `US$`, `$`, `€`); a nil code is a currency without one here (`S$`, `RM`).
    private func currencyPrefix(at k: Int) -> (code: String?, next: Int)? {
        guard k >= 0, k < lexemes.count else { return nil }
        let lexeme = lexemes[k]
        switch lexeme.kind {
        case .word:
            if let code = NumberLexicon.currencyPrefixWords[lexeme.key] {
                let dotted = lexeme.key == "rp" && symbol(k + 1) == "." && glued(k + 1)
                return (code, dotted ? k + 2 : k + 1)
            }
            if let s = symbol(k + 1), NumberLexicon.currencySymbols[s] != nil, glued(k + 1) {
                return (lexeme.key == "us" ? "USD" : nil, k + 2)
            }
            if NumberLexicon.otherCurrencies.contains(lexeme.key), isUppercase(lexeme) {
                return (nil, k + 1)
            }
            return nil
        case .symbol:
            guard let s = lexeme.symbol, let code = NumberLexicon.currencySymbols[s] else { return nil }
            if glued(k), word(k - 1) != nil { return (word(k - 1) == "us" ? code : nil, k + 1) }
            return (code, k + 1)
        case .number:
            return nil
        }
    }

    /// Currency written after an amount (`rupiah`, `dolar AS`, `Euro`, `pound sterling`, `$`, `¥`); nil code as in `currencyPrefix`.
    private func currencySuffix(at k: Int) -> (code: String?, next: Int)? {
        guard k < lexemes.count else { return nil }
        let lexeme = lexemes[k]
        if let s = lexeme.symbol, let code = NumberLexicon.currencySymbols[s] {
            /// A symbol glued to the next digits is that amount's prefix.
            if startsAmount(at: k + 1), glued(k + 1) { return nil }
            return (code, k + 1)
        }
        guard let w = word(k) else { return nil }
        if let code = NumberLexicon.currencySuffixWords[w] {
            if NumberLexicon.currencyPrefixWords[w] != nil, startsAmount(at: k + 1) { return nil }
            var next = k + 1
            if w == "dolar" || w == "dollar", let country = word(next) {
                if NumberLexicon.usDollarCountries.contains(country) {
                    next += 1
                    if word(next) == "serikat" { next += 1 }
                } else if NumberLexicon.otherDollarCountries.contains(country) {
                    next += 1
                    if let rest = word(next), rest == "kong" || rest == "baru" { next += 1 }
                    return (nil, next)
                }
            }
            if code == "GBP", word(next) == "sterling" { next += 1 }
            return (code, next)
        }
        if NumberLexicon.otherCurrencies.contains(w), w.count > 3 || isUppercase(lexeme) {
            return (nil, k + 1)
        }
        return nil
    }

    private func percentEnd(at k: Int) -> Int? {
        if symbol(k) == NumberLexicon.percentSymbol { return k + 1 }
        if let w = word(k), NumberLexicon.percentWords.contains(w) { return k + 1 }
        return nil
    }

    /// What money is counted per: `per bulan`, `setiap bulan`, `/orang`, `sebulan`; acronyms keep their capitals (`per KPM`).
    private func perUnit(at k: Int) -> (unit: String, next: Int)? {
        func name(_ lexeme: NumberLexeme) -> String {
            lexeme.range.count > 1 && isUppercase(lexeme) ? original(lexeme) : (lexeme.key.isEmpty ? original(lexeme).lowercased() : lexeme.key)
        }
        if let w = word(k) {
            if let period = NumberLexicon.perPeriods[w] { return (period, k + 1) }
            if NumberLexicon.perWords.contains(w), isRateUnit(at: k + 1) {
                /// `per dollar AS`: the country belongs to the unit.
                let country = word(k + 2).map(NumberLexicon.usDollarCountries.contains) ?? false
                let dollar = word(k + 1) == "dolar" || word(k + 1) == "dollar"
                return (name(lexemes[k + 1]), dollar && country ? k + 3 : k + 2)
            }
            return nil
        }
        if symbol(k) == "/", isRateUnit(at: k + 1) { return (name(lexemes[k + 1]), k + 2) }
        return nil
    }

    /// True when the word at `k` names what an amount is per, not a date it holds at (`per Agustus 2019`, `per hari ini`).
    private func isRateUnit(at k: Int) -> Bool {
        guard let w = word(k), !startsAmount(at: k), !NumberLexicon.asOfWords.contains(w) else { return false }
        if isNumber(k + 1) || word(k + 1) == "ini" { return false }
        if k + 1 < lexemes.count, lexemes[k + 1].kind == .word, scalars[lexemes[k + 1].range].allSatisfy(Self.isRomanDigit) { return false }
        return true
    }
}
