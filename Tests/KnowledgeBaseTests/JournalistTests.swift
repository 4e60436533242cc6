import Corpus
import Extractor
import Foundation
import GRDB
import FoundationXML
import Testing
@testable import KnowledgeBase

private func checker(_ kb: KnowledgeBase) -> FactChecker {
    FactChecker(kb: kb, extractor: DocumentExtractor(resources: Fixtures.resources, today: CalendarDate(year: 2026, month: 11, day: 22)!))
}

@Suite("Fact-checking a figure")
struct CheckTests {
    @Test("the three examples on the seeds", arguments: [
        ("Jambore Karang Taruna dihadiri 1.600 peserta", CheckResult.Verdict.supported, Int32(0)),
        ("Jambore Karang Taruna dihadiri 2.000 peserta", .contradicted, 1),
        ("Dinas Sosial membina 5.000 nelayan di Kepulauan Seribu", .notFound, 2),
    ])
    func examples(_ claim: String, _ verdict: CheckResult.Verdict, _ exit: Int32) async throws {
        let result = try checker(try await Fixtures.seeded()).check(claim)
        #expect(result.verdict == verdict)
        #expect(result.exitCode == exit)
        if verdict != .notFound {
            let evidence = try #require(result.evidence.first)
            #expect(evidence.value == 1600)
            #expect(evidence.document.published == "2025-01-21")
            #expect(evidence.document.outlet == "beritajakarta.id")
            #expect(evidence.surface == "1.600 peserta")
            #expect(evidence.sentence.contains("Jambore Karang Taruna"))
        } else {
            #expect(result.evidence.isEmpty)
        }
    }

    @Test("the same value with another qualifier is partly right")
    func partly() async throws {
        let result = try checker(try await Fixtures.seeded()).check("Dinas Sosial melatih 400 tenaga sosial")
        #expect(result.verdict == .partly)
        #expect(result.evidence.first?.qualifier == "lebih dari")
        #expect(result.evidence.first?.relation == "same value, other qualifier")
    }

    @Test("the same value in another year is partly right")
    func partlyOtherYear() async throws {
        let result = try checker(try await Fixtures.seeded()).check("Jambore Karang Taruna tahun 2025 dihadiri 1.600 peserta")
        #expect(result.verdict == .partly)
        #expect(result.exitCode == 1)
        #expect(result.evidence.first?.relation == "same value, other period")
        #expect(result.evidence.first?.value == 1600)
        // Written as a bare number after the program's name, as in its title.
        let bare = try checker(try await Fixtures.seeded()).check("Jambore Karang Taruna 2025 dihadiri 1.600 peserta")
        #expect(bare.claim.year == "2025")
        #expect(bare.verdict == .partly)
        #expect(try checker(try await Fixtures.seeded()).check("Jambore Karang Taruna 2024 dihadiri 1.600 peserta").verdict == .supported)
    }

    @Test("a claim naming no entity is checked by its words; one naming a person, by the person and its words", arguments: [
        ("Kebakaran gudang menghanguskan 12 unit truk", CheckResult.Verdict.supported, [12.0], [String]()),
        ("Kebakaran gudang menghanguskan 20 unit truk", .contradicted, [12], []),
        ("Kebakaran pasar menghanguskan 12 unit truk", .notFound, [], []),
        ("M. Anwar menyerahkan sembako kepada 150 warga", .supported, [150], ["person:m-anwar"]),
        // He met 40 residents and handed food to 150 others: only the meeting says something about this claim.
        ("M. Anwar menemui 200 warga", .contradicted, [40], ["person:m-anwar"]),
    ])
    func claimsByWords(_ claim: String, _ verdict: CheckResult.Verdict, _ values: [Double], _ subjects: [String]) async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/kebakaran-gudang.txt")])
        let result = try checker(kb).check(claim)
        #expect(result.verdict == verdict)
        #expect(result.evidence.compactMap(\.value) == values)
        #expect(result.claim.subjects == subjects)
    }

    @Test("a program's claim naming a region outside Jakarta is checked against the figures stated with it", arguments: [
        ("Sebanyak 1.200 penyandang disabilitas di Jawa Barat menerima bantuan", CheckResult.Verdict.supported, [1200.0]),
        // Not the country's total the same report gives.
        ("Sebanyak 5.000 penyandang disabilitas di Jawa Barat menerima bantuan", .contradicted, [1200]),
        ("Sebanyak 1.200 penyandang disabilitas di Riau menerima bantuan", .notFound, []),
        ("Sebanyak 9.000 penyandang disabilitas menerima bantuan", .supported, [1200, 9000]),
    ])
    func programInARegion(_ claim: String, _ verdict: CheckResult.Verdict, _ values: [Double]) async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Selasa, 10 September 2019", "Kementerian Sosial mencatat 1.200 penyandang "
            + "disabilitas di Jawa Barat menerima bantuan. Secara nasional, 9.000 penyandang disabilitas menerima bantuan."), into: kb)
        let result = try checker(kb).check(claim)
        #expect(result.verdict == verdict)
        #expect(result.evidence.compactMap(\.value) == values)
        #expect(result.claim.subjects == ["program:penyandang-disabilitas"])
    }

    @Test("people counted by a classifier count the people their sentence names, in any sentence of a document", arguments: [
        ("Sebanyak 2.047 mahasiswa Papua pulang kampung", CheckResult.Verdict.supported, [700.0, 2047]),
        // Another value in a sentence with the claim's words, and none stated elsewhere: only that sentence's.
        ("Sebanyak 3.000 mahasiswa Papua pulang kampung", .contradicted, [700]),
        // The sentence names students, not teachers.
        ("Sebanyak 2.047 guru Papua pulang kampung", .notFound, []),
    ])
    func peopleByClassifier(_ claim: String, _ verdict: CheckResult.Verdict, _ values: [Double]) async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest("Kapolda Papua mengatakan sudah ada 700 mahasiswa Papua yang pulang kampung.", into: kb)
        try await Fixtures.ingest("Mahasiswa Papua pulang kampung setelah kerusuhan. Dari hasil pertemuan Gubernur Papua dan para "
            + "bupati, Senin (16/9/2019), dilaporkan jumlah mahasiswa yang telah kembali mencapai 2.047 orang.", into: kb)
        let result = try checker(kb).check(claim)
        #expect(result.verdict == verdict)
        #expect(result.evidence.compactMap(\.value) == values)
    }

    @Test("an acronym a stored document defined is the claim's subject")
    func learnedAcronymInClaim() async throws {
        let kb = try KnowledgeBase()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/acronyms/a-definisi.txt")])
        let result = try checker(kb).check("Dinas Sosial melatih 40 PRSA")
        #expect(result.claim.subjects == ["program:prsa"])
        #expect(result.verdict == .supported)
    }

    @Test("an amount of money is checked against the amounts: its currency, its unit of sale, its value and its year")
    func money() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Jumat, 10 Januari 2025", "Anggaran Dinas Sosial DKI Jakarta tahun 2025 sebesar Rp1,6 triliun. "
            + "Harga beras di Pasar Induk Cipinang naik menjadi Rp14.000 per kilogram."), into: kb)
        let c = checker(kb)
        let supported = try c.check("Anggaran Dinas Sosial DKI Jakarta 2025 sebesar 1,6 triliun rupiah")
        #expect(supported.claim.kind == "money")
        #expect(supported.claim.unit == "IDR")
        #expect(supported.claim.value == 1_600_000_000_000)
        #expect(supported.verdict == .supported)
        #expect(supported.evidence.map(\.surface) == ["sebesar Rp1,6 triliun"])
        #expect(supported.evidence.first?.document.published == "2025-01-10")
        let contradicted = try c.check("Anggaran Dinas Sosial DKI Jakarta 2025 sebesar Rp2 triliun")
        #expect(contradicted.verdict == .contradicted)
        #expect(contradicted.evidence.map(\.value) == [1_600_000_000_000])
        #expect(try c.check("Anggaran Dinas Sosial DKI Jakarta tahun 2024 sebesar Rp1,6 triliun").verdict == .partly)
        // A year written as a bare number is the claim's year too.
        let bare = try c.check("Anggaran Dinas Sosial DKI Jakarta 2024 sebesar Rp1,6 triliun")
        #expect(bare.claim.year == "2024")
        #expect(bare.verdict == .partly)
        #expect(try c.check("Anggaran Dinas Sosial DKI Jakarta 2025 sebesar 1,6 triliun dolar").verdict == .notFound)
        let price = try c.check("Harga beras di Cipinang Rp14.000 per kilogram")
        #expect(price.verdict == .supported)
        #expect(price.evidence.first?.per == "kilogram")
        #expect(try c.check("Harga beras di Cipinang Rp14.000 per liter").verdict == .notFound)
        // The claim's first quantity is checked: here the amount, not the count.
        let first = try c.check("Dana hibah Rp2 miliar untuk 120 warga")
        #expect(first.claim.kind == "money")
        #expect(first.claim.value == 2_000_000_000)
        #expect(try c.check("Jambore Karang Taruna dihadiri 1.600 peserta").claim.kind == "figure")
    }

    @Test("a claim without a figure is an error that says so")
    func noFigure() async throws {
        #expect(throws: FactChecker.CheckError.self) { try checker(try KnowledgeBase()).check("Jambore Karang Taruna meriah") }
    }
}

@Suite("Conflicting figures")
struct ConflictTests {
    @Test("two documents disagree on the Jambore, and a total does not add up")
    func conflicts() async throws {
        let kb = try await Fixtures.seeded()
        #expect(try kb.conflicts().isEmpty)
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/jambore-1800.txt"), Fixtures.fixture("kb/ppks-total.txt")])
        let conflicts = try kb.conflicts()
        let disagreement = try #require(conflicts.first { $0.kind == "disagreement" })
        #expect(disagreement.subject == "Jambore Karang Taruna · peserta")
        #expect(disagreement.period == "2024")
        #expect(Set(disagreement.items.compactMap(\.value)) == [1600, 1800])
        #expect(Set(disagreement.items.map(\.document.title)).count == 2)
        let sum = try #require(conflicts.first { $0.kind == "sum" })
        #expect(sum.items.compactMap(\.value) == [491, 200, 150, 138])
        #expect(sum.explanation == "the parts add up to 488, not 491")
    }

    @Test("not conflicts: counts far apart, some of a total, a total that adds up before other figures, measures")
    func notConflicts() async throws {
        let kb = try await Fixtures.seeded()
        _ = try await Fixtures.ingestion(kb).run(paths: [Fixtures.fixture("kb/jambore-1800.txt"), Fixtures.fixture("kb/ppks-total.txt"),
                                                         Fixtures.fixture("kb/bukan-konflik.txt")])
        // Another document gives the Jambore's attendance as a share: a measure, which documents state many of.
        try await Fixtures.ingest("Dinas Sosial menggelar Jambore Karang Taruna sepanjang tahun 2024 dengan tingkat kehadiran 50 persen.", into: kb)
        #expect(try kb.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT documentId) FROM figure WHERE unit = 'persen' AND aboutId IS NOT NULL") } == 2)
        let conflicts = try kb.conflicts()
        #expect(conflicts.map(\.kind).sorted() == ["disagreement", "sum"])
        // 16 foreign participants of the Jambore are another count than its 1.600 or 1.800.
        let disagreement = try #require(conflicts.first { $0.kind == "disagreement" })
        #expect(Set(disagreement.items.compactMap(\.value)) == [1600, 1800])
        #expect(disagreement.explanation == "documents state different values: 1600, 1800")
        #expect(conflicts.first { $0.kind == "sum" }?.items.first?.value == 491)
    }

    @Test("values documents disagree on: close, and each stated by a document that does not state the other", arguments: [
        (["a": [1600.0], "b": [1800.0]], [1600.0, 1800.0]),
        (["a": [2], "b": [25]], []),
        (["a": [619, 648], "b": [648]], []),
        (["a": [619, 57], "b": [648, 57]], [619, 648]),
        (["a": [-1], "b": [-1.2]], [-1.2, -1]),
        (["a": [-1], "b": [1]], []),
    ] as [([String: Set<Double>], Set<Double>)])
    func disagreeingValues(byDocument: [String: Set<Double>], values: Set<Double>) {
        #expect(KnowledgeBase.disagreeingValues(byDocument) == values)
    }
}

/// RFC 4180 fields, as a spreadsheet reads them.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)
    var i = 0
    // "\r\n" is one Character in Swift.
    if chars.last == "\r\n" || chars.last == "\n" { chars.removeLast() }
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"", i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 }
            else if c == "\"" { quoted = false }
            else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.append(c) }
        i += 1
    }
    row.append(field)
    rows.append(row)
    return rows
}

/// A small iCalendar reader: unfolds lines and returns each VEVENT's properties.
func parseICS(_ text: String) -> [[String: String]] {
    var unfolded: [String] = []
    for line in text.components(separatedBy: "\r\n") {
        if line.hasPrefix(" "), !unfolded.isEmpty { unfolded[unfolded.count - 1] += line.dropFirst() } else { unfolded.append(line) }
    }
    var events: [[String: String]] = []
    var current: [String: String]?
    for line in unfolded {
        if line == "BEGIN:VEVENT" { current = [:]; continue }
        if line == "END:VEVENT", let c = current { events.append(c); current = nil; continue }
        guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
        current?[String(line[..<colon])] = String(line[line.index(after: colon)...])
    }
    return events
}

@Suite("Timelines")
struct TimelineTests {
    static func entries() async throws -> [TimelineEntry] {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        return try engine.timeline(TimelineFilter(program: "Karang Taruna"))
    }

    @Test("chronological, each date at its real precision")
    func order() async throws {
        let entries = try await Self.entries()
        #expect(entries.map(\.date) == ["2024", "2025", "2025-06-21"])
        #expect(entries.map(\.displayDate) == ["2024", "2025", "21 Juni 2025"])
        let filtered = try QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
            .timeline(TimelineFilter(program: "Karang Taruna", from: "2025-01-01", to: "2025-12-31"))
        #expect(filtered.map(\.date) == ["2025", "2025-06-21"])
    }

    @Test("a timeline of an office is its holders' activities then, or its organization's; none for an office no one held")
    func officeTimeline() async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        let deputy = try engine.timeline(TimelineFilter(query: "Wakil Gubernur 2025"))
        #expect(deputy.map(\.actor) == ["Iqbal Akbarudin", "Rano Karno"])
        #expect(deputy.allSatisfy { $0.date == "2025-07-01" })
        let head = try engine.timeline(TimelineFilter(query: "Kepala Dinas Sosial"))
        #expect(head.contains { $0.actor == "Iqbal Akbarudin" } && head.contains { $0.actor == "Dinas Sosial Provinsi DKI Jakarta" })
        #expect(try engine.timeline(TimelineFilter(query: "Kapolri")).isEmpty)
    }

    @Test("an activity shows the amounts of money its sentence states, as an Indonesian reader writes them")
    func amounts() async throws {
        let kb = try KnowledgeBase()
        try await Fixtures.ingest(Fixtures.release("Selasa, 14 Januari 2025", "Dinas Sosial DKI Jakarta menyalurkan dana stimulan "
            + "sebesar Rp2 miliar kepada 264 Karang Taruna, Senin (13/1). Karang Taruna juga menggelar pelatihan di Cengkareng."), into: kb)
        let entries = try QueryEngine(kb: kb, resources: Fixtures.resources).timeline(TimelineFilter(program: "Karang Taruna"))
        #expect(entries.map(\.amounts) == [[TimelineEntry.Amount(value: 2_000_000_000, max: nil, currency: "IDR", per: nil)], []])
        let rows = parseCSV(try TimelineRender.render(entries, as: .csv, title: "t"))
        let figures = try #require(TimelineRender.csvHeader.firstIndex(of: "figures"))
        #expect(rows[1][figures].hasSuffix("Rp2 miliar"))
        #expect(rows[2][figures] == "")
    }

    @Test("money as an Indonesian reader writes it", arguments: [
        (1.6e12, nil, "IDR", nil, "Rp1,6 triliun"), (2e9, 3e9, "IDR", nil, "Rp2–3 miliar"), (80_000, nil, "IDR", "kilogram", "Rp80.000 per kilogram"),
        (86.97e12, nil, "IDR", nil, "Rp86,97 triliun"), (1.5e6, nil, "USD", nil, "USD 1,5 juta"), (999_999, nil, "IDR", nil, "Rp999.999"),
        (500, nil, "IDR", nil, "Rp500"), (1.05e6, nil, "IDR", nil, "Rp1,05 juta"),
    ] as [(Double, Double?, String, String?, String)])
    func money(_ value: Double, _ max: Double?, _ currency: String, _ per: String?, _ expected: String) {
        #expect(QueryEngine.formatMoney(value, max: max, currency: currency, per: per) == expected)
    }

    @Test("an unknown name is an error naming the option")
    func unknown() async throws {
        let engine = QueryEngine(kb: try await Fixtures.seeded(), resources: Fixtures.resources)
        #expect(throws: QueryEngine.TimelineError.unknownName(option: "program", name: "Program Fiktif")) {
            try engine.timeline(TimelineFilter(program: "Program Fiktif"))
        }
    }

    @Test("CSV reads back in a spreadsheet's way, with dates as precise as known")
    func csv() async throws {
        let text = try TimelineRender.render(try await Self.entries(), as: .csv, title: "t")
        #expect(text.contains("\r\n"))
        let rows = parseCSV(text)
        #expect(rows.first == TimelineRender.csvHeader)
        #expect(rows.dropFirst().map { $0[0] } == ["2024", "2025", "2025-06-21"])
        #expect(rows.dropFirst().map { $0[1] } == ["year", "year", "day"])
        #expect(rows.dropFirst().allSatisfy { $0.count == TimelineRender.csvHeader.count })
        #expect(rows[3][8].hasPrefix("Suku Dinas Sosial (Sudinsos) Kota Administrasi Jakarta Pusat menggelar apel gabungan"))
    }

    @Test("iCalendar: all-day events, CRLF lines, escaped text, one UID each")
    func ics() async throws {
        let text = try TimelineRender.render(try await Self.entries(), as: .ics, title: "Linimasa Karang Taruna")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let events = parseICS(text)
        #expect(events.map { $0["DTSTART;VALUE=DATE"] } == ["20240101", "20250101", "20250621"])
        #expect(events.map { $0["DTEND;VALUE=DATE"] } == ["20250101", "20260101", "20250622"])
        #expect(Set(events.compactMap { $0["UID"] }).count == 3)
        let description = try #require(events.last?["DESCRIPTION"])
        #expect(description.contains("\\,"))
        #expect(description.replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\n", with: "\n")
            .contains("Suku Dinas Sosial (Sudinsos) Kota Administrasi Jakarta Pusat menggelar apel gabungan bersama pilar-pilar sosial"))
    }

    struct TJS: Decodable {
        struct Event: Decodable {
            struct D: Decodable { var year: Int; var month: Int?; var day: Int? }
            struct T: Decodable { var headline: String; var text: String }
            var start_date: D
            var text: T
            var unique_id: String
            var display_date: String
            var group: String?
        }
        var events: [Event]
    }

    @Test("TimelineJS3 JSON decodes, with month and day only when known and the source in the text")
    func timelineJS() async throws {
        let text = try TimelineRender.render(try await Self.entries(), as: .timelinejs, title: "t")
        let timeline = try JSONDecoder().decode(TJS.self, from: Data(text.utf8))
        #expect(timeline.events.map(\.start_date.year) == [2024, 2025, 2025])
        #expect(timeline.events[1].start_date.month == nil)
        #expect(timeline.events[2].start_date.month == 6)
        #expect(timeline.events[2].start_date.day == 21)
        #expect(timeline.events[2].display_date == "21 Juni 2025")
        #expect(timeline.events[2].text.text.contains("Sumber:"))
        #expect(Set(timeline.events.map(\.unique_id)).count == 3)
    }

    @Test("JSON, Markdown and HTML")
    func others() async throws {
        let entries = try await Self.entries()
        let decoded = try JSONDecoder().decode([TimelineEntry].self, from: Data(try TimelineRender.render(entries, as: .json, title: "t").utf8))
        #expect(decoded.map(\.date) == entries.map(\.date))
        let md = try TimelineRender.render(entries, as: .md, title: "Linimasa")
        #expect(md.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 4)
        let html = try TimelineRender.render(entries, as: .html, title: "Linimasa <Karang Taruna>")
        #expect(html.contains("<html lang=\"id\">"))
        #expect(html.contains("Linimasa &lt;Karang Taruna&gt;"))
        let positions = ["2024", "2025", "21 Juni 2025"].compactMap { html.range(of: ">\($0)</time>")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
    }
}

/// Collects GraphML nodes and edges.
final class GraphMLReader: NSObject, XMLParserDelegate {
    var nodes: [String: [String: String]] = [:]
    var edges: [(String, String, String)] = []
    private var currentNode: String?
    private var currentEdge: (String, String)?
    private var key: String?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "node": currentNode = attributes["id"]; nodes[attributes["id"] ?? ""] = [:]
        case "edge": currentEdge = (attributes["source"] ?? "", attributes["target"] ?? "")
        case "data": key = attributes["key"]; text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", let key {
            if let n = currentNode { nodes[n]?[key] = text }
            if let e = currentEdge, key == "edgelabel" { edges.append((e.0, e.1, text)) }
        }
        if name == "node" { currentNode = nil }
        if name == "edge" { currentEdge = nil }
    }
}

@Suite("Exporting the graph")
struct ExportTests {
    @Test("JSON-LD parses, with schema.org types, the seeds' entities and provenance")
    func jsonLD() async throws {
        let text = try #require(try await Fixtures.seeded().export(.jsonld)["graph.jsonld"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["@context"] != nil)
        let graph = try #require(root["@graph"] as? [[String: Any]])
        func node(_ type: String, _ name: String) -> [String: Any]? {
            graph.first { $0["@type"] as? String == type && $0["name"] as? String == name }
        }
        let premi = try #require(node("Person", "Premi Lasari"))
        let roles = try #require(premi["memberOf"] as? [[String: Any]])
        #expect(roles.first?["roleName"] as? String == "Kepala Dinas Sosial")
        #expect((roles.first?["kb:provenance"] as? [String: Any])?["kb:start"] as? Int == 566)
        #expect(node("GovernmentOrganization", "Dinas Sosial Provinsi DKI Jakarta") != nil)
        #expect(node("Place", "Kantor Wali Kota Jakarta Pusat") != nil)
        let events = graph.filter { $0["@type"] as? String == "Event" }
        #expect(events.count >= 5)
        #expect(events.allSatisfy { $0["kb:provenance"] != nil })
        #expect(events.contains { $0["startDate"] as? String == "2025-06-21" })
    }

    @Test("GraphML parses, with node types and edge labels")
    func graphML() async throws {
        let text = try #require(try await Fixtures.seeded().export(.graphml)["graph.graphml"])
        let reader = GraphMLReader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.nodes["person:iqbal-akbarudin"]?["type"] == "person")
        #expect(reader.nodes["org:dinsos-dki"]?["label"] == "Dinas Sosial Provinsi DKI Jakarta")
        #expect(reader.edges.contains { $0 == ("person:iqbal-akbarudin", "org:dinsos-dki", "holds_position:Kepala Dinas Sosial") })
        #expect(reader.edges.contains { $0.2 == "program" })
    }

    @Test("Neo4j bulk-import CSV headers and rows")
    func neo4j() async throws {
        let files = try await Fixtures.seeded().export(.csv)
        let nodes = parseCSV(try #require(files["nodes.csv"]))
        let relationships = parseCSV(try #require(files["relationships.csv"]))
        #expect(nodes.first == ["id:ID", "name", "kind", "type", "date", ":LABEL"])
        #expect(relationships.first == [":START_ID", ":END_ID", ":TYPE", "label", "document", "start:int", "end:int"])
        #expect(nodes.contains { $0[0] == "person:premi-lasari" && $0[5] == "Person" })
        let ids = Set(nodes.dropFirst().map { $0[0] })
        #expect(relationships.dropFirst().allSatisfy { ids.contains($0[0]) && ids.contains($0[1]) })
    }

    @Test("NDJSON holds one extraction per document")
    func ndjson() async throws {
        let text = try #require(try await Fixtures.seeded().export(.ndjson)["extractions.ndjson"])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["document"] != nil && object["events"] != nil && object["officials"] != nil)
        }
    }
}
