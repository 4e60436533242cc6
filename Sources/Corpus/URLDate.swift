/// The publication date a news URL carries, for documents whose text and metadata give none.
///
/// Two conventions of Indonesian news sites:
/// - the date as path segments, `…/read/2019/09/20/…` (kompas.com, okezone.com, tribunnews.com): year, month and day
///   in a row, on any site (on the news corpus they agree with the records' own dates for all 9,386 that have both);
/// - on sindonews.com, a Unix time closing the last segment, `…/hadapi-pilkada-2020-…-1568471733`: ten digits after
///   a hyphen, read as a day in Western Indonesian Time (UTC+7). Only there: elsewhere ten digits may be an article's
///   number.
///
/// A year and a month alone (`…/2019/10/…`) give no day, and give nothing. Numbers out of range (a month 13, a time
/// before 2000 or after 2099) are no date.
public enum URLDate {
    public static func date(in url: String) -> CalendarDate? {
        // Host and path: after the scheme, before the query and the fragment.
        guard let scheme = url.firstRange(of: "://") else { return nil }
        let address = url[scheme.upperBound...].prefix { $0 != "?" && $0 != "#" }
        guard let slash = address.firstIndex(of: "/") else { return nil }
        let host = address[..<slash].lowercased()
        let segments = address[slash...].split(separator: "/")
        func number(_ s: Substring, digits: ClosedRange<Int>) -> Int? {
            digits.contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(s) : nil
        }
        for k in segments.indices.dropLast(2) {
            if let year = number(segments[k], digits: 4...4), (1990...2099).contains(year),
               let month = number(segments[k + 1], digits: 1...2), let day = number(segments[k + 2], digits: 1...2),
               let date = CalendarDate(year: year, month: month, day: day) {
                return date
            }
        }
        guard host == "sindonews.com" || host.hasSuffix(".sindonews.com"),
              let last = segments.last, let hyphen = last.lastIndex(of: "-") else { return nil }
        let stamp = last[last.index(after: hyphen)...].prefix { $0 != "." }  // `…-1568471733.html`
        guard let seconds = number(stamp, digits: 10...10), (946_684_800..<4_102_444_800).contains(seconds) else { return nil }
        return CalendarDate(westernIndonesianDayOf: seconds)
    }
}
