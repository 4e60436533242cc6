import Foundation
import Testing
import CMinHash
@testable import Corpus

private func reader(published: CalendarDate? = nil) throws -> CorpusReader {
    let rules = try BoilerplateRules.load(path: TestPaths.gazetteer + "/boilerplate.tsv")
    return CorpusReader(boilerplate: rules, defaultPublished: published)
}

/// Runs `body` with a new folder in the temporary directory, removed after.
private func withTemporaryFolder<T>(_ prefix: String, _ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}

private func readOne(_ path: String) throws -> Document {
    let result = try reader().read(path: path)
    #expect(result.failures.isEmpty, "\(result.failures)")
    return try #require(result.documents.first)
}

struct SeedExpectation: Sendable, CustomStringConvertible {
    var file: String
    var title: String?
    var published: String?
    var reporter: String?
    var editor: String?
    var outlet: String?
    var description: String { file }
}

@Suite("Reading the bundled press releases")
struct SeedTests {
    static let seeds: [SeedExpectation] = [
        .init(file: "beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt",
              title: "Dinsos DKI Perkuat Pilar Sosial dengan Beragam Pelatihan", published: "2025-01-21",
              reporter: "Aldi Geri Lumban Tobing", editor: "Erikyanri Maulana", outlet: "beritajakarta.id"),
        .init(file: "dinsos-2025-07-01-temu-wagub-program-strategis.txt",
              title: "Temu Wagub DKI, Jajaran Dinsos Paparkan Program Strategis 2025 dan Proyeksi 2026",
              published: "2025-07-01", reporter: "Pusdatin", editor: nil, outlet: "dinsos.jakarta.go.id"),
        .init(file: "dinsos-2025-05-23-pekerja-penyuluh-sosial.txt",
              title: "Optimalkan Peran Pekerja dan Penyuluh Sosial, Dinsos DKI Siap Transformasi Layanan Kesos",
              published: "2025-05-23", reporter: "Pusdatin", editor: nil, outlet: "dinsos.jakarta.go.id"),
        // The Jakarta Pusat apel opens with a photo caption and states no date; the Karang Taruna release has neither title nor date.
        .init(file: "sudinsos-jakpus-apel-gabungan-pilar-sosial.txt", title: nil, published: nil),
        .init(file: "dinsos-karang-taruna-peningkatan-peran-serta-2025.txt", title: nil, published: nil),
    ]

    @Test("metadata of each seed", arguments: seeds)
    func metadata(_ seed: SeedExpectation) throws {
        let doc = try readOne(TestPaths.corpus(seed.file))
        #expect(doc.title == seed.title)
        #expect(doc.published?.iso == seed.published)
        #expect(doc.reporter == seed.reporter)
        #expect(doc.editor == seed.editor)
        #expect(doc.outlet == seed.outlet)
        #expect(!doc.paragraphs.isEmpty)
    }

    @Test("every paragraph's offsets slice exactly its text out of the file", arguments: seeds)
    func offsetsMapBack(_ seed: SeedExpectation) throws {
        let doc = try readOne(TestPaths.corpus(seed.file))
        let fileText = try String(contentsOfFile: TestPaths.corpus(seed.file), encoding: .utf8)
        let scalars = Array(fileText.unicodeScalars)
        for paragraph in doc.paragraphs {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[paragraph.sourceRange])
            #expect(String(view) == paragraph.text)
        }
        if let span = doc.titleSpan, let title = doc.title {
            #expect(doc.slice(span) == title)
        }
    }

    @Test("the Berita Jakarta body ends before BERITA TERKAIT and keeps no boilerplate")
    func beritaJakartaBoilerplate() throws {
        let doc = try readOne(TestPaths.corpus(Self.seeds[0].file))
        let body = doc.bodyText
        #expect(doc.paragraphs.last?.text.hasSuffix("tandasnya.") == true)
        for junk in ["BERITA TERKAIT", "BERITA POPULER", "Bagikan ke", "+indeks", "Gulkarmat", "(Foto: Istimewa)", "775"] {
            #expect(!body.contains(junk), "body contains \(junk)")
        }
        // The pull quote above the byline repeats a later sentence and is layout, not news.
        #expect(!doc.paragraphs.contains { $0.text == "\"untuk menjawab tantangan permasalahan sosial di Jakarta,\"" })
        #expect(doc.photoCredits == ["Istimewa"])
        let end = try #require(doc.paragraphs.last?.sourceRange.upperBound)
        let terkait = try #require(doc.text.range(of: "BERITA TERKAIT"))
        #expect(end < doc.text.unicodeScalars.distance(from: doc.text.startIndex, to: terkait.lowerBound))
    }

    @Test("a photo caption is a credit, not body text")
    func photoCaption() throws {
        let doc = try readOne(TestPaths.corpus("sudinsos-jakpus-apel-gabungan-pilar-sosial.txt"))
        #expect(doc.photoCredits == ["Ainaya Amartasya"])
        #expect(doc.paragraphs.first?.text.hasPrefix("Suku Dinas Sosial (Sudinsos)") == true)
        #expect(!doc.bodyText.contains("Foto:"))
    }

    @Test("the Dinas Sosial footer menu is not body")
    func dinsosFooter() throws {
        let doc = try readOne(TestPaths.corpus("dinsos-2025-07-01-temu-wagub-program-strategis.txt"))
        #expect(!doc.bodyText.contains("Berita Utama"))
        #expect(!doc.bodyText.contains("Pusdatin: 01 Jul"))
        #expect(doc.paragraphs.first?.text.hasPrefix("Kepala Dinas Sosial Provinsi DKI Jakarta, Iqbal Akbarudin") == true)
    }

    @Test("a folder is read recursively and ids are stable")
    func folder() throws {
        let first = try reader().read(path: TestPaths.repoRoot.appendingPathComponent("corpus").path)
        let second = try reader().read(path: TestPaths.repoRoot.appendingPathComponent("corpus").path)
        #expect(first.documents.count == 5)
        #expect(first.failures.isEmpty)
        #expect(first.documents.map(\.id) == second.documents.map(\.id))
        #expect(Set(first.documents.map(\.id)).count == 5)
    }

    @Test("--published supplies a date only where the text has none")
    func defaultPublished() throws {
        let date = try #require(CalendarDate(iso: "2025-06-21"))
        let result = try reader(published: date).read(path: TestPaths.repoRoot.appendingPathComponent("corpus").path)
        let bySource = Dictionary(uniqueKeysWithValues: result.documents.map { (($0.source as NSString).lastPathComponent, $0) })
        #expect(bySource["sudinsos-jakpus-apel-gabungan-pilar-sosial.txt"]?.published == date)
        #expect(bySource["sudinsos-jakpus-apel-gabungan-pilar-sosial.txt"]?.publishedSource == "--published")
        #expect(bySource["beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt"]?.published?.iso == "2025-01-21")
    }
}

@Suite("Formats and encodings")
struct FormatTests {
    @Test("an HTML page: metadata from meta tags, body from the article, no navigation or footer")
    func htmlPage() throws {
        let path = TestPaths.fixture("documents/antara-page.html")
        let doc = try readOne(path)
        #expect(doc.format == .html)
        #expect(doc.title == "Dinsos DKI salurkan bantuan bagi korban kebakaran")
        #expect(doc.published?.iso == "2025-03-12")
        #expect(doc.outlet == "ANTARA News")
        #expect(doc.reporter == "Siti Nurbaiti")
        #expect(doc.url == "https://www.antaranews.com/berita/1234/dinsos-dki-salurkan-bantuan")
        #expect(doc.photoCredits == ["Dok. Dinsos DKI"])
        let texts = doc.paragraphs.map(\.text)
        #expect(texts.first?.hasPrefix("Jakarta (ANTARA) - Dinas Sosial (Dinsos) DKI Jakarta menyalurkan") == true)
        #expect(texts.contains("Kepala Dinas Sosial DKI Jakarta Premi Lasari mengatakan bantuan berupa makanan siap saji & perlengkapan tidur diberikan sejak hari pertama."))
        #expect(texts.contains("“Kami pastikan kebutuhan dasar warga terpenuhi,” ujar Premi."))
        #expect(texts.contains("Sebanyak 45 petugas Tagana dikerahkan ke lokasi."))
        let body = doc.bodyText
        for junk in ["Beranda", "Hak cipta", "Terpopuler", "Baca juga", "5.000 paket", "tracking", "999"] {
            #expect(!body.contains(junk), "body contains \(junk)")
        }
        // Each kept character maps to the character of the page source it came from.
        let source = ScalarText(doc.text)
        let paragraph = try #require(doc.paragraphs.first { $0.text.contains("&") })
        let local = try #require(paragraph.text.range(of: "siap saji & perlengkapan"))
        let lo = paragraph.text.unicodeScalars.distance(from: paragraph.text.startIndex, to: local.lowerBound)
        let hi = paragraph.text.unicodeScalars.distance(from: paragraph.text.startIndex, to: local.upperBound)
        #expect(source.slice(paragraph.sourceRange(of: lo..<hi)) == "siap saji &amp; perlengkapan")
        let plain = try #require(doc.paragraphs.first { $0.text.hasPrefix("Sebanyak 45") })
        #expect(source.slice(plain.sourceRange) == plain.text)
    }

    @Test("a JSON lines file gives one document per line with its metadata")
    func jsonLines() throws {
        let result = try reader().read(path: TestPaths.fixture("documents/two-records.jsonl"))
        #expect(result.failures.isEmpty)
        #expect(result.documents.count == 2)
        let first = try #require(result.documents.first)
        #expect(first.title == "Dinsos DKI Bina 1.452 UMKM melalui Program Jakpreneur")
        #expect(first.published?.iso == "2025-01-07")
        #expect(first.outlet == "beritajakarta.id")
        #expect(first.url == "https://www.beritajakarta.id/berita/1")
        #expect(first.source.hasSuffix("two-records.jsonl#1"))
        let second = result.documents[1]
        #expect(second.published == nil)
        #expect(second.datelinePlace == "Jakarta")
        #expect(second.paragraphs.first?.text.hasPrefix("Suku Dinas Sosial Jakarta Timur") == true)
        #expect(second.slice(second.paragraphs[0].sourceRange) == second.paragraphs[0].text)
    }

    @Test("a record's title repeated as the text's first line is not body, also in another Unicode form")
    func knownTitleLine() throws {
        let rules = try BoilerplateRules.load(path: TestPaths.gazetteer + "/boilerplate.tsv")
        let text = "\u{C9}tude  Sosial Dinsos DKI\n\nDinas Sosial menggelar kegiatan pada Selasa (21/1)."
        for title in ["\u{C9}tude Sosial Dinsos DKI", "E\u{301}tude Sosial Dinsos DKI"] {
            let layout = PlainTextLayout(boilerplate: rules).read(text, knownTitle: title)
            #expect(layout.titleSpan == 0..<24, "\(title.unicodeScalars.map(\.value))")
            #expect(layout.paragraphs.map(\.text) == ["Dinas Sosial menggelar kegiatan pada Selasa (21/1)."])
        }
    }

    @Test("a malformed JSON line is reported with file and line, the other lines are read")
    func malformedJSONLine() throws {
        try withTemporaryFolder("kb-jsonl") { dir in
            let path = dir.appendingPathComponent("bad.jsonl").path
            let good = #"{"id":"a","title":"Judul","published":"2025-02-03","url":null,"text":"Dinas Sosial menyalurkan bantuan."}"#
            try "\(good)\n{not json\n\(good.replacingOccurrences(of: "\"a\"", with: "\"b\""))\n".write(toFile: path, atomically: true, encoding: .utf8)
            let result = try reader().read(path: path)
            #expect(result.documents.count == 2)
            #expect(result.failures.count == 1)
            #expect(result.failures.first?.description.hasPrefix("\(path):2:") == true)
        }
    }

    @Test("a news URL's date", arguments: [
        ("https://megapolitan.kompas.com/read/2019/09/20/10000001/banjir-jakarta", "2019-09-20"),
        ("https://news.okezone.com/read/2019/9/1/337/1/judul?page=2", "2019-09-01"),
        // sindonews' Unix time, a day in UTC+7: 1568471733 is 14:35 UTC, 21:35 in Jakarta, and 1568483000 17:43 UTC,
        // already the next day there.
        ("https://nasional.sindonews.com/read/1439712/12/hadapi-pilkada-2020-pdip-perkuat-konsolidasi-internal-1568471733", "2019-09-14"),
        ("https://nasional.sindonews.com/read/1439712/12/judul-1568483000", "2019-09-15"),
        ("https://sindonews.com/berita/judul-1568483000.html", "2019-09-15"),
        // Ten digits closing another site's URL may be an article's number.
        ("https://example.com/berita/judul-1568483000.html", nil),
        ("https://www.posmetro-medan.com/2019/10/anak-penjaga-kebersihan.html", nil),
        ("https://nasional.tempo.co/read/1248217/aburizal-ke-bamsoet", nil),
        ("https://www.wowkeren.com/berita/tampil/00276207.html", nil),
        ("https://example.com/2019/13/40/judul", nil),
        ("https://daerah.sindonews.com/judul-0000000001", nil),
        ("https://daerah.sindonews.com/judul-9999999999", nil),
        ("https://daerah.sindonews.com/judul-+568483000", nil),
        ("https://example.com/judul?t=2019/09/20", nil),
        ("https://example.com?t=/2019/09/20", nil),
        ("https://example.com/2019/+9/20/judul", nil),
        ("tidak ada", nil),
    ] as [(String, String?)])
    func urlDate(_ url: String, _ expected: String?) {
        #expect(URLDate.date(in: url)?.iso == expected)
    }

    @Test("a JSON record without a date takes its URL's; its own date, or none in the URL, wins over it; --published comes last")
    func publishedFromURL() throws {
        try withTemporaryFolder("kb-jsonl") { dir in
            let path = dir.appendingPathComponent("news.jsonl").path
            let dated = "https://megapolitan.kompas.com/read/2019/09/20/1/banjir"
            try """
                {"id":"a","title":"A","url":"\(dated)","text":"Banjir melanda Jakarta."}
                {"id":"b","title":"B","published":"2019-09-21","url":"\(dated)","text":"Banjir melanda Jakarta lagi."}
                {"id":"c","title":"C","url":"https://nasional.tempo.co/read/1248217/judul","text":"Banjir melanda Bekasi."}

                """.write(toFile: path, atomically: true, encoding: .utf8)
            let documents = try reader(published: CalendarDate(iso: "2025-01-01")).read(path: path).documents
            #expect(documents.map { "\($0.published?.iso ?? "-") \($0.publishedSource ?? "-")" } == ["2019-09-20 url", "2019-09-21 meta", "2025-01-01 --published"])
        }
    }

    @Test("the bundled gzip corpus format is read through zlib")
    func gzip() throws {
        try withTemporaryFolder("kb-gz") { dir in
            let plain = dir.appendingPathComponent("two.jsonl")
            try FileManager.default.copyItem(atPath: TestPaths.fixture("documents/two-records.jsonl"), toPath: plain.path)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = [plain.path]
            try gzip.run()
            gzip.waitUntilExit()
            let result = try reader().read(path: plain.path + ".gz")
            #expect(result.documents.map(\.title) == ["Dinsos DKI Bina 1.452 UMKM melalui Program Jakpreneur", "Sudinsos Jaktim jangkau 30 PPKS"])
        }
    }

    @Test("text that is not UTF-8 is read as Windows-1252 with a warning naming the file")
    func windows1252() throws {
        let path = TestPaths.fixture("documents/windows-1252.txt")
        let doc = try readOne(path)
        #expect(doc.bodyText.contains("Cipinang “Melayu” dengan nilai Rp50 juta – sesuai"))
        #expect(doc.warnings.count == 1)
        #expect(doc.warnings.first?.contains(path) == true)
        #expect(doc.title == "Dinsos DKI Salurkan Bantuan Sembako")
    }

    @Test("a byte-order mark and CRLF lines read like the plain file, with offsets into the decoded text")
    func crlfAndBOM() throws {
        let doc = try readOne(TestPaths.fixture("documents/crlf-bom.txt"))
        #expect(doc.title == "Temu Wagub DKI, Jajaran Dinsos Paparkan Program Strategis 2025 dan Proyeksi 2026")
        #expect(doc.published?.iso == "2025-07-01")
        #expect(doc.paragraphs.count == 7)
        for paragraph in doc.paragraphs {
            #expect(doc.slice(paragraph.sourceRange) == paragraph.text)
            #expect(!paragraph.text.contains("\r"))
        }
    }

    @Test("scalars and strings of scalars round-trip every UTF-8 length", arguments: [
        "", "Dinsos DKI", "Rp1,6 triliun — “kutip” é ñ", "Jl. Sudirman №5 😀 dan 𝕏", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
    ])
    func scalarRoundTrip(_ text: String) {
        let scalars = ScalarText.scalars(text)
        #expect(scalars == Array(text.unicodeScalars))
        #expect(ScalarText.string(scalars[...]) == text)
    }

    @Test("ScalarText.lowercased gives lowercased()'s result for every scalar of the first two planes, beside ASCII capitals")
    func lowercasedAsTheStandardLibrary() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ab" + String(scalar) + "Z"
            if ScalarText.lowercased(text) != text.lowercased() { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        for text in ["", "dinsos", "DINSOS DKI", "“Kutip” İSTANBUL ΣΟΦΙΑ Ǆ", "\u{0130}\u{03A3}", "Jl. Sudirman №5 😀 𝕏"] {
            #expect(ScalarText.lowercased(text) == text.lowercased(), "\(text)")
        }
    }

    @Test("asciiLowercase lowercases ASCII scalars and refuses any other")
    func asciiLowercase() {
        func lower(_ text: String) -> String? { ScalarText.asciiLowercase(ScalarText.scalars(text)[...]) }
        #expect(lower("") == "")
        #expect(lower("Rp1,6 TRILIUN @[Dinsos]") == "rp1,6 triliun @[dinsos]")
        #expect(lower("\u{7F}AZaz09") == "\u{7F}azaz09")
        #expect(lower("Café") == nil && lower("Jl’") == nil)
        let scalars = ScalarText.scalars("xx KEGIATAN yy")
        #expect(ScalarText.asciiLowercase(scalars[3..<11]) == "kegiatan")
    }

    @Test("a text with CRLF line endings has the id of the same text with LF endings")
    func crlfKeepsTheID() {
        let lf = ContentHash.documentID("Judul\n\nParagraf satu.\nParagraf dua.\n")
        #expect(ContentHash.documentID("Judul\r\n\r\nParagraf satu.\r\nParagraf dua.\r\n") == lf)
        #expect(ContentHash.documentID("Judul\r\rParagraf satu.\rParagraf dua.") == lf)
        #expect(ContentHash.documentID("Judul\n\nParagraf satu.\nParagraf tiga.\n") != lf)
    }

    @Test("a document's id is the 64-bit FNV-1a of its UTF-8, line endings normalized: stored ids stay valid")
    func documentIDValue() {
        // Computed apart (FNV-1a over the bytes of "Judul\nParagraf — “satu”.\nakhir").
        for text in ["Judul\nParagraf — “satu”.\nakhir", "Judul\r\nParagraf — “satu”.\r\nakhir\r\n", "Judul\rParagraf — “satu”.\rakhir\r"] {
            #expect(ContentHash.documentID(text) == "081d4a9d4bdc1e7e", "\(text.debugDescription)")
        }
    }

    @Test("binary, empty and missing files give errors that name them", arguments: ["image.txt", "empty.txt", "missing.txt"])
    func badFiles(_ name: String) throws {
        let path = TestPaths.fixture("documents/\(name)")
        let result = try reader().read(path: path)
        #expect(result.documents.isEmpty)
        let error = try #require(result.failures.first)
        #expect(error.path == path)
        #expect(error.description.hasPrefix(path))
        switch name {
        case "image.txt": #expect(error == .binary(path: path))
        case "empty.txt": #expect(error == .empty(path: path))
        default: #expect(error.description.contains("no such file"))
        }
    }

    @Test("a dateline names the place and the outlet and is not body text")
    func dateline() throws {
        let text = "Judul Berita Tentang Bansos\n\nJAKARTA, KOMPAS.com - Pemprov DKI menyalurkan bansos.\n"
        let doc = try reader().document(bytes: Array(text.utf8), path: "kompas.txt")
        #expect(doc.datelinePlace == "Jakarta")
        #expect(doc.outlet == "KOMPAS.com")
        #expect(doc.paragraphs.first?.text == "Pemprov DKI menyalurkan bansos.")
    }
}

@Suite("Boilerplate rules are data")
struct BoilerplateTests {
    @Test("a bad rule line names the file and the line")
    func badRule() {
        let tsv = "pattern\tmatch\taction\nBERITA TERKAIT\tline\tend\nBaca juga:\tsomewhere\tskip\n"
        #expect(throws: CorpusError.malformedRule(path: "rules.tsv", line: 3, reason: "match must be line, prefix or suffix, not 'somewhere'")) {
            try BoilerplateRules.parse(tsv, path: "rules.tsv")
        }
    }

    @Test("end and skip rules")
    func actions() throws {
        let rules = try BoilerplateRules.load(path: TestPaths.gazetteer + "/boilerplate.tsv")
        #expect(rules.action(for: "BERITA TERKAIT") == .end)
        #expect(rules.action(for: "Baca juga: Dinsos buka dapur umum") == .skip)
        #expect(rules.action(for: "VIDEO +indeks") == .end)
        #expect(rules.action(for: "Dinas Sosial menggelar apel") == nil)
    }
}

@Suite("Near-duplicates")
struct NearDuplicateTests {
    @Test("the same story from two outlets is linked, other releases are not")
    func linked() throws {
        let folder = TestPaths.repoRoot.appendingPathComponent("corpus").path
        var docs = try reader().read(path: folder).documents
        docs.append(try readOne(TestPaths.fixture("documents/near-duplicate-antara.txt")))
        var index = NearDuplicateIndex()
        var pairs: [(String, String)] = []
        for doc in docs {
            for match in index.add(id: doc.id, text: doc.bodyText) { pairs.append((doc.source, match.id)) }
        }
        #expect(pairs.count == 1)
        let beritaJakarta = try #require(docs.first { $0.source.contains("beritajakarta") })
        #expect(pairs.first?.0.hasSuffix("near-duplicate-antara.txt") == true)
        #expect(pairs.first?.1 == beritaJakarta.id)
    }
}

@Suite("Near-duplicates among many")
struct NearDuplicateScaleTests {
    /// Texts from a small vocabulary: some share a story, many share only a few shingles.
    static func texts() -> [String] {
        let words = ["dinas", "sosial", "jakarta", "bantuan", "warga", "banjir", "peserta", "program", "karang", "taruna",
                     "kota", "timur", "utara", "pusat", "barat", "selatan", "pilar", "apel", "jambore", "relawan"]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var texts: [String] = []
        for k in 0..<300 {
            if k % 7 == 6 {
                // A re-edit of an earlier story: the same words with a sentence added.
                texts.append(texts[next() % texts.count] + " Dinas Sosial menambah bantuan bagi warga")
            } else {
                texts.append((0..<(30 + next() % 60)).map { _ in words[next() % words.count] }.joined(separator: " "))
            }
        }
        return texts
    }

    @Test("past the index's first table size, what it finds is what comparing every pair finds")
    func sameAsEveryPair() {
        let texts = Self.texts()
        let signatures = texts.map(NearDuplicateIndex.signature)
        var index = NearDuplicateIndex()
        var linked = 0
        for (k, signature) in signatures.enumerated() {
            let found = index.add(id: "d\(k)", signature: signature).map(\.id)
            linked += found.count
            let expected = (0..<k).map { ($0, NearDuplicateIndex.containment(signature, signatures[$0])) }
                .filter { $0.1 >= index.threshold }
                .sorted { $0.1 > $1.1 }
                .map { "d\($0.0)" }
            #expect(Set(found) == Set(expected), "document \(k)")
            #expect(found.count == expected.count)
        }
        #expect(index.signatures.count == texts.count)
        #expect(linked >= 300 / 7)  // every re-edit finds its story
    }

    @Test("room made for every document, beforehand or part-way, changes nothing found")
    func reservedCapacity() {
        let signatures = Self.texts().map(NearDuplicateIndex.signature)
        var growing = NearDuplicateIndex()
        let expected = signatures.enumerated().map { k, signature in growing.add(id: "d\(k)", signature: signature).map(\.id) }
        var reserved = NearDuplicateIndex()
        reserved.reserveCapacity(signatures.count)
        var late = NearDuplicateIndex()
        for (k, signature) in signatures.enumerated() {
            if k == 150 { late.reserveCapacity(10_000) }
            #expect(reserved.add(id: "d\(k)", signature: signature).map(\.id) == expected[k], "document \(k)")
            #expect(late.add(id: "d\(k)", signature: signature).map(\.id) == expected[k], "document \(k)")
        }
    }
}

@Suite("Near-duplicate signatures")
struct SignatureStorageTests {
    @Test("a signature survives its bytes; other byte counts are refused")
    func roundTrip() {
        let signature = NearDuplicateIndex.signature(of: "Dinas Sosial DKI Jakarta menggelar Jambore Karang Taruna yang dihadiri 1.600 peserta di Jakarta")
        #expect(signature.shingles > 0)
        #expect(NearDuplicateIndex.Signature(bytes: signature.bytes) == signature)
        #expect(NearDuplicateIndex.Signature(bytes: Array(signature.bytes.dropLast())) == nil)
    }

    /// Stored signatures are compared with new ones: the values must not move (a faster computation must give the same).
    @Test("a signature's values are pinned")
    func pinned() {
        let text = "Dinas Sosial DKI Jakarta menggelar Jambore Karang Taruna yang dihadiri 1.600 peserta di Jakarta. Ketua Karang Taruna DKI Jakarta, Bapak Ketua, hadir di GOR Ciracas pada Selasa (21/1)."
        let signature = NearDuplicateIndex.signature(of: text)
        #expect(signature.shingles == 27)
        #expect(signature.minima.count == NearDuplicateIndex.signatureSize)
        #expect(signature.minima.first == 598_660_666_115_529_502)
        #expect(signature.minima.last == 58_787_064_198_872_521)
        #expect(signature.minima.reduce(0, ^) == 2_748_362_025_311_984_617)
    }

    @Test("the vector loop gives the plain loop's minima, from fresh and from earlier minima, for any slot count")
    func vectorLoop() {
        var random = SystemRandomNumberGenerator()
        for (count, slots) in [(0, 64), (1, 64), (300, 64), (1_000, 8), (57, 12), (5, 3)] {
            let shingles = (0..<count).map { _ in random.next() as UInt64 }
            let seeds = (0..<slots).map { _ in random.next() as UInt64 }
            for start in [UInt64.max, 1 << 60] {
                var fast = [UInt64](repeating: start, count: slots)
                var plain = fast
                kb_minhash_minima(shingles, count, seeds, &fast, slots)
                kb_minhash_minima_portable(shingles, count, seeds, &plain, slots)
                #expect(fast == plain, "\(count) shingles, \(slots) slots")
                #expect(count == 0 || start != .max || !plain.contains(.max))
            }
        }
    }

    @Test("the stored layout: the shingle count, then each minimum, as little-endian 64-bit words")
    func layout() {
        let signature = NearDuplicateIndex.Signature(minima: [0x0102_0304_0506_0708] + Array(repeating: .max, count: NearDuplicateIndex.signatureSize - 1),
                                                     shingles: 0x1234)
        let bytes = signature.bytes
        #expect(bytes.count == 8 * (NearDuplicateIndex.signatureSize + 1))
        #expect(Array(bytes[0..<16]) == [0x34, 0x12, 0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1])
        #expect(bytes[16...].allSatisfy { $0 == 0xFF })
    }
}

@Suite("Calendar")
struct CalendarDateTests {
    @Test("weekdays and day arithmetic")
    func weekdays() throws {
        let d = try #require(CalendarDate(iso: "2025-01-21"))
        #expect(d.weekday == 2)  // Selasa
        #expect(d.adding(days: 11).iso == "2025-02-01")
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(IndonesianCalendar.month(named: "Agt") == 8)
        #expect(IndonesianCalendar.month(named: "May") == 5)
        #expect(IndonesianCalendar.weekday(named: "Jumat") == 5)
    }

    @Test("the days a year, a month or a day covers; nothing for what is none of them", arguments: [
        ("2025", "2025-01-01", "2025-12-31"), ("2024-02", "2024-02-01", "2024-02-29"), ("2025-07-09", "2025-07-09", "2025-07-09"),
        ("2025-13", nil, nil), ("2025-02-30", nil, nil), ("25", nil, nil), ("Juli", nil, nil), ("2025-07-09-01", nil, nil), ("2025-", nil, nil),
    ])
    func dayBounds(_ iso: String, _ first: String?, _ last: String?) {
        let bounds = CalendarDate.dayBounds(of: iso)
        #expect(bounds?.first == first)
        #expect(bounds?.last == last)
    }
}
