import Foundation
import Testing
@testable import Extractor

/// The repository's gazetteer, loaded once for all tests.
private let gazetteer: Result<Gazetteer, GazetteerError> = {
    do throws(GazetteerError) {
        return .success(try Gazetteer.load(folder: TestPaths.repoRoot.appendingPathComponent("gazetteer").path))
    } catch {
        return .failure(error)
    }
}()

private let matcher: EntityMatcher? = (try? gazetteer.get()).map { EntityMatcher(gazetteer: $0) }

/// Tokens of `text` as a document's sentences get them.
private func tokens(_ text: String) throws -> [Token] {
    let g = try gazetteer.get()
    return Tokenizer(abbreviations: g.abbreviations).tokenize(Array(text.unicodeScalars))
}

private func matches(_ text: String, kinds: Set<EntityKind> = Set(EntityKind.allCases)) throws -> [EntityMatch] {
    let m = try #require(matcher)
    return m.matches(in: try tokens(text), kinds: kinds)
}

@Suite("Gazetteer files")
struct GazetteerFileTests {
    /// The fixture is `../shared/reference/jakarta_regions.tsv`: cahyadsn/wilayah (MIT), Kepmendagri 300.2.2-2138/2025.
    @Test("places.tsv has every official region of the reference with the same parent")
    func regionsMatchReference() throws {
        let g = try gazetteer.get()
        let text = try String(contentsOf: TestPaths.fixture("jakarta_regions.tsv"), encoding: .utf8)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4 else { continue }
            let (code, level, parent) = (f[0], f[1], f[3])
            let entry = try #require(g.entry("place:\(code)"), "missing \(code) \(f[2])")
            #expect(entry.code == code)
            #expect(entry.parent == (parent.isEmpty ? nil : "place:\(parent)"), "parent of \(code)")
            #expect(entry.name == f[2] || entry.aliases.contains(f[2]), "\(code): official name \(f[2]) is neither name nor alias")
            let expectedTypes: Set<String> = level == "kabkota" ? ["kota", "kabupaten"] : [level]
            #expect(expectedTypes.contains(entry.type), "type of \(code)")
            counts[level, default: 0] += 1
        }
        #expect(counts == ["provinsi": 1, "kabkota": 6, "kecamatan": 44, "kelurahan": 267])
        let places = g.entries.values.filter { $0.kind == .place }
        #expect(places.filter { $0.type == "kota" }.count == 5)
        #expect(places.filter { $0.type == "kabupaten" }.count == 1)
        #expect(places.filter { $0.type == "kecamatan" }.count == 44)
        #expect(places.filter { $0.type == "kelurahan" }.count == 267)
    }

    @Test("the hierarchy can be walked down: Jakarta Pusat has eight kecamatan, Dinas Sosial its Suku Dinas")
    func children() throws {
        let g = try gazetteer.get()
        let kecamatan = g.children(of: "place:31.71").filter { $0.type == "kecamatan" }.map(\.name)
        #expect(kecamatan == ["Gambir", "Sawah Besar", "Kemayoran", "Senen", "Cempaka Putih", "Menteng", "Tanah Abang", "Johar Baru"])
        let sudin = g.children(of: "org:dinsos-dki").filter { $0.type == "suku-dinas" }.map(\.id)
        #expect(sudin.contains("org:sudinsos-jakpus") && sudin.contains("org:sudinsos-kepulauan-seribu"))
        #expect(g.entry("position:kepala-dinas-sosial")?.impliedOrg == "Dinas Sosial")
    }

    @Test("the organizations the rules scan come sorted by id, the other kinds left out")
    func organizationsInOrder() throws {
        let g = try gazetteer.get()
        let ids = g.organizations.map(\.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids) == Set(g.entries.values.filter { $0.kind == .organization }.map(\.id)))
        #expect(ids.contains("org:sudinsos-jakpus") && ids.contains("org:pemkot-jakpus"))
    }

    @Test("a gazetteer narrowed to positions keeps a working child index and matcher")
    func narrowed() throws {
        var positions = try gazetteer.get()
        positions.entries = positions.entries.filter { $0.value.kind == .position }
        #expect(positions.children(of: "place:31.71").isEmpty)
        #expect(positions.organizations.isEmpty)
        let found = EntityMatcher(gazetteer: positions).matches(in: try tokens("Kasudin Sosial Kota Administrasi Jakarta Pusat Abdul Salam"))
        #expect(found.map(\.id) == ["position:kepala-suku-dinas-sosial"])
        #expect(found.first?.surface == "Kasudin Sosial")
    }

    @Test("words.tsv gives each role its words, lowercased")
    func words() throws {
        let g = try gazetteer.get()
        #expect(g.words["speech_verb"]?.contains("ujar") == true)
        #expect(g.words["acting_prefix"]?.contains("plt.") == true)
        #expect(g.words["list_intro"]?.contains("turut hadir") == true)
        #expect(g.words["unit_noun"]?.contains("kk") == true)
        #expect(g.words["vague"] == ["puluhan", "ratusan", "ribuan", "belasan", "jutaan", "puluhan ribu", "ratusan ribu", "sejumlah", "beberapa", "banyak"])
    }

    @Test("a row of several spellings gives its role each of them, and each its spellings, the full one first")
    func spellings() throws {
        let (words, spellings) = try Gazetteer.loadWords(path: TestPaths.repoRoot.appendingPathComponent("gazetteer/words.tsv").path)
        #expect(words["province"]?.isSuperset(of: ["jawa barat", "jabar"]) == true)
        #expect(words["country"]?.isSuperset(of: ["amerika serikat", "as"]) == true)
        #expect(spellings["jabar"] == ["jawa barat", "jabar"])
        #expect(spellings["jawa barat"] == ["jawa barat", "jabar"])
        #expect(spellings["as"] == ["amerika serikat", "amerika", "as"])
        #expect(spellings["ujar"] == nil)
    }

    @Test("a region is the longest one the words start with: words.tsv's and ICU's countries")
    func regionLength() throws {
        let rules = RuleWords(try gazetteer.get().words)
        #expect(rules.regionLength(["jawa", "barat", "ridwan"]) == 2)
        #expect(rules.regionLength(["nusa", "tenggara", "barat"]) == 3)
        #expect(rules.regionLength(["selandia", "baru", "jacinda"]) == 2)
        #expect(rules.regionLength(["jabar"]) == 1)
        #expect(rules.regionLength(["jawa"]) == nil)
        #expect(rules.regionLength([]) == nil)
    }
}

@Suite("Gazetteer errors")
struct GazetteerErrorTests {
    static let entityHeader = "id\ttype\tname\taliases\tacronyms\tcode\tparent\tnote"

    /// A minimal valid folder, with `file` replaced by `content`.
    private func folder(replacing file: String, with content: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-gazetteer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var files = [
            "places.tsv": Self.entityHeader + "\nplace:31\tprovinsi\tDKI Jakarta\tJakarta\tDKI\t31\t\t\n",
            "organizations.tsv": Self.entityHeader + "\norg:dinsos-dki\tdinas\tDinas Sosial Provinsi DKI Jakarta\t\tDinsos\t\t\t\n",
            "programs.tsv": Self.entityHeader + "\n",
            "positions.tsv": "id\tname\taliases\timplied_org\tnote\n",
            "people.tsv": "id\tname\taliases\tnote\n",
            "words.tsv": "word\trole\tnote\n",
            "abbreviations.tsv": "abbreviation\tkind\texpansion\n",
        ]
        files[file] = content
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test("a bad line is reported with its file and line", arguments: [
        ("places.tsv", entityHeader + "\n# comment\nplace:31\tprovinsi\tDKI Jakarta\n", 3, "fields"),
        ("places.tsv", entityHeader + "\nplace:31\tnegara\tDKI Jakarta\t\t\t31\t\t\n", 2, "unknown type 'negara'"),
        ("places.tsv", entityHeader + "\nplace:31\tprovinsi\tDKI Jakarta\t\t\t31\t\t\nplace:31\tprovinsi\tJakarta\t\t\t31\t\t\n", 3, "duplicate id 'place:31'"),
        ("places.tsv", entityHeader + "\nplace:31\tprovinsi\tDKI Jakarta\t\t\t31\t\t\nplace:31.71\tkota\tJakarta Pusat\t\t\t31.71\tplace:32\t\n", 3, "parent 'place:32'"),
        ("places.tsv", entityHeader + "\nplace:31\tprovinsi\t\t\t\t31\t\t\n", 2, "name"),
        ("places.tsv", "id\tkind\tname\n", 1, "header"),
        ("organizations.tsv", entityHeader + "\norg:sudinsos\tsuku-dinas\tSuku Dinas Sosial\t\t\t\torg:dinas-sosial\t\n", 2, "parent 'org:dinas-sosial'"),
        ("places.tsv", entityHeader + "\nplace:31\tprovinsi\tDKI Jakarta\t\t\t31\tplace:31.71\t\nplace:31.71\tkota\tJakarta Pusat\t\t\t31.71\tplace:31\t\n", 2, "its own ancestor"),
        ("organizations.tsv", entityHeader + "\norg:pemkot-jakpus\tpemda\tPemkot Jakarta Pusat\t\t\t\tplace:31\t\n", 2, "is of kind place, not organization"),
        ("organizations.tsv", entityHeader + "\nplace:dinsos\tdinas\tDinas Sosial\t\t\t\t\t\n", 2, "must start with 'org:'"),
        ("programs.tsv", entityHeader + "\nprogram:tksk\tprogram\tTenaga Kesejahteraan Sosial Kecamatan\t\tTKSK\t\t\t\nprogram:tksk\tprogram\tTKSK\t\t\t\t\t\n", 3, "duplicate id"),
        ("positions.tsv", "id\tname\taliases\timplied_org\tnote\nposition:kadinsos\tKepala Dinas Sosial\tKadinsos\tDinas Kesehatan\t\n", 2, "implied_org 'Dinas Kesehatan'"),
        ("words.tsv", "word\trole\tnote\nujar\tSpeech Verb\t\n", 2, "role"),
        ("words.tsv", "word\trole\tnote\nujar\tspeech_verb\t\nri\tnatonal_suffix\t\n", 3, "unknown role 'natonal_suffix'"),
        ("people.tsv", "id\tname\taliases\tnote\nperson:joko-widodo\tJoko Widodo\tJokowi\t\nperson:jk\tJusuf Kalla\tjokowi\t\n", 3,
         "the name 'jokowi' of 'person:jk' is also one of 'person:joko-widodo'"),
        ("people.tsv", "id\tname\taliases\tnote\njoko-widodo\tJoko Widodo\tJokowi\t\n", 2, "must start with 'person:'"),
        ("people.tsv", "id\tname\taliases\tnote\nperson:x\t\tJokowi\t\n", 2, "name"),
    ])
    func badLine(_ file: String, _ content: String, _ line: Int, _ reason: String) throws {
        let url = try folder(replacing: file, with: content)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Gazetteer.load(folder: url.path)
            Issue.record("expected an error for \(file) line \(line)")
        } catch {
            guard case .malformedLine(let path, let errorLine, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path.hasSuffix("/" + file))
            #expect(errorLine == line)
            #expect(message.contains(reason), "\(message)")
            #expect(error.description.contains("\(file):\(line): "))
        }
    }

    @Test("the minimal folder itself loads")
    func minimalLoads() throws {
        let url = try folder(replacing: "programs.tsv", with: Self.entityHeader + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let g = try Gazetteer.load(folder: url.path)
        #expect(g.entries.count == 2)
    }

    @Test("a person of people.tsv is found by any of its names, in any case and spacing, and is no entry the matcher finds")
    func people() throws {
        let url = try folder(replacing: "people.tsv", with: "id\tname\taliases\tnote\n# leaders\nperson:joko-widodo\tJoko Widodo\tJokowi\tPresiden\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let g = try Gazetteer.load(folder: url.path)
        #expect(g.person(named: "JOKOWI")?.id == "person:joko-widodo")
        #expect(g.person(named: "Joko  Widodo")?.name == "Joko Widodo")
        #expect(g.person(named: "Joko") == nil)
        #expect(g.entry("person:joko-widodo")?.aliases == ["Jokowi"])
        #expect(g.entries["person:joko-widodo"] == nil)
    }
}

@Suite("Entity matching")
struct EntityMatcherTests {
    @Test("a title and its office are two layers: Kepala Dinas Sosial + Dinas Sosial Provinsi DKI Jakarta")
    func positionAndOrganization() throws {
        let found = try matches("Kepala Dinas Sosial Provinsi DKI Jakarta Iqbal Akbarudin")
        #expect(found.map(\.id) == ["position:kepala-dinas-sosial", "org:dinsos-dki"])
        #expect(found.map(\.surface) == ["Kepala Dinas Sosial", "Dinas Sosial Provinsi DKI Jakarta"])
        let positions = try matches("Kepala Dinas Kesehatan DKI Jakarta", kinds: [.position])
        #expect(positions.map(\.id) == ["position:kepala-dinas"])
        let orgs = try matches("Sekretaris Dinas Sosial, Ari Sonjaya", kinds: [.organization])
        #expect(orgs.map(\.id) == ["org:dinsos-dki"])
    }

    @Test("an expansion and its acronym both match: Tenaga Kesejahteraan Sosial Kecamatan (TKSK)")
    func expansionAndAcronym() throws {
        let found = try matches("Tenaga Kesejahteraan Sosial Kecamatan (TKSK), Pekerja Sosial Masyarakat (PSM)")
        #expect(found.map(\.id) == ["program:tksk", "program:tksk", "program:psm", "program:psm"])
        #expect(found.map(\.viaAcronym) == [false, true, false, true])
        #expect(found[0].tokenRange == 0..<4)
    }

    @Test("Sudinsos and the kota it names")
    func sudinsos() throws {
        let found = try matches("Suku Dinas Sosial (Sudinsos) Kota Administrasi Jakarta Pusat menggelar apel gabungan")
        #expect(found.map(\.id) == ["org:sudinsos", "org:sudinsos", "place:31.71"])
        #expect(try matches("Kepala Suku Dinas Sosial Jakarta Pusat, Abdul Salam").map(\.id)
            == ["position:kepala-suku-dinas-sosial", "org:sudinsos-jakpus"])
    }

    @Test("Gambir is the kecamatan first, with the kelurahan as alternative")
    func gambir() throws {
        let found = try matches("di Plaza Kantor Wali Kota Jakarta Pusat, Jalan Tanah Abang I, Gambir, Sabtu (21/6).")
        let gambir = try #require(found.first { $0.surface == "Gambir" })
        #expect(gambir.id == "place:31.71.01")
        #expect(gambir.alternatives == ["place:31.71.01.1001"])
        #expect(found.first?.id == "place:kantor-wali-kota-jakpus")
    }

    @Test("spelling variants name one place", arguments: [
        ("Kramatjati", "place:31.75.04"), ("Kramat Jati", "place:31.75.04"),
        ("Palmerah", "place:31.73.07"), ("Pal Merah", "place:31.73.07"),
        ("Pulogadung", "place:31.75.02"), ("Pulo Gadung", "place:31.75.02"),
        ("Kebun Jeruk", "place:31.73.05"), ("Kep. Seribu", "place:31.01"),
        ("Kota Administrasi Jakarta Selatan", "place:31.74"), ("Jakarta", "place:31"),
        ("Balaikota", "place:balai-kota-dki"), ("Monas", "place:monas"),
    ])
    func variants(_ text: String, _ id: String) throws {
        let found = try matches("di \(text) hari ini")
        #expect(found.map(\.id) == [id])
        #expect(found.first?.surface == text)
    }

    @Test("acronyms are case-sensitive: Jakpus and JAKPUS match, jakpus does not")
    func acronymCase() throws {
        let found = try matches("Sudin Pusip Jakpus")
        #expect(found.map(\.id) == ["place:31.71"])
        #expect(found.first?.viaAcronym == true)
        #expect(try matches("SUDIN PUSIP JAKPUS").map(\.id) == ["place:31.71"])
        #expect(try matches("warga jakpus").isEmpty)
        #expect(try matches("pks dan tksk").isEmpty)
    }

    @Test("proper names need a capital; common words need context", arguments: [
        ("program baru yang inovatif", [String]()),
        ("Program Baru Dinsos", ["org:dinsos-dki"]),
        ("warga Kelurahan Baru, Pasar Rebo", ["place:31.75.05.1002", "place:31.75.05"]),
        ("peringatan Hari Kartini", []),
        ("di Kelurahan Kartini", ["place:31.71.02.1003"]),
        ("kapasitas panti sosial yang penuh", ["place:panti-sosial"]),
        ("memperkuat pilar-pilar sosial dan lansia", ["program:pilar-sosial", "program:lansia"]),
        ("data terpadu kesejahteraan sosial (DTKS)", ["program:dtks", "program:dtks"]),
    ])
    func capitalsAndContext(_ text: String, _ ids: [String]) throws {
        #expect(try matches(text).map(\.id) == ids)
    }

    @Test("document-local names are added without touching the shared matcher")
    func adding() throws {
        let base = try #require(matcher)
        let local = base.adding([("Kampung Gembira", "program:kampung-gembira", .program, false),
                                 ("KG", "program:kampung-gembira", .program, true)])
        let text = try tokens("Program Kampung Gembira (KG) di Jakpus")
        #expect(local.matches(in: text).map(\.id) == ["program:kampung-gembira", "program:kampung-gembira", "place:31.71"])
        #expect(local.matches(in: text).map(\.viaAcronym) == [false, true, true])
        #expect(base.matches(in: text).map(\.id) == ["place:31.71"])
    }

    @Test("spans point into the source text in every seed release", arguments: [
        "beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt",
        "dinsos-2025-05-23-pekerja-penyuluh-sosial.txt",
        "dinsos-2025-07-01-temu-wagub-program-strategis.txt",
        "dinsos-karang-taruna-peningkatan-peran-serta-2025.txt",
        "sudinsos-jakpus-apel-gabungan-pilar-sosial.txt",
    ])
    func spansInSeeds(_ file: String) throws {
        let text = try String(contentsOf: TestPaths.repoRoot.appendingPathComponent("corpus/\(file)"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let found = try matches(text)
        #expect(found.count > 5)
        for match in found {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[match.span])
            #expect(String(view) == match.surface)
        }
        #expect(found.contains { $0.id == "org:dinsos-dki" || $0.id == "org:sudinsos" })
    }
}
