import Extractor
import Foundation

/// Timeline formats: a table, CSV for spreadsheets, JSON, Markdown, an iCalendar file, TimelineJS3 data and a printable page.
public enum TimelineFormat: String, Sendable, CaseIterable {
    case table, csv, json, md, ics, timelinejs, html
}

public enum TimelineRender {
    public static func render(_ entries: [TimelineEntry], as format: TimelineFormat, title: String) throws -> String {
        switch format {
        case .table: return table(entries)
        case .csv: return csv(entries)
        case .json: return try json(entries)
        case .md: return markdown(entries, title: title)
        case .ics: return ics(entries, title: title)
        case .timelinejs: return try timelineJS(entries, title: title)
        case .html: return html(entries, title: title)
        }
    }

    /// Its participants and amounts of money: `1600 peserta, Rp2 miliar`.
    static func figures(_ e: TimelineEntry) -> String {
        (e.figures.map { "\(QueryEngine.format($0.value)) \($0.unit ?? "")".trimmingCharacters(in: .whitespaces) } + e.amounts.map(\.display))
            .joined(separator: ", ")
    }

    static func table(_ entries: [TimelineEntry]) -> String {
        if entries.isEmpty { return "no events" }
        return entries.map { e in
            var head = [e.displayDate.padding(toLength: 18, withPad: " ", startingAt: 0), e.headline]
            if let p = e.place { head.append("@ " + p) }
            let f = figures(e)
            if !f.isEmpty { head.append(f) }
            return head.joined(separator: "  ") + "\n    \(e.document.title ?? e.document.source) · \(e.document.outlet ?? "?") · \(e.document.published ?? "undated") · [\(e.span[0]), \(e.span[1]))"
        }.joined(separator: "\n")
    }

    // MARK: - CSV (RFC 4180)

    static let csvHeader = ["date", "precision", "display_date", "actor", "action", "program", "place", "figures", "sentence",
                            "document_title", "outlet", "published", "source", "url", "start", "end"]

    static func csv(_ entries: [TimelineEntry]) -> String {
        var rows = [csvHeader]
        for e in entries {
            rows.append([e.date ?? "", e.precision ?? "", e.displayDate, e.actor ?? "", e.action, e.program ?? "", e.place ?? "", figures(e),
                         e.sentence, e.document.title ?? "", e.document.outlet ?? "", e.document.published ?? "", e.document.source, e.url ?? "",
                         String(e.span[0]), String(e.span[1])])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - JSON and Markdown

    static func json(_ entries: [TimelineEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }

    static func markdown(_ entries: [TimelineEntry], title: String) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["# \(cell(title))", "", "| Tanggal | Pelaku | Kegiatan | Program | Tempat | Angka | Sumber |", "|---|---|---|---|---|---|---|"]
        for e in entries {
            let source = "\(e.document.title ?? e.document.source) (\(e.document.outlet ?? "?"), \(e.document.published ?? "tanpa tanggal"))"
            lines.append("| \(cell(e.displayDate)) | \(cell(e.actor ?? "")) | \(cell(e.action)) | \(cell(e.program ?? "")) | \(cell(e.place ?? "")) | \(cell(figures(e))) | \(cell(source)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - iCalendar (RFC 5545)

    /// All-day events; a month or year spans the whole month or year; undated events cannot be placed and are left out.
    static func ics(_ entries: [TimelineEntry], title: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kb//Indonesian press-release knowledge base//ID", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + icsText(title)]
        let stamp = icsStamp(Date())
        for e in entries {
            guard let start = e.start, let end = e.end, let last = CalendarDateISO(end) else { continue }
            lines += ["BEGIN:VEVENT",
                      "UID:kb-event-\(e.id)-\(e.document.id)@kb",
                      "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(start.replacingOccurrences(of: "-", with: ""))",
                      "DTEND;VALUE=DATE:\(last.nextDay)",
                      "SUMMARY:" + icsText(e.headline),
                      "DESCRIPTION:" + icsText("\(e.displayDate): \(e.sentence)\nSumber: \(e.document.title ?? e.document.source), \(e.document.outlet ?? "?"), \(e.document.published ?? "tanpa tanggal")")]
            if let place = e.place { lines.append("LOCATION:" + icsText(place)) }
            if let url = e.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks.
    static func icsText(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var octets = 0
        for ch in line {
            let size = String(ch).utf8.count
            let limit = result.isEmpty ? 75 : 74
            if octets + size > limit {
                result.append(current)
                current = ""
                octets = 0
            }
            current.append(ch)
            octets += size
        }
        result.append(current)
        return result.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }
    }

    static func icsStamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    struct CalendarDateISO {
        var year: Int, month: Int, day: Int
        init?(_ iso: String) {
            let p = iso.split(separator: "-").compactMap { Int($0) }
            guard p.count == 3 else { return nil }
            (year, month, day) = (p[0], p[1], p[2])
        }
        /// The day after, as iCalendar's exclusive DTEND wants it.
        var nextDay: String {
            let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            var (y, m, d) = (year, month, day + 1)
            if d > days { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            return String(format: "%04d%02d%02d", y, m, d)
        }
    }

    // MARK: - TimelineJS3

    struct TJSDate: Encodable { var year: Int; var month: Int?; var day: Int? }
    struct TJSText: Encodable { var headline: String; var text: String }
    struct TJSEvent: Encodable {
        var start_date: TJSDate
        var end_date: TJSDate?
        var text: TJSText
        var unique_id: String
        var display_date: String
        var group: String?
    }
    struct TJSTimeline: Encodable { var title: TJSTitle?; var events: [TJSEvent] }
    struct TJSTitle: Encodable { var text: TJSText }

    /// The TimelineJS3 JSON: dates only as precise as known, the source linked in the text.
    static func timelineJS(_ entries: [TimelineEntry], title: String) throws -> String {
        func date(_ s: String) -> TJSDate? {
            let p = s.split(separator: "-").compactMap { Int($0) }
            guard let y = p.first else { return nil }
            return TJSDate(year: y, month: p.count > 1 ? p[1] : nil, day: p.count > 2 ? p[2] : nil)
        }
        var events: [TJSEvent] = []
        for e in entries {
            guard let d = e.date, let start = date(String(d.split(separator: "/")[0])) else { continue }
            let end = d.contains("/") ? date(String(d.split(separator: "/")[1])) : nil
            let link = e.url.map { "<a href=\"\(htmlEscape($0))\">\(htmlEscape(e.document.title ?? e.document.source))</a>" }
                ?? htmlEscape(e.document.title ?? e.document.source)
            let body = "<p>\(htmlEscape(e.sentence))</p><p>Sumber: \(link), \(htmlEscape(e.document.outlet ?? "?")), \(htmlEscape(e.document.published ?? "tanpa tanggal"))</p>"
            events.append(TJSEvent(start_date: start, end_date: end, text: TJSText(headline: htmlEscape(e.headline), text: body),
                                   unique_id: "kb-event-\(e.id)", display_date: e.displayDate, group: e.program))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let timeline = TJSTimeline(title: TJSTitle(text: TJSText(headline: htmlEscape(title), text: "Linimasa dari kb")), events: events)
        return String(decoding: try encoder.encode(timeline), as: UTF8.self)
    }

    // MARK: - HTML

    static func htmlEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A self-contained page in Bahasa Indonesia a person can open and print.
    static func html(_ entries: [TimelineEntry], title: String) -> String {
        var items: [String] = []
        for e in entries {
            let source = e.url.map { "<a href=\"\(htmlEscape($0))\">\(htmlEscape(e.document.title ?? e.document.source))</a>" } ?? htmlEscape(e.document.title ?? e.document.source)
            var facts: [String] = []
            if let a = e.actor { facts.append("<dt>Pelaku</dt><dd>\(htmlEscape(a))</dd>") }
            facts.append("<dt>Kegiatan</dt><dd>\(htmlEscape(e.action))</dd>")
            if let p = e.program { facts.append("<dt>Program</dt><dd>\(htmlEscape(p))</dd>") }
            if let p = e.place { facts.append("<dt>Tempat</dt><dd>\(htmlEscape(p))</dd>") }
            let f = figures(e)
            if !f.isEmpty { facts.append("<dt>Angka</dt><dd>\(htmlEscape(f))</dd>") }
            items.append("""
                <li><time\(e.start.map { " datetime=\"\($0)\"" } ?? "")>\(htmlEscape(e.displayDate))</time>
                <h2>\(htmlEscape(e.headline))</h2><dl>\(facts.joined())</dl>
                <blockquote>\(htmlEscape(e.sentence))</blockquote>
                <p class="src">Sumber: \(source) · \(htmlEscape(e.document.outlet ?? "?")) · \(htmlEscape(e.document.published ?? "tanpa tanggal")) · karakter \(e.span[0])–\(e.span[1])</p></li>
                """)
        }
        return """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(htmlEscape(title))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2733;line-height:1.45}
            h1{font-size:1.6rem;border-bottom:3px solid #0b6e4f;padding-bottom:.4rem}
            ol{list-style:none;padding:0;border-left:3px solid #0b6e4f}
            li{margin:0 0 1.4rem 1rem;padding-left:.6rem;position:relative;page-break-inside:avoid}
            li::before{content:"";position:absolute;left:-1.55rem;top:.35rem;width:.8rem;height:.8rem;border-radius:50%;background:#0b6e4f}
            time{font-weight:700;color:#0b6e4f}
            h2{font-size:1.1rem;margin:.2rem 0}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}
            dt{color:#5a6775}dd{margin:0}
            blockquote{margin:.4rem 0;padding:.3rem .7rem;background:#f3f6f8;border-left:3px solid #c9d3dc}
            .src{font-size:.85rem;color:#5a6775}
            @media print{body{margin:0;max-width:none}a{color:inherit}}
            </style></head>
            <body><h1>\(htmlEscape(title))</h1>
            <p>\(entries.count) kegiatan, diurutkan menurut tanggal. Tanggal ditampilkan setepat yang disebut sumbernya.</p>
            <ol>
            \(items.joined(separator: "\n"))
            </ol>
            </body></html>

            """
    }
}
