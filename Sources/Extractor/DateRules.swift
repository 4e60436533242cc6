import Corpus

/// A day and month, with the year when written, ending before token `end`.
struct DayMonth {
    var day: Int
    var month: Int
    var year: Int?
    /// True for a written 4-digit year (counted by `explicitYears`); false for `21/1/25`.
    var fullYear: Bool
    var end: Int
}

// MARK: - Numbers: 21 Januari 2025, 22/5/2025, 2025-01-21, 21–23 Januari, 2 tahun lalu

extension DateParser {
    func numberStep(at i: Int) -> DateStep? {
        guard !attachedBefore(i) else { return nil }
        if let (date, end) = isoDate(at: i) {
            return found(i, end - 1, .day(date), years: [date.year])
        }
        if let numeric = numericDate(at: i) {
            let inParentheses = isSymbol(i - 1, "(") && isSymbol(numeric.end, ")")
            /// Without a 4-digit year, `1/2` is a fraction or a score unless the context says date.
            guard numeric.fullYear || inParentheses || isWord(i - 1, in: Self.dateContextWords) else { return nil }
            guard let (value, warning) = dayValue(numeric, weekdayToken: nil) else { return nil }
            return found(i, numeric.end - 1, value, warning: warning, years: [numeric.fullYear ? numeric.year : nil])
        }
        if let range = dayRange(at: i) { return range }
        if let dm = dayMonth(at: i) {
            if let next = separator(at: dm.end), let to = dayMonth(at: next), let value = range(from: dm, to: to) {
                return found(i, to.end - 1, value, years: [dm.year, to.year])
            }
            guard let (value, warning) = dayValue(dm, weekdayToken: nil) else { return nil }
            return found(i, dm.end - 1, value, warning: warning, years: [dm.year])
        }
        if let count = number(i, digits: 1...3), count > 0, isWord(i + 1, in: Self.units),
           let end = pastMarker(at: i + 2) {
            return found(i, end - 1, unitsAgo(count, unit: tokens[i + 1].lower))
        }
        return nil
    }

    /// `2025-01-21` or `2025/01/21`.
    func isoDate(at i: Int) -> (CalendarDate, Int)? {
        guard let y = year(i), i + 4 < tokens.count, isSymbol(i + 1, "-") || isSymbol(i + 1, "/") else { return nil }
        let sep = tokens[i + 1].lower
        guard adjacent(i, i + 1), adjacent(i + 1, i + 2), let m = number(i + 2, digits: 1...2),
              isSymbol(i + 3, sep), adjacent(i + 2, i + 3), adjacent(i + 3, i + 4), let d = number(i + 4, digits: 1...2),
              let date = CalendarDate(year: y, month: m, day: d), !attachedAfter(i + 4) else { return nil }
        return (date, i + 5)
    }

    /// `22/5/2025`, `21/1`, `21/1/25`, `22-05-2025`, `22.05.2025` (dashes and dots only with a 4-digit year).
    func numericDate(at i: Int) -> DayMonth? {
        guard let d = number(i, digits: 1...2), i + 2 < tokens.count, tokens[i + 1].kind == .symbol else { return nil }
        let sep = tokens[i + 1].lower
        guard sep == "/" || sep == "-" || sep == ".", adjacent(i, i + 1), adjacent(i + 1, i + 2),
              let m = number(i + 2, digits: 1...2) else { return nil }
        var result = DayMonth(day: d, month: m, year: nil, fullYear: false, end: i + 3)
        if isSymbol(i + 3, sep), adjacent(i + 2, i + 3), adjacent(i + 3, i + 4) {
            if let y = year(i + 4) {
                result.year = y
                result.fullYear = true
            } else if let y = number(i + 4, digits: 2...2) {
                result.year = 2000 + y
            } else {
                return nil
            }
            result.end = i + 5
        }
        /// `2-1` is a score and `10.00` a time: dashes and dots need the full year.
        guard sep == "/" || result.fullYear, (1...12).contains(m), (1...31).contains(d),
              !attachedAfter(result.end - 1) else { return nil }
        return result
    }

    /// `21 Januari`, `21 Jan. 2025`, `21 Januari tahun 2025`.
    func dayMonth(at i: Int) -> DayMonth? {
        guard let d = number(i, digits: 1...2), (1...31).contains(d), i + 1 < tokens.count,
              tokens[i + 1].kind == .word, let m = tokens[i + 1].month else { return nil }
        var result = DayMonth(day: d, month: m, year: nil, fullYear: false, end: afterMonth(i + 1))
        let k = isWord(result.end, "tahun") ? result.end + 1 : result.end
        if let y = year(k), !attachedAfter(k) {
            result.year = y
            result.fullYear = true
            result.end = k + 1
        }
        return result
    }

    /// `21–23 Januari 2025`, `1 hingga 3 Juli`.
    func dayRange(at i: Int) -> DateStep? {
        guard let d = number(i, digits: 1...2), let next = separator(at: i + 1), let to = dayMonth(at: next),
              d < to.day else { return nil }
        let from = DayMonth(day: d, month: to.month, year: to.year, fullYear: false, end: i + 1)
        guard let value = range(from: from, to: to) else { return nil }
        return found(i, to.end - 1, value, years: [to.year])
    }

    /// A day range; a missing year is taken from the end (a year earlier when the months wrap: `28 Desember–3 Januari 2025`).
    func range(from: DayMonth, to: DayMonth) -> DateValue? {
        var endYear = to.year
        if endYear == nil, let y = from.year { endYear = to.month < from.month ? y + 1 : y }
        if endYear == nil {
            guard CalendarDate(year: 2024, month: to.month, day: to.day) != nil,
                  CalendarDate(year: 2024, month: from.month, day: from.day) != nil else { return nil }
            guard let completed = context.complete(day: to.day, month: to.month, weekday: nil) else {
                return .unresolved(.range)
            }
            endYear = completed.year
        }
        guard let y = endYear else { return nil }
        let startYear = from.year ?? (from.month > to.month ? y - 1 : y)
        guard let start = CalendarDate(year: startYear, month: from.month, day: from.day),
              let end = CalendarDate(year: y, month: to.month, day: to.day), start < end else { return nil }
        return .days(start, end)
    }

    /// A single day, its year completed from the context when missing, with a warning when the weekday disagrees.
    func dayValue(_ dm: DayMonth, weekdayToken: Int?) -> (DateValue, String?)? {
        guard (1...12).contains(dm.month) else { return nil }
        let weekday = weekdayToken.flatMap { tokens[$0].weekday }
        let date: CalendarDate
        if let y = dm.year {
            guard let written = CalendarDate(year: y, month: dm.month, day: dm.day) else { return nil }
            date = written
        } else {
            /// 29 February exists in some year, 31 April in none.
            guard CalendarDate(year: 2024, month: dm.month, day: dm.day) != nil else { return nil }
            guard let completed = context.complete(day: dm.day, month: dm.month, weekday: weekday) else {
                return (.unresolved(.day), nil)
            }
            date = completed
        }
        var warning: String?
        if let weekdayToken, let weekday, weekday != date.weekday {
            warning = "\(text(weekdayToken)) does not match \(date.iso) "
                + "(\(CalendarDate.indonesianWeekdayNames[date.weekday - 1]))"
        }
        return (.day(date), warning)
    }

    /// `3 hari lalu`, `dua pekan lalu`, `sebulan lalu`, `2 tahun lalu`.
    func unitsAgo(_ count: Int, unit: String) -> DateValue {
        guard let p = context.published else {
            switch unit {
            case "hari": return .unresolved(.day)
            case "bulan": return .unresolved(.month)
            case "tahun": return .unresolved(.year)
            default: return .unresolved(.range)
            }
        }
        switch unit {
        case "hari":
            return .day(p.adding(days: -count))
        case "bulan":
            let m = p.month(offset: -count)
            return .month(year: m.year, month: m.month)
        case "tahun":
            return .year(p.year - count)
        default:
            let monday = p.adding(days: -7 * count).mondayOfWeek
            return .days(monday, monday.adding(days: 6))
        }
    }
}

// MARK: - Words

extension DateParser {
    func wordStep(at i: Int) -> DateStep? {
        guard tokens[i].isVocabulary else { return nil }
        let word = tokens[i].lower
        if Self.regulationWords.contains(word) { return regulationSkip(at: i) }
        if let count = Self.countWords[word] {
            if isWord(i + 1, in: Self.units), let end = pastMarker(at: i + 2) {
                return found(i, end - 1, unitsAgo(count, unit: tokens[i + 1].lower))
            }
            return nil
        }
        if let unit = Self.singleUnitWords[word] {
            guard let end = pastMarker(at: i + 1) else { return nil }
            return found(i, end - 1, unitsAgo(1, unit: unit))
        }
        switch word {
        case "tahun":
            return yearWordStep(at: i)
        case "ta" where tokens[i].isAllCaps:
            return yearExpression(at: i + 1).map { found(i, $0.end - 1, $0.value, years: $0.years) }
        case "periode":
            return yearExpression(at: i + 1, allowSlash: true).map { found(i, $0.end - 1, $0.value, years: $0.years) }
        case "awal", "akhir", "pertengahan":
            return periodStep(at: i)
        case "bulan":
            return monthWordStep(at: i)
        case "pekan":
            return weekStep(at: i)
        case "minggu":
            /// `dua minggu ini` counts weeks; `hari Minggu lalu` is last Sunday; otherwise `minggu lalu` is last week.
            if isQuantity(i - 1) { return .skip(i + 1) }
            if isWord(i - 1, "hari") { return weekdayStep(at: i) }
            return weekStep(at: i) ?? weekdayStep(at: i)
        case "hari", "pagi", "siang", "sore", "malam":
            /// `hari-hari ini` means "these days", not today.
            guard !isQuantity(i - 1), !attachedBefore(i), isWord(i + 1, "ini") else { return nil }
            return found(i, i + 1, relativeDay(0))
        case "kemarin":
            if isWord(i + 1, "lusa") { return found(i, i + 1, relativeDay(-2)) }
            return found(i, i, relativeDay(-1))
        case "besok":
            return found(i, i, relativeDay(1))
        case "lusa":
            return found(i, i, relativeDay(2))
        case "ramadan", "ramadhan":
            return ramadan(first: i, at: i)
        default:
            break
        }
        if Self.yearPrepositions.contains(word) {
            let j = isWord(i + 1, "dengan") ? i + 2 : i + 1
            return yearExpression(at: j).map { found(j, $0.end - 1, $0.value, years: $0.years) }
        }
        if tokens[i].weekday != nil { return weekdayStep(at: i) }
        if tokens[i].month != nil, isStandaloneMonth(i) { return monthStep(first: i, at: i, alone: false) }
        return nil
    }

    /// `Nomor 81 Tahun 2022`, `No. 12/PMK.05/2020`: a regulation's number and year are not event dates.
    func regulationSkip(at i: Int) -> DateStep? {
        var j = i + 1
        while isSymbol(j, ".") || isSymbol(j, ":") { j += 1 }
        guard j < tokens.count, tokens[j].kind != .symbol else { return nil }
        j += 1
        while j < tokens.count, adjacent(j - 1, j) { j += 1 }
        if isWord(j, "tahun"), number(j + 1, digits: 4...4) != nil { j += 2 }
        return .skip(j)
    }

    /// A year or a year range at `j`: `2025`, `2023-2028`, `2020 hingga 2024`, with `2023/2024` when `allowSlash`.
    func yearExpression(at j: Int, allowSlash: Bool = false) -> (value: DateValue, end: Int, years: [Int])? {
        guard let from = year(j), !attachedBefore(j) else { return nil }
        var value = DateValue.year(from)
        var years = [from]
        var end = j + 1
        var next = separator(at: end)
        if next == nil, allowSlash, isSymbol(end, "/"), adjacent(j, end), adjacent(end, end + 1) { next = end + 1 }
        if let next, let to = year(next), to > from {
            value = .years(from, to)
            years.append(to)
            end = next + 1
        }
        /// `hingga 2025 orang` is a count; `2025.5` or `2025/...` is something else.
        guard !attachedAfter(end - 1), !isWord(end, in: Self.measureWords), !isSymbol(end, "%") else { return nil }
        return (value, end, years)
    }

    /// `tahun 2024`, `Tahun Anggaran 2025`, `tahun 2018-2022`, `tahun ini`, `tahun lalu`, `tahun depan`.
    func yearWordStep(at i: Int) -> DateStep? {
        if isQuantity(i - 1) {
            /// `UU 12 Tahun 2011`, `5 tahun`, `beberapa tahun lalu`: no date here.
            return .skip(year(i + 1) != nil ? i + 2 : i + 1)
        }
        var j = i + 1
        if isWord(j, in: ["anggaran", "ajaran", "buku", "fiskal"]) { j += 1 }
        if let expression = yearExpression(at: j, allowSlash: true) {
            return found(i, expression.end - 1, expression.value, years: expression.years)
        }
        guard j == i + 1 else { return nil }
        let p = context.published
        if isWord(j, "ini") { return found(i, j, p.map { .year($0.year) } ?? .unresolved(.year)) }
        if let end = pastMarker(at: j) { return found(i, end - 1, p.map { .year($0.year - 1) } ?? .unresolved(.year)) }
        if isWord(j, "depan") { return found(i, j, p.map { .year($0.year + 1) } ?? .unresolved(.year)) }
        return nil
    }

    /// `pekan lalu`, `minggu ini`, `pekan depan`: ISO weeks (Monday–Sunday) around the publication date.
    func weekStep(at i: Int) -> DateStep? {
        guard !isQuantity(i - 1) else { return nil }
        let offset: Int
        let end: Int
        if let past = pastMarker(at: i + 1) {
            offset = -1
            end = past
        } else if isWord(i + 1, "ini") {
            offset = 0
            end = i + 2
        } else if let next = nextMarker(at: i + 1) {
            offset = 1
            end = next
        } else {
            return nil
        }
        guard let p = context.published else { return found(i, end - 1, .unresolved(.range)) }
        let monday = p.adding(days: 7 * offset).mondayOfWeek
        return found(i, end - 1, .days(monday, monday.adding(days: 6)))
    }

    func relativeDay(_ offset: Int) -> DateValue {
        context.published.map { .day($0.adding(days: offset)) } ?? .unresolved(.day)
    }

    /// `Ramadan`, `bulan (suci) Ramadan`, `Ramadan 1446 H`: a real period whose Gregorian days are not computed here.
    func ramadan(first: Int, at i: Int) -> DateStep {
        var last = i
        if number(i + 1, digits: 4...4) != nil {
            last = i + 1
            if isWord(i + 2, in: ["h", "hijriah", "hijriyah"]) { last = i + 2 }
        }
        return found(first, last, .unresolved(.unknown))
    }
}

// MARK: - Months, periods and weekdays

extension DateParser {
    /// `bulan ini`, `bulan lalu`, `bulan depan`, `bulan Juli`, `bulan Ramadan`.
    func monthWordStep(at i: Int) -> DateStep? {
        guard !isQuantity(i - 1) else { return nil }
        let j = i + 1
        if isWord(j, "ramadan") || isWord(j, "ramadhan") { return ramadan(first: i, at: j) }
        if isWord(j, "suci"), isWord(j + 1, "ramadan") || isWord(j + 1, "ramadhan") { return ramadan(first: i, at: j + 1) }
        if j < tokens.count, tokens[j].month != nil { return monthStep(first: i, at: j, alone: true) }
        guard let (offset, end) = relativeOffset(at: j) else { return nil }
        guard let p = context.published else { return found(i, end - 1, .unresolved(.month)) }
        let m = p.month(offset: offset)
        return found(i, end - 1, .month(year: m.year, month: m.month))
    }

    /// -1 for `lalu`/`kemarin`, 0 for `ini`, +1 for `depan`/`mendatang`, with the index after the marker.
    func relativeOffset(at j: Int) -> (Int, Int)? {
        if let end = pastMarker(at: j) { return (-1, end) }
        if isWord(j, "ini") { return (0, j + 1) }
        if let end = nextMarker(at: j) { return (1, end) }
        return nil
    }

    /// A month reference at `j`: `Juli 2025`, `Juli lalu`, `Juli mendatang`, `Juli ini`, or (when `alone`) bare `Juli`,
    /// completed to the nearest such month.
    func monthReference(at j: Int, alone: Bool) -> (year: Int?, month: Int, end: Int, known: Bool, explicit: Int?)? {
        guard j < tokens.count, let m = tokens[j].month else { return nil }
        let after = afterMonth(j)
        let k = isWord(after, "tahun") ? after + 1 : after
        if let y = year(k), !attachedAfter(k) { return (y, m, k + 1, true, y) }
        let p = context.published
        if let end = pastMarker(at: after) {
            return (p.map { m <= $0.month ? $0.year : $0.year - 1 }, m, end, true, nil)
        }
        if let end = nextMarker(at: after) {
            return (p.map { m >= $0.month ? $0.year : $0.year + 1 }, m, end, true, nil)
        }
        if isWord(after, "ini") { return (p?.year, m, after + 1, true, nil) }
        if alone { return (context.completeMonth(m)?.year, m, after, true, nil) }
        return nil
    }

    /// `Juli 2025`, `Januari–April 2024`, `Januari hingga April 2024`, `Desember 2024 – Februari 2025`, `Juli lalu`.
    func monthStep(first: Int, at i: Int, alone: Bool) -> DateStep? {
        guard let m = tokens[i].month else { return nil }
        var afterFirst = afterMonth(i)
        var fromYear: Int?
        let k = isWord(afterFirst, "tahun") ? afterFirst + 1 : afterFirst
        if let y = year(k) {
            fromYear = y
            afterFirst = k + 1
        }
        if let next = separator(at: afterFirst), isStandaloneMonth(next), let m2 = tokens[next].month {
            let afterSecond = afterMonth(next)
            let k2 = isWord(afterSecond, "tahun") ? afterSecond + 1 : afterSecond
            if let y2 = year(k2), !attachedAfter(k2) {
                let y1 = fromYear ?? (m > m2 ? y2 - 1 : y2)
                if y1 * 12 + m < y2 * 12 + m2 {
                    return found(first, k2, .months(fromYear: y1, fromMonth: m, toYear: y2, toMonth: m2),
                                 years: [fromYear, y2])
                }
            }
        }
        guard let ref = monthReference(at: i, alone: alone) else { return nil }
        let value: DateValue = ref.year.map { .month(year: $0, month: ref.month) } ?? .unresolved(.month)
        return found(first, ref.end - 1, value, years: [ref.explicit])
    }

    /// `awal 2025`, `akhir tahun`, `akhir tahun lalu`, `pertengahan Juli 2025`, `akhir bulan ini`.
    func periodStep(at i: Int) -> DateStep? {
        guard let part = PeriodPart(word: tokens[i].lower) else { return nil }
        let j = i + 1
        let p = context.published
        func ofYear(_ y: Int?, last: Int, explicit: [Int] = []) -> DateStep {
            guard let y else { return found(i, last, .unresolved(.range)) }
            return found(i, last, .months(fromYear: y, fromMonth: part.months.lowerBound, toYear: y,
                                          toMonth: part.months.upperBound), years: explicit)
        }
        func ofMonth(_ y: Int?, _ m: Int, last: Int, explicit: [Int?] = []) -> DateStep {
            guard let y, let from = CalendarDate(year: y, month: m, day: part.days(year: y, month: m).lowerBound),
                  let to = CalendarDate(year: y, month: m, day: part.days(year: y, month: m).upperBound) else {
                return found(i, last, .unresolved(.range))
            }
            return found(i, last, .days(from, to), years: explicit)
        }
        if let y = year(j), let expression = yearExpression(at: j), expression.end == j + 1 {
            return ofYear(y, last: j, explicit: [y])
        }
        if isWord(j, "tahun") {
            if let y = year(j + 1), let expression = yearExpression(at: j + 1), expression.end == j + 2 {
                return ofYear(y, last: j + 1, explicit: [y])
            }
            if let (offset, end) = relativeOffset(at: j + 1) { return ofYear(p.map { $0.year + offset }, last: end - 1) }
            return ofYear(p?.year, last: j)
        }
        if isStandaloneMonth(j), let ref = monthReference(at: j, alone: true) {
            return ofMonth(ref.year, ref.month, last: ref.end - 1, explicit: [ref.explicit])
        }
        if isWord(j, "bulan") {
            if j + 1 < tokens.count, tokens[j + 1].month != nil, let ref = monthReference(at: j + 1, alone: true) {
                return ofMonth(ref.year, ref.month, last: ref.end - 1, explicit: [ref.explicit])
            }
            let (offset, end) = relativeOffset(at: j + 1) ?? (0, j + 1)
            let m = p?.month(offset: offset)
            return ofMonth(m?.year, m?.month ?? 1, last: end - 1)
        }
        return nil
    }

    /// `Selasa, 21 Januari 2025`, `Kamis (22/5/2025)`, `Selasa malam (21/1)`, `Senin lalu`, `Rabu mendatang`.
    func weekdayStep(at i: Int) -> DateStep? {
        guard let weekday = tokens[i].weekday else { return nil }
        var j = i + 1
        if isSymbol(j, ",") { j += 1 }
        /// Fillers between a weekday and its date: `Senin malam (20/1)`, `Senin dini hari (20/1)`, `Senin tanggal 20 Januari`.
        if isWord(j, in: Self.timesOfDay) {
            j += 1
        } else if isWord(j, "dini"), isWord(j + 1, "hari") {
            j += 2
        }
        if isWord(j, "tanggal") || isWord(j, "tgl") { j += 1 }
        if isSymbol(j, "(") {
            if let (date, end) = isoDate(at: j + 1), isSymbol(end, ")") {
                guard let (value, warning) = dayValue(DayMonth(day: date.day, month: date.month, year: date.year,
                                                               fullYear: true, end: end), weekdayToken: i)
                else { return nil }
                return found(i, end, value, warning: warning, years: [date.year])
            }
            if let numeric = numericDate(at: j + 1), isSymbol(numeric.end, ")") {
                guard let (value, warning) = dayValue(numeric, weekdayToken: i) else { return nil }
                return found(i, numeric.end, value, warning: warning, years: [numeric.fullYear ? numeric.year : nil])
            }
        }
        if let dm = dayMonth(at: j) ?? numericDate(at: j) {
            guard let (value, warning) = dayValue(dm, weekdayToken: i) else { return nil }
            return found(i, dm.end - 1, value, warning: warning, years: [dm.fullYear ? dm.year : nil])
        }
        guard let (direction, end) = relativeOffset(at: i + 1) else { return nil }
        guard let p = context.published else { return found(i, end - 1, .unresolved(.day)) }
        let date: CalendarDate
        switch direction {
        case -1:
            /// The most recent such weekday strictly before publication.
            let back = (p.weekday - weekday + 7) % 7
            date = p.adding(days: -(back == 0 ? 7 : back))
        case 1:
            /// The next such weekday strictly after publication.
            let ahead = (weekday - p.weekday + 7) % 7
            date = p.adding(days: ahead == 0 ? 7 : ahead)
        default:
            date = p.mondayOfWeek.adding(days: weekday - 1)
        }
        return found(i, end - 1, .day(date))
    }
}
