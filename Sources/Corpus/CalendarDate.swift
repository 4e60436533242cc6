import Foundation

/// A day in the proleptic Gregorian calendar, without time or zone.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil when the day does not exist (31 April, 29 February 2025).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first and last day an ISO year, month or day covers (`2025` → 2025-01-01, 2025-12-31; `2025-07` → 2025-07-01,
    /// 2025-07-31); nil for anything else.
    public static func dayBounds(of iso: some StringProtocol) -> (first: String, last: String)? {
        let p = iso.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard !p.contains(nil), let y = p.first ?? nil, (1...3).contains(p.count), iso.prefix(4).count == 4 else { return nil }
        switch p.count {
        case 1: return ("\(y)-01-01", "\(y)-12-31")
        case 2:
            guard let m = p[1], (1...12).contains(m) else { return nil }
            let month = String(format: "%04d-%02d", y, m)
            return (month + "-01", month + String(format: "-%02d", daysIn(month: m, year: y)))
        default:
            guard let day = CalendarDate(iso: String(iso)) else { return nil }
            return (day.iso, day.iso)
        }
    }

    /// `2025-01-21`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day in Western Indonesian Time (UTC+7), where the press releases are written, of a Unix time in seconds.
    public init(westernIndonesianDayOf unixSeconds: Int) {
        let local = unixSeconds + 7 * 3600
        self.init(daysSinceEpoch: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// ISO weekday: 1 = Monday (Senin) … 7 = Sunday (Minggu).
    public var weekday: Int {
        let w = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Indonesian (and English) names of months and weekdays as press releases write them.
public enum IndonesianCalendar {
    private static let months: [String: Int] = [
        "januari": 1, "jan": 1, "january": 1,
        "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
        "maret": 3, "mar": 3, "march": 3,
        "april": 4, "apr": 4,
        "mei": 5, "may": 5,
        "juni": 6, "jun": 6, "june": 6,
        "juli": 7, "jul": 7, "july": 7,
        "agustus": 8, "agt": 8, "agu": 8, "ags": 8, "agst": 8, "aug": 8, "august": 8,
        "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "okt": 10, "oct": 10, "october": 10,
        "november": 11, "nopember": 11, "nov": 11, "nop": 11,
        "desember": 12, "des": 12, "dec": 12, "december": 12,
    ]
    private static let weekdays: [String: Int] = [
        "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "jum'at": 5, "jumaat": 5,
        "sabtu": 6, "minggu": 7, "ahad": 7,
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
    public static let monthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                    "Agustus", "September", "Oktober", "November", "Desember"]

    /// 1…12 for a month name or abbreviation (case-insensitive, a trailing period ignored).
    public static func month(named name: some StringProtocol) -> Int? {
        var key = name.lowercased()
        if key.hasSuffix(".") { key.removeLast() }
        return months[key]
    }

    /// 1 (Senin) … 7 (Minggu) for a weekday name.
    public static func weekday(named name: some StringProtocol) -> Int? {
        let key = name.lowercased()
        // Foundation's replace is slow and this runs on every capitalised word: only pay for it when there is a ’.
        return weekdays[key.unicodeScalars.contains("’") ? key.replacingOccurrences(of: "’", with: "'") : key]
    }
}
