import Foundation

/// Reads the layouts press releases have as plain text: a title line, a byline header
/// (`Selasa, 21 Januari 2025 Reporter: … Editor: … 775`, `Pusdatin: 01 Jul 2025 19:16`),
/// photo captions, a dateline (`Jakarta (ANTARA) -`), the body, and site boilerplate after it.
public struct PlainTextLayout: Sendable {
    public var boilerplate: BoilerplateRules

    public init(boilerplate: BoilerplateRules) {
        self.boilerplate = boilerplate
    }

    /// What the layout found; spans are scalar offsets into the text given to `read`.
    public struct Result: Sendable {
        public var title: String?
        public var titleSpan: Range<Int>?
        public var published: CalendarDate?
        public var publishedSource: String?
        public var reporter: String?
        public var editor: String?
        public var outlet: String?
        public var datelinePlace: String?
        public var photoCredits: [String] = []
        public var paragraphs: [Paragraph] = []
    }

    /// Header lines come before the body, among the first few lines of the file.
    static let headerWindow = 8

    public func read(_ text: String, knownTitle: String? = nil) -> Result {
        let st = ScalarText(text)
        var result = Result()
        let lines = st.lines().map { st.trimmed($0) }
        var bodyLines: [Range<Int>] = []
        var nonEmptySeen = 0
        var inBody = false
        var title = knownTitle.map(Self.collapse)

        for (index, line) in lines.enumerated() {
            if line.isEmpty { continue }
            let content = st.slice(line)
            nonEmptySeen += 1
            // Lowercased once for the boilerplate, caption and header checks.
            let lower = ScalarText.lowercased(content)
            if let action = boilerplate.action(forLowercased: lower) {
                if action == .end { break }
                continue
            }
            if let credit = Self.photoCredit(in: content, lowercased: lower) {
                result.photoCredits.append(credit)
                continue
            }
            if !inBody, nonEmptySeen <= Self.headerWindow, let header = Self.header(content, lowercased: lower) {
                if result.published == nil, let date = header.date {
                    result.published = date
                    result.publishedSource = "header"
                }
                result.reporter = result.reporter ?? header.reporter
                result.editor = result.editor ?? header.editor
                result.outlet = result.outlet ?? header.outlet
                continue
            }
            // (A line can only collapse to the title if it starts as the title does: the same first character,
            // compared as characters so that a composed and a decomposed `É` still match.)
            if let t = title, content.first == t.first, Self.collapse(content) == t {
                if result.titleSpan == nil { result.titleSpan = line }
                continue
            }
            if title == nil, !inBody, nonEmptySeen == 1, Self.looksLikeTitle(content, lines: lines, index: index) {
                title = Self.collapse(content)
                result.titleSpan = line
                continue
            }
            inBody = true
            bodyLines.append(line)
        }
        result.title = title

        bodyLines = Self.droppingPullQuotes(bodyLines, st)
        if let first = bodyLines.first, let dateline = Self.dateline(st, first) {
            result.datelinePlace = dateline.place
            result.outlet = result.outlet ?? dateline.outlet
            if dateline.bodyStart < first.upperBound {
                bodyLines[0] = dateline.bodyStart..<first.upperBound
            } else {
                bodyLines.removeFirst()
            }
        }
        result.paragraphs = bodyLines.map { Paragraph(text: st.slice($0), sourceRange: $0) }
        return result
    }

    // MARK: - Title

    /// A title is a short first line without a final period, set apart by a blank line or a header.
    static func looksLikeTitle(_ line: String, lines: [Range<Int>], index: Int) -> Bool {
        let count = line.unicodeScalars.count
        guard count >= 8, count <= 220, !line.hasSuffix(".") else { return false }
        // A text of one line is all body; a title stands above something.
        guard lines[(index + 1)...].contains(where: { !$0.isEmpty }) else { return false }
        return lines[index + 1].isEmpty || count <= 120
    }

    static func collapse(_ s: String) -> String {
        if let simple = collapseSimple(s) { return simple }
        return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `collapse` by scalars, for text whose every scalar is its own character (only CR LF pairs, both white space):
    /// Latin and general punctuation, no combining marks. Nil for any other text, which takes the per-character path.
    static func collapseSimple(_ s: String) -> String? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            guard v < 0x300 || (0x2000...0x200A).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) else {
                return nil
            }
            let isSpace = scalar.isASCII ? v == 0x20 || (0x09...0x0D).contains(v) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return ScalarText.string(out[...])
    }

    // MARK: - Photo captions

    /// `(Foto: Istimewa)`, `… Foto: Ainaya Amartasya`, `Foto : Dok. Dinsos` → the credit.
    static func photoCredit(in line: String, lowercased lower: String? = nil) -> String? {
        // At most 400 scalars (counted only when the UTF-8 length, one to four bytes per scalar, leaves it open).
        guard line.utf8.count <= 400 || (line.utf8.count <= 1600 && line.unicodeScalars.count <= 400) else { return nil }
        let lower = lower ?? ScalarText.lowercased(line)
        // Every marker holds `foto` or `photo`: most lines have neither and skip Foundation's five searches.
        guard ScalarText.contains(lower, "foto") || ScalarText.contains(lower, "photo") else { return nil }
        for marker in ["foto:", "foto :", "photo:", "(foto", "sumber foto:"] {
            guard let r = lower.range(of: marker) else { continue }
            if marker == "(foto", !lower.hasSuffix(")") { continue }
            // A caption's credit sits at the end of the line.
            let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
            var credit = String(line.dropFirst(offset))
            while let f = credit.first, f == ":" || f == " " { credit.removeFirst() }
            if credit.hasSuffix(")") { credit.removeLast() }
            credit = collapse(credit)
            let words = credit.split(separator: " ").count
            guard words <= 6 else { continue }
            return credit.isEmpty ? "unknown" : credit
        }
        return nil
    }

    // MARK: - Headers

    struct Header {
        var date: CalendarDate?
        var reporter: String?
        var editor: String?
        var outlet: String?
    }

    /// Recognises a byline or date header line, or nil for an ordinary line.
    static func header(_ line: String, lowercased lower: String? = nil) -> Header? {
        // Every header has a label (`Reporter:`) or a date, and every date a digit: other lines are passed over.
        guard line.utf8.contains(where: { $0 == UInt8(ascii: ":") || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) else { return nil }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return nil }
        let lower = lower ?? ScalarText.lowercased(line)
        if ScalarText.contains(lower, "reporter:") || ScalarText.contains(lower, "editor:") || ScalarText.contains(lower, "penulis:") {
            var header = Header()
            header.date = DateScan.firstDate(in: words)?.date
            header.reporter = field(after: ["Reporter:", "Penulis:"], in: words)
            header.editor = field(after: ["Editor:"], in: words)
            header.outlet = "beritajakarta.id"
            return header
        }
        // `Pusdatin: 01 Jul 2025 19:16` — a desk and a timestamp.
        if words.count <= 6, words[0].hasSuffix(":"), words[0].count > 1,
           let found = DateScan.firstDate(in: words), found.start == 1 {
            var header = Header()
            header.date = found.date
            header.reporter = String(words[0].dropLast())
            header.outlet = header.reporter?.lowercased() == "pusdatin" ? "dinsos.jakarta.go.id" : nil
            return header
        }
        // A line that is only a date (with weekday and time): `Selasa, 21 Januari 2025 | 10:15 WIB`.
        if words.count <= 8, let found = DateScan.firstDate(in: words),
           words.enumerated().allSatisfy({ i, w in found.range.contains(i) || DateScan.isDateFiller(w) }) {
            return Header(date: found.date)
        }
        return nil
    }

    /// The words after one of `labels` up to the next label or a trailing view count.
    static func field(after labels: [String], in words: [String]) -> String? {
        let allLabels: Set<String> = ["reporter:", "editor:", "penulis:", "fotografer:", "foto:"]
        guard let start = words.firstIndex(where: { w in labels.contains { $0.lowercased() == w.lowercased() } }) else { return nil }
        var value: [String] = []
        for w in words[(start + 1)...] {
            if allLabels.contains(w.lowercased()) { break }
            value.append(w)
        }
        while let last = value.last, last.allSatisfy(\.isNumber) { value.removeLast() }  // view count
        return value.isEmpty ? nil : value.joined(separator: " ")
    }

    // MARK: - Dateline

    struct Dateline {
        var place: String?
        var outlet: String?
        var bodyStart: Int
    }

    /// `Jakarta (ANTARA) -`, `JAKARTA, KOMPAS.com -`, `Liputan6.com, Jakarta -` at the start of the body.
    static func dateline(_ st: ScalarText, _ line: Range<Int>) -> Dateline? {
        let window = min(line.upperBound, line.lowerBound + 70)
        var i = line.lowerBound
        while i < window {
            let s = st.scalars[i]
            let isDash = s == "-" || s == "–" || s == "—"
            if isDash, i > line.lowerBound, st.scalars[i - 1] == " " {
                var after = i + 1
                while after < line.upperBound, st.scalars[after] == "-" || st.scalars[after] == " " { after += 1 }
                let prefix = st.slice(line.lowerBound..<(i - 1))
                return parseDatelinePrefix(prefix).map { Dateline(place: $0.place, outlet: $0.outlet, bodyStart: after) }
            }
            if s == "." && i + 1 < window && st.scalars[i + 1] == " " { return nil }  // a sentence ended first
            i += 1
        }
        return nil
    }

    static func parseDatelinePrefix(_ prefix: String) -> (place: String?, outlet: String?)? {
        let words = prefix.split(separator: " ")
        guard (1...6).contains(words.count), words.allSatisfy({ w in w.first.map { $0.isUppercase || $0 == "(" } ?? false }) else {
            return nil
        }
        if let open = prefix.firstIndex(of: "("), let close = prefix.firstIndex(of: ")"), open < close {
            let outlet = String(prefix[prefix.index(after: open)..<close])
            let place = collapse(String(prefix[..<open])).trimmingCharacters(in: [",", " "])
            return (place.isEmpty ? nil : titleCased(place), outlet)
        }
        let parts = prefix.split(separator: ",").map { collapse(String($0)) }
        var place: String?
        var outlet: String?
        for part in parts {
            let lower = part.lowercased()
            if lower.contains(".com") || lower.contains(".co") || lower.contains(".id") || lower.contains(".net") {
                outlet = part
            } else if place == nil {
                place = titleCased(part)
            } else {
                outlet = part
            }
        }
        return (place, outlet)
    }

    static func titleCased(_ s: String) -> String {
        guard s == s.uppercased() else { return s }
        return s.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }

    // MARK: - Pull quotes

    /// A standalone quoted line repeated later in the body is a layout pull quote, not news.
    static func droppingPullQuotes(_ lines: [Range<Int>], _ st: ScalarText) -> [Range<Int>] {
        let quotes: Set<Unicode.Scalar> = ["\"", "“", "”", "'", "‘", "’"]
        return lines.enumerated().filter { index, line in
            guard line.count >= 12, line.count <= 300,
                  quotes.contains(st.scalars[line.lowerBound]), quotes.contains(st.scalars[line.upperBound - 1]) else { return true }
            var inner = st.slice((line.lowerBound + 1)..<(line.upperBound - 1))
            while let last = inner.last, last == "," || last == "." { inner.removeLast() }
            let needle = Array(inner.unicodeScalars)
            for (other, range) in lines.enumerated() where other != index {
                if st.find(needle, from: range.lowerBound, to: range.upperBound) != nil { return false }
            }
            return true
        }.map(\.element)
    }
}

/// Finds dates in header words: `21 Januari 2025`, `01 Jul 2025`, `21/01/2025`, `2025-01-21`.
enum DateScan {
    struct Found {
        var date: CalendarDate
        var start: Int
        var range: ClosedRange<Int>
    }

    static func firstDate(in words: [String]) -> Found? {
        let cleaned = words.map { $0.trimmingCharacters(in: [",", "|", "(", ")"]) }
        for i in cleaned.indices {
            if i + 2 < cleaned.count, let d = Int(cleaned[i]), let m = IndonesianCalendar.month(named: cleaned[i + 1]),
               let y = Int(cleaned[i + 2]), cleaned[i + 2].count == 4, let date = CalendarDate(year: y, month: m, day: d) {
                let start = i > 0 && IndonesianCalendar.weekday(named: cleaned[i - 1]) != nil ? i - 1 : i
                return Found(date: date, start: start, range: start...(i + 2))
            }
            if let date = numericDate(cleaned[i]) {
                let start = i > 0 && IndonesianCalendar.weekday(named: cleaned[i - 1]) != nil ? i - 1 : i
                return Found(date: date, start: start, range: start...i)
            }
        }
        return nil
    }

    /// `21/01/2025`, `21-01-2025` (day first, as Indonesia writes), or ISO `2025-01-21`.
    static func numericDate(_ word: String) -> CalendarDate? {
        if let iso = CalendarDate(iso: String(word.prefix(10))) { return iso }
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// Words that may stand beside a date in a header line: times, zones, separators.
    static func isDateFiller(_ word: String) -> Bool {
        let w = word.trimmingCharacters(in: [",", "|", "-", "–"])
        if w.isEmpty { return true }
        if ["wib", "wita", "wit", "pukul"].contains(w.lowercased()) { return true }
        return w.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." }
    }
}
