import CLibXML2
import Foundation

/// Reads a news page with libxml2's HTML parser: title, date, outlet and the article's paragraphs,
/// each paragraph mapped back to its characters in the page source.
struct HTMLReader {
    var boilerplate: BoilerplateRules

    struct Result {
        var title: String?
        var titleSpan: Range<Int>?
        var published: CalendarDate?
        var publishedSource: String?
        var reporter: String?
        var editor: String?
        var outlet: String?
        var url: String?
        var photoCredits: [String] = []
        var paragraphs: [Paragraph] = []
    }

    /// Elements whose text is never article body.
    static let skipped: Set<String> = ["script", "style", "nav", "footer", "header", "aside", "form", "noscript",
                                       "iframe", "svg", "button", "select", "template", "figcaption", "figure"]
    /// Elements that make a paragraph of their own.
    static let blocks: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt"]

    func read(_ text: String) -> Result {
        var result = Result()
        let utf8 = Array(text.utf8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let parsed: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let doc = parsed, let root = xmlDocGetRootElement(doc) else {
            if let parsed { xmlFreeDoc(parsed) }
            return result
        }
        defer { xmlFreeDoc(doc) }

        var meta: [String: String] = [:]
        var titleElement: String?
        var h1: String?
        var timeAttribute: String?
        var articles: [xmlNodePtr] = []
        var captions: [String] = []
        walk(root) { node in
            let name = Self.name(node)
            switch name {
            case "meta":
                let key = (Self.attribute(node, "property") ?? Self.attribute(node, "name") ?? Self.attribute(node, "itemprop"))?.lowercased()
                if let key, let content = Self.attribute(node, "content"), meta[key] == nil { meta[key] = content }
            case "link":
                if Self.attribute(node, "rel")?.lowercased() == "canonical", let href = Self.attribute(node, "href") { meta["canonical"] = href }
            case "title": titleElement = titleElement ?? Self.collapse(Self.textContent(node))
            case "h1": h1 = h1 ?? Self.collapse(Self.textContent(node))
            case "time": timeAttribute = timeAttribute ?? Self.attribute(node, "datetime")
            case "article": articles.append(node)
            case "figcaption": captions.append(Self.collapse(Self.textContent(node)))
            default: break
            }
        }

        result.title = meta["og:title"].map(Self.collapse) ?? h1 ?? titleElement
        if let iso = meta["article:published_time"] ?? meta["datepublished"] ?? meta["pubdate"] ?? timeAttribute,
           let date = CalendarDate(iso: String(iso.prefix(10))) {
            result.published = date
            result.publishedSource = "meta"
        }
        result.reporter = meta["author"]
        result.url = meta["og:url"] ?? meta["canonical"]
        result.outlet = meta["og:site_name"] ?? result.url.flatMap(Self.host)
        for caption in captions {
            if let credit = PlainTextLayout.photoCredit(in: caption) { result.photoCredits.append(credit) }
        }

        let container = articles.max(by: { Self.paragraphTextLength($0) < Self.paragraphTextLength($1) })
            ?? densestBlock(root) ?? root
        var rawParagraphs: [[String]] = []
        collectParagraphs(container, into: &rawParagraphs)

        let source = ScalarText(text)
        var locator = SourceLocator(source: source)
        var titleSeen = false
        for pieces in rawParagraphs {
            let joined = Self.collapse(pieces.joined())
            if joined.isEmpty { continue }
            if let action = boilerplate.action(for: joined) {
                if action == .end { break }
                continue
            }
            if !titleSeen, joined == result.title { titleSeen = true; locator.skip(pieces); continue }
            if let credit = PlainTextLayout.photoCredit(in: joined), joined.unicodeScalars.count < 160 {
                result.photoCredits.append(credit)
                locator.skip(pieces)
                continue
            }
            if result.published == nil, joined.unicodeScalars.count < 80,
               let header = PlainTextLayout.header(joined), let date = header.date {
                result.published = date
                result.publishedSource = "header"
                result.reporter = result.reporter ?? header.reporter
                result.editor = header.editor
                locator.skip(pieces)
                continue
            }
            if let paragraph = locator.paragraph(pieces) { result.paragraphs.append(paragraph) }
        }
        if let title = result.title, let at = source.find(Array(title.unicodeScalars), from: 0) {
            result.titleSpan = at..<(at + title.unicodeScalars.count)
        }
        return result
    }

    // MARK: - Tree walking

    private func walk(_ node: xmlNodePtr, _ visit: (xmlNodePtr) -> Void) {
        var child: xmlNodePtr? = node
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                visit(current)
                if let first = current.pointee.children { walk(first, visit) }
            }
            child = current.pointee.next
        }
    }

    /// The element whose direct `<p>` children hold the most text, when the page has no `<article>`.
    private func densestBlock(_ root: xmlNodePtr) -> xmlNodePtr? {
        var best: (node: xmlNodePtr, score: Int)?
        walk(root) { node in
            guard !Self.skipped.contains(Self.name(node)) else { return }
            let score = Self.paragraphTextLength(node)
            if score > (best?.score ?? 0) { best = (node, score) }
        }
        return best?.node
    }

    static func paragraphTextLength(_ node: xmlNodePtr) -> Int {
        var total = 0
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, name(c) == "p" { total += textContent(c).unicodeScalars.count }
            child = c.pointee.next
        }
        return total
    }

    /// Paragraphs as lists of their text nodes, in document order.
    private func collectParagraphs(_ node: xmlNodePtr, into paragraphs: inout [[String]]) {
        var inline: [String] = []
        func flush() {
            if !inline.isEmpty { paragraphs.append(inline); inline = [] }
        }
        var child = node.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
                inline.append(Self.content(c))
                continue
            }
            guard c.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = Self.name(c)
            if Self.skipped.contains(name) { continue }
            if name == "br" { flush(); continue }
            if Self.blocks.contains(name) {
                flush()
                var pieces: [String] = []
                Self.textNodes(c, into: &pieces)
                paragraphs.append(pieces)
            } else if ["div", "section", "main", "article", "body", "table", "tbody", "tr", "ul", "ol", "dl"].contains(name) {
                flush()
                collectParagraphs(c, into: &paragraphs)
            } else {
                Self.textNodes(c, into: &inline)
            }
        }
        flush()
    }

    static func textNodes(_ node: xmlNodePtr, into pieces: inout [String]) {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
                pieces.append(content(c))
            } else if c.pointee.type == XML_ELEMENT_NODE, !skipped.contains(name(c)) {
                if name(c) == "br" { pieces.append("\n") } else { textNodes(c, into: &pieces) }
            }
            child = c.pointee.next
        }
    }

    static func textContent(_ node: xmlNodePtr) -> String {
        var pieces: [String] = []
        textNodes(node, into: &pieces)
        return pieces.joined()
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    static func content(_ node: xmlNodePtr) -> String {
        guard let c = node.pointee.content else { return "" }
        return String(cString: c)
    }

    static func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, String(cString: n).lowercased() == wanted {
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let text = c.pointee.content { value += String(cString: text) }
                    child = c.pointee.next
                }
                return value
            }
            attr = a.pointee.next
        }
        return nil
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func host(_ url: String) -> String? {
        guard let host = URL(string: url)?.host else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}

/// Finds where decoded text nodes sit in the HTML source, reading entities (`&amp;`, `&#8220;`) as the characters they stand for.
struct SourceLocator {
    let source: ScalarText
    var cursor = 0

    init(source: ScalarText) {
        self.source = source
    }

    /// Moves past text nodes that are not kept.
    mutating func skip(_ pieces: [String]) {
        for piece in pieces { _ = locate(piece) }
    }

    /// A paragraph from its text nodes: whitespace collapsed, every kept scalar mapped to the source.
    mutating func paragraph(_ pieces: [String]) -> Paragraph? {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var pendingSpace = false
        for piece in pieces {
            let located = locate(piece)
            let fallback = located?.last.map { $0 + 1 } ?? offsets.last.map { $0 + 1 } ?? cursor
            for (k, s) in piece.unicodeScalars.enumerated() {
                if ScalarText.isSpace(s) {
                    pendingSpace = !scalars.isEmpty
                    continue
                }
                let at = located.map { $0[k] } ?? fallback
                if pendingSpace {
                    scalars.append(" ")
                    offsets.append(offsets.last.map { $0 + 1 } ?? at)
                    pendingSpace = false
                }
                scalars.append(s)
                offsets.append(at)
            }
        }
        guard let first = offsets.first, let last = offsets.last else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let text = String(view)
        let range = first..<(last + 1)
        let identity = offsets.count == range.count && source.slice(range) == text
        return Paragraph(text: text, sourceRange: range, offsets: identity ? nil : offsets)
    }

    /// Source offsets of each scalar of `piece`, searching forward from the cursor.
    mutating func locate(_ piece: String) -> [Int]? {
        let needle = Array(piece.unicodeScalars)
        guard let firstVisible = needle.firstIndex(where: { !ScalarText.isSpace($0) }) else { return nil }
        var start = cursor
        while start < source.count {
            if let offsets = match(needle, firstVisible, at: start) {
                cursor = (offsets.last ?? start) + 1
                return offsets
            }
            start += 1
        }
        return nil
    }

    /// Entity-aware comparison of `needle[from...]` with the source at `at`; whitespace before `from` maps to `at`.
    private func match(_ needle: [Unicode.Scalar], _ from: Int, at: Int) -> [Int]? {
        var offsets = Array(repeating: at, count: from)
        var j = at
        var k = from
        let src = source.scalars
        while k < needle.count {
            guard j < src.count else { return nil }
            if src[j] == "\r", needle[k] == "\n" { j += 1; continue }
            if src[j] == "&", let (decoded, length) = Self.entity(src, j) {
                guard decoded == needle[k] else { return nil }
                offsets.append(j)
                j += length
            } else {
                guard src[j] == needle[k] else { return nil }
                offsets.append(j)
                j += 1
            }
            k += 1
        }
        return offsets
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "ndash": "–", "mdash": "—", "hellip": "…",
        "eacute": "é", "copy": "©", "reg": "®", "deg": "°", "middot": "·", "bull": "•", "euro": "€",
    ]

    static func entity(_ src: [Unicode.Scalar], _ at: Int) -> (Unicode.Scalar, Int)? {
        var end = at + 1
        while end < src.count, end - at <= 10, src[end] != ";" { end += 1 }
        guard end < src.count, src[end] == ";" else { return nil }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: src[(at + 1)..<end])
        let key = String(name)
        let length = end - at + 1
        if key.hasPrefix("#x") || key.hasPrefix("#X"), let v = UInt32(key.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
            return (s, length)
        }
        if key.hasPrefix("#"), let v = UInt32(key.dropFirst()), let s = Unicode.Scalar(v) { return (s, length) }
        return named[key].map { ($0, length) }
    }
}
