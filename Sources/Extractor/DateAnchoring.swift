import Corpus

/// What a recognized expression means, before it is rendered as ISO text.
enum DateValue: Equatable, Sendable {
    case day(CalendarDate)
    case days(CalendarDate, CalendarDate)
    case month(year: Int, month: Int)
    case months(fromYear: Int, fromMonth: Int, toYear: Int, toMonth: Int)
    case year(Int)
    case years(Int, Int)
    /// Recognized, but its time cannot be known (no anchor, or an open span like Ramadan).
    case unresolved(DateGranularity)
}

/// Which part of a year or month `awal` / `pertengahan` / `akhir` names.
enum PeriodPart: Sendable {
    case early, middle, late

    init?(word: String) {
        switch word {
        case "awal": self = .early
        case "pertengahan": self = .middle
        case "akhir": self = .late
        default: return nil
        }
    }

    /// Months covered within a year: first quarter, middle third, last quarter.
    var months: ClosedRange<Int> {
        switch self {
        case .early: return 1...3
        case .middle: return 5...8
        case .late: return 10...12
        }
    }

    /// Days covered within a month: the three dekads (1–10, 11–20, 21–end).
    func days(year: Int, month: Int) -> ClosedRange<Int> {
        switch self {
        case .early: return 1...10
        case .middle: return 11...20
        case .late: return 21...CalendarDate.daysIn(month: month, year: year)
        }
    }
}

extension CalendarDate {
    /// Indonesian weekday names indexed by `weekday - 1`, for warnings.
    static let indonesianWeekdayNames = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

    /// Monday of this day's ISO week.
    var mondayOfWeek: CalendarDate { adding(days: 1 - weekday) }

    /// The month `offset` months from this day's month, as (year, month).
    func month(offset: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + offset
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return (y, index - y * 12 + 1)
    }
}

/// Completes partial dates against the document's anchor.
extension DateContext {
    /// The year that puts day/month nearest the publication date; ties go to the earlier date (news reports the past).
    /// Without a publication date, only a weekday can decide, and only when exactly one candidate year fits.
    func complete(day: Int, month: Int, weekday: Int?) -> CalendarDate? {
        if let published {
            var best: CalendarDate?
            var bestDistance = Int.max
            for year in (published.year - 1)...(published.year + 1) {
                guard let date = CalendarDate(year: year, month: month, day: day) else { continue }
                let distance = abs(date.daysSinceEpoch - published.daysSinceEpoch)
                if distance < bestDistance {
                    best = date
                    bestDistance = distance
                }
            }
            return best
        }
        guard let weekday else { return nil }
        // The document's own years with a year either side, and the others' years alone, not a year either side: a
        // weekday written wrong (`Selasa (25/9)` in a report of September 2019) fits a neighbouring year (2018) more
        // often than the document is of one. Both, because a year the document names may be history (`lahir 1991`,
        // `sejak 1998`) while its weekdays are of the others' time.
        let years = Set(documentYears.flatMap { [$0 - 1, $0, $0 + 1] }).union(batchYears)
        let candidates: [CalendarDate]
        if !years.isEmpty {
            candidates = years.sorted().compactMap { CalendarDate(year: $0, month: month, day: day) }
        } else {
            /// Six years up to today, and not after today: the document was written before it was read.
            candidates = ((today.year - 5)...today.year).compactMap { CalendarDate(year: $0, month: month, day: day) }
                .filter { $0 <= today }
        }
        let fitting = candidates.filter { $0.weekday == weekday }
        return fitting.count == 1 ? fitting.first : nil
    }

    /// The year that puts the month nearest the publication month; ties go to the earlier one.
    func completeMonth(_ month: Int) -> (year: Int, month: Int)? {
        guard let published else { return nil }
        let anchor = published.year * 12 + published.month
        var best: Int?
        for year in (published.year - 1)...(published.year + 1) {
            let distance = abs(year * 12 + month - anchor)
            if let current = best, abs(current * 12 + month - anchor) <= distance { continue }
            best = year
        }
        return best.map { ($0, month) }
    }
}

extension DateValue {
    /// Renders the value as ISO 8601 with its granularity and covered days.
    var rendered: (normalized: String?, granularity: DateGranularity, start: CalendarDate?, end: CalendarDate?) {
        switch self {
        case .day(let date):
            return (date.iso, .day, date, date)
        case .days(let from, let to):
            return ("\(from.iso)/\(to.iso)", .range, from, to)
        case .month(let year, let month):
            let first = CalendarDate(year: year, month: month, day: 1)
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
            return (Self.monthISO(year, month), .month, first, last)
        case .months(let fromYear, let fromMonth, let toYear, let toMonth):
            let first = CalendarDate(year: fromYear, month: fromMonth, day: 1)
            let last = CalendarDate(year: toYear, month: toMonth, day: CalendarDate.daysIn(month: toMonth, year: toYear))
            return ("\(Self.monthISO(fromYear, fromMonth))/\(Self.monthISO(toYear, toMonth))", .range, first, last)
        case .year(let year):
            return (Self.pad(year, 4), .year, CalendarDate(year: year, month: 1, day: 1),
                    CalendarDate(year: year, month: 12, day: 31))
        case .years(let from, let to):
            return ("\(Self.pad(from, 4))/\(Self.pad(to, 4))", .range, CalendarDate(year: from, month: 1, day: 1),
                    CalendarDate(year: to, month: 12, day: 31))
        case .unresolved(let granularity):
            return (nil, granularity, nil, nil)
        }
    }

    private static func monthISO(_ year: Int, _ month: Int) -> String {
        "\(pad(year, 4))-\(pad(month, 2))"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
