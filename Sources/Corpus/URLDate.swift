/// The publication date a news URL carries, for documents whose text and metadata give none.
///
/// Two conventions, common on Indonesian news sites:
/// - the date as path segments, `…/read/2019/09/20/…` (kompas.com, okezone.com): year, month and day in a row;
/// - a Unix time closing the last segment, `…/hadapi-pilkada-2020-…-1568471733` (sindonews.com): ten digits after a
///   hyphen, read as a day in Western Indonesian Time (UTC+7), the sites' time zone.
///
/// A year and a month alone (`…/2019/10/…`) give no day, and give nothing. Numbers out of range (a month 13, a time
/// before 2000 or after 2099) are no date.
public enum URLDate {
    public static func date(in url: String) -> CalendarDate? {
        // The path: after the scheme and host, without query and fragment.
        guard let hostStart = url.firstRange(of: "://") else { return nil }
        let afterHost = url[hostStart.upperBound...].drop { $0 != "/" }
        let path = afterHost.prefix { $0 != "?" && $0 != "#" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for k in segments.indices.dropLast(2) {
            guard segments[k].count == 4, let year = Int(segments[k]), (1990...2099).contains(year),
                  (1...2).contains(segments[k + 1].count), let month = Int(segments[k + 1]),
                  (1...2).contains(segments[k + 2].count), let day = Int(segments[k + 2]),
                  let date = CalendarDate(year: year, month: month, day: day) else { continue }
            return date
        }
        guard let last = segments.last, let hyphen = last.lastIndex(of: "-") else { return nil }
        var stamp = last[last.index(after: hyphen)...]
        if let dot = stamp.firstIndex(of: ".") { stamp = stamp[..<dot] }  // `…-1568471733.html`
        guard stamp.count == 10, stamp.allSatisfy(\.isASCII), let seconds = Int(stamp),
              (946_684_800..<4_102_444_800).contains(seconds) else { return nil }
        let westernIndonesia = 7 * 3600
        return CalendarDate(daysSinceEpoch: (seconds + westernIndonesia) / 86_400)
    }
}
