import Corpus
import Foundation
import Testing
@testable import Extractor

enum Extraction4 {
    static let resources: ExtractionResources = {
        do {
            return try ExtractionResources.load(gazetteerFolder: TestPaths.repoRoot.appendingPathComponent("gazetteer").path)
        } catch {
            preconditionFailure("the project's gazetteer must load: \(error)")
        }
    }()
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!
    static let extractor = DocumentExtractor(resources: resources, today: today)

    static func reader() throws -> CorpusReader {
        CorpusReader(boilerplate: try BoilerplateRules.load(path: TestPaths.repoRoot.appendingPathComponent("gazetteer/boilerplate.tsv").path))
    }

    /// Extraction of a text given as one release body.
    static func extract(_ text: String, published: String? = "2025-03-01") -> Extraction {
        let doc = Document(id: ContentHash.documentID(text), source: "test.txt", format: .text, text: text,
                           published: published.flatMap(CalendarDate.init(iso:)),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        return extractor.extract(doc).extraction
    }

    static func seed(_ name: String) throws -> (Document, Extraction) {
        let path = TestPaths.repoRoot.appendingPathComponent("corpus/\(name).txt").path
        let doc = try #require(try reader().read(path: path).documents.first)
        return (doc, extractor.extract(doc).extraction)
    }

    static let seeds = ["dinsos-karang-taruna-peningkatan-peran-serta-2025", "beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial",
                        "sudinsos-jakpus-apel-gabungan-pilar-sosial", "dinsos-2025-07-01-temu-wagub-program-strategis",
                        "dinsos-2025-05-23-pekerja-penyuluh-sosial"]
}

struct OfficialCase: Sendable, CustomStringConvertible {
    var text: String
    var name: String
    var title: String
    var org: String?
    var description: String { text }
}

@Suite("Officials in the forms releases use")
struct OfficialTests {
    static let cases: [OfficialCase] = [
        .init(text: "Kepala Dinas Sosial DKI Jakarta, Premi Lasari mengatakan, bantuan sudah disalurkan.",
              name: "Premi Lasari", title: "Kepala Dinas Sosial", org: "Dinas Sosial Provinsi DKI Jakarta"),
        .init(text: "Premi Lasari, Kepala Dinas Sosial, mengatakan bantuan sudah disalurkan.",
              name: "Premi Lasari", title: "Kepala Dinas Sosial", org: "Dinas Sosial Provinsi DKI Jakarta"),
        .init(text: "Apel tersebut dipimpin Wali Kota Administrasi Jakarta Pusat Arifin di Plaza Kantor Wali Kota.",
              name: "Arifin", title: "Wali Kota", org: "Pemerintah Kota Administrasi Jakarta Pusat"),
        .init(text: "Sambutan Kepala Dinas Sosial diwakili oleh Sekretaris Dinas Sosial, Ari Sonjaya.",
              name: "Ari Sonjaya", title: "Sekretaris Dinas Sosial", org: "Dinas Sosial Provinsi DKI Jakarta"),
        .init(text: "Dalam sesi diskusi, Pekerja Sosial Ahli Pertama, Raden Sunu Probo, menyampaikan praktik lapangan.",
              name: "Raden Sunu Probo", title: "Pekerja Sosial Ahli Pertama", org: nil),
        .init(text: "Acara dibuka Plt. Kepala Suku Dinas Sosial Jakarta Timur, Drs. H. Budi Santoso, M.Si., Senin (3/3).",
              name: "Budi Santoso", title: "Plt. Kepala Suku Dinas Sosial", org: "Suku Dinas Sosial Kota Administrasi Jakarta Timur"),
        .init(text: "Kasudin Sosial Jakarta Utara, Abdul Salam, mengatakan bantuan sudah disalurkan.",
              name: "Abdul Salam", title: "Kasudin Sosial", org: "Suku Dinas Sosial Kota Administrasi Jakarta Utara"),
        .init(text: "Hadir pula Wakil Gubernur DKI Jakarta, Rano Karno.",
              name: "Rano Karno", title: "Wakil Gubernur", org: "Pemerintah Provinsi DKI Jakarta"),
        .init(text: "Acara dibuka Gubernur Pramono Anung di Balai Kota.",
              name: "Pramono Anung", title: "Gubernur", org: "Pemerintah Provinsi DKI Jakarta"),
        // National news: an office of another province, or another body's governor, is not Jakarta's.
        .init(text: "Gubernur Jawa Barat, Ridwan Kamil, juga hadir.", name: "Ridwan Kamil", title: "Gubernur Jawa Barat", org: nil),
        .init(text: "Ridwan Kamil, Gubernur Jawa Barat, juga hadir.", name: "Ridwan Kamil", title: "Gubernur Jawa Barat", org: nil),
        .init(text: "Sekda Jawa Barat Iwa Karniwa datang.", name: "Iwa Karniwa", title: "Sekda Jawa Barat", org: nil),
        .init(text: "Gubernur Bank Indonesia Perry Warjiyo menjelaskan hal itu.", name: "Perry Warjiyo", title: "Gubernur Bank Indonesia", org: nil),
        .init(text: "Gubernur Jawa Tengah Ganjar Pranowo hadir.", name: "Ganjar Pranowo", title: "Gubernur Jawa Tengah", org: nil),
        .init(text: "Kepala Dinas Sosial Kabupaten Bogor, Ani Sutarni, hadir.",
              name: "Ani Sutarni", title: "Kepala Dinas Sosial Kabupaten Bogor", org: nil),
        .init(text: "Anggota DPRD Jawa Barat, Budi Hartono, hadir.", name: "Budi Hartono", title: "Anggota DPRD Jawa Barat", org: nil),
        // A rank is not part of the name; a compass word continues the region, not the name.
        .init(text: "Kapolda Jawa Timur Irjen Pol Luki Hermawan memberikan keterangan.", name: "Luki Hermawan", title: "Kapolda Jawa Timur", org: nil),
        .init(text: "Kapolda Metro Jaya, Irjen Gatot Eddy Pramono mengatakan hal itu.", name: "Gatot Eddy Pramono", title: "Kapolda Metro Jaya",
              org: nil),
        .init(text: "Diresmikan oleh Gubernur DKI Jakarta Jenderal Marinir Ali Sadikin, pada 10 November 1968, taman itu dibuka.",
              name: "Ali Sadikin", title: "Gubernur", org: "Pemerintah Provinsi DKI Jakarta"),
        .init(text: "Gubernur Papua Barat Brigjen TNI Marinir (Purn) Abraham Octavianus Atururi meninggal dunia.",
              name: "Abraham Octavianus Atururi", title: "Gubernur Papua Barat", org: nil),
        // A rank opens the name: the capitalised words between the title and the rank name the office's unit, unless
        // the rank also continues a title (`Direktorat Jenderal`).
        .init(text: "Pangdam Jaya Mayjen TNI Eko Margiyono meninjau lokasi banjir.", name: "Eko Margiyono", title: "Pangdam Jaya", org: nil),
        .init(text: "Pangdam XVII Cenderawasih, Mayjen TNI Herman Asaribab mengatakan situasi kondusif.", name: "Herman Asaribab",
              title: "Pangdam XVII Cenderawasih", org: nil),
        .init(text: "Kapolsek Ciranjang Kompol Kuslin Burhadi mengatakan pelaku sudah ditangkap.", name: "Kuslin Burhadi",
              title: "Kapolsek Ciranjang", org: nil),
        .init(text: "Kasubbag Humas Direktorat Jenderal Imigrasi Sam Fernando mengatakan paspor sudah terbit.", name: "Sam Fernando",
              title: "Kasubbag Humas Direktorat Jenderal Imigrasi", org: nil),
        // National offices: `Wakil Presiden` is no `Presiden`; a rank before a name opens it, though `Jenderal` continues
        // `Sekretaris Jenderal` before an office's words; an office's implied body may be an acronym (`Polri`).
        .init(text: "Wakil Presiden RI ke-11 Boediono hadir.", name: "Boediono", title: "Wakil Presiden RI ke-11", org: nil),
        .init(text: "Kapolri Jenderal Tito Karnavian meninjau lokasi.", name: "Tito Karnavian", title: "Kapolri",
              org: "Kepolisian Negara Republik Indonesia"),
        .init(text: "Panglima TNI Marsekal Hadi Tjahjanto meninjau lokasi.", name: "Hadi Tjahjanto", title: "Panglima TNI",
              org: "Tentara Nasional Indonesia"),
        .init(text: "Kapolri Jenderal Polisi Tito Karnavian meninjau lokasi.", name: "Tito Karnavian", title: "Kapolri",
              org: "Kepolisian Negara Republik Indonesia"),
        .init(text: "Kapolri Jendral Pol Tito Karnavian meninjau lokasi.", name: "Tito Karnavian", title: "Kapolri",
              org: "Kepolisian Negara Republik Indonesia"),
        .init(text: "Wakil Presiden Cina Wang Qishan hadir.", name: "Wang Qishan", title: "Wakil Presiden Cina", org: nil),
        // `Agung` continues `Mahkamah Agung` and `Jaksa Agung` (the gazetteer's), and starts a name elsewhere.
        .init(text: "Ketua Mahkamah Agung Hatta Ali hadir.", name: "Hatta Ali", title: "Ketua Mahkamah Agung", org: "Mahkamah Agung"),
        .init(text: "Jaksa Agung HM Prasetyo hadir.", name: "HM Prasetyo", title: "Jaksa Agung", org: "Kejaksaan Agung"),
        // A deputy holds the deputy's office, not the office a longer match names; ministers by their short forms.
        .init(text: "Wakil Kepala Dinas Sosial DKI Jakarta Budi Santoso hadir.", name: "Budi Santoso", title: "Wakil Kepala Dinas Sosial",
              org: "Dinas Sosial Provinsi DKI Jakarta"),
        .init(text: "Wakil Menteri Luar Negeri AM Fachir hadir.", name: "AM Fachir", title: "Wakil Menteri Luar Negeri", org: nil),
        .init(text: "Menkumham Yasonna Laoly hadir.", name: "Yasonna Laoly", title: "Menkumham", org: nil),
        .init(text: "Wakil Ketua DPRD DKI Jakarta Triwisaksana hadir.", name: "Triwisaksana", title: "Wakil Ketua DPRD DKI Jakarta",
              org: "DPRD DKI Jakarta"),
        .init(text: "Wakil Kepala BSSN Komjen Pol Dharma Pongrekun hadir.", name: "Dharma Pongrekun", title: "Wakil Kepala BSSN", org: nil),
        // The name after `pribadi` is the principal's; the holder follows it.
        .init(text: "Sekretaris Pribadi BJ Habibie, Rubijanto, mengatakan kondisi Habibie membaik.", name: "Rubijanto",
              title: "Sekretaris Pribadi BJ Habibie", org: nil),
        .init(text: "KPK menahan Asisten Pribadi Menpora Imam Nahrawi, Miftahul Ulum, kemarin.", name: "Miftahul Ulum",
              title: "Asisten Pribadi Menpora Imam Nahrawi", org: nil),
        .init(text: "KPK menetapkan Asisten Pribadi Menpora Miftahul Ulum sebagai tersangka.", name: "Miftahul Ulum",
              title: "Asisten Pribadi Menpora", org: nil),
        // Initials in brackets inside a name are the name's (and people.tsv knows the whole name).
        .init(text: "Presiden ke-3 RI Bacharuddin Jusuf (BJ) Habibie dimakamkan hari ini.", name: "BJ Habibie",
              title: "Presiden ke-3 RI", org: nil),
        // A title serving another names the principal's title; the name after it is the servant's.
        .init(text: "ujar Staf Khusus Menteri Sosial Febri Hendri dalam konferensi pers.", name: "Febri Hendri",
              title: "Staf Khusus Menteri Sosial", org: nil),
        .init(text: "Juru Bicara Menteri Luar Negeri Arrmanatha Nasir menjelaskan hal itu.", name: "Arrmanatha Nasir",
              title: "Juru Bicara Menteri Luar Negeri", org: nil),
        .init(text: "Staf Khusus Presiden Joko Widodo, Ari Dwipayana, hadir.", name: "Ari Dwipayana",
              title: "Staf Khusus Presiden Joko Widodo", org: nil),
        .init(text: "Juru Bicara KPK Febri Diansyah mengatakan hal itu.", name: "Febri Diansyah", title: "Juru Bicara KPK", org: nil),
        .init(text: "Mereka bertemu dengan Sekretaris Jenderal (Sekjen) DPR Indra Iskandar.", name: "Indra Iskandar",
              title: "Sekretaris Jenderal (Sekjen) DPR", org: "Dewan Perwakilan Rakyat Republik Indonesia"),
        // Another country's office is not the Indonesian body its title implies.
        .init(text: "Jaksa Agung Israel Avichai Mendelblit hadir.", name: "Avichai Mendelblit", title: "Jaksa Agung Israel", org: nil),
        .init(text: "Menteri Sosial Malaysia Rina Harun hadir.", name: "Rina Harun", title: "Menteri Sosial Malaysia", org: nil),
        .init(text: "Ketua Umum Partai Golkar Agung Laksono hadir.", name: "Agung Laksono", title: "Ketua Umum Partai Golkar", org: nil),
        .init(text: "Gubernur Jenderal Australia David Hurley menerima tamu.", name: "David Hurley", title: "Gubernur Jenderal Australia",
              org: nil),
        .init(text: "Sekretaris Jenderal Kementerian Sosial Hartono Laras hadir.", name: "Hartono Laras",
              title: "Sekretaris Jenderal Kementerian Sosial", org: "Kementerian Sosial Republik Indonesia"),
        // A company's name after a title runs to the place or word that closes it, and is kept whole in the title.
        .init(text: "Direktur Utama PT MRT Jakarta William Sabandar meresmikan stasiun.", name: "William Sabandar",
              title: "Direktur Utama PT MRT Jakarta", org: nil),
        .init(text: "Direktur Utama PT Bank Rakyat Indonesia (Persero) Tbk Sunarso hadir.", name: "Sunarso",
              title: "Direktur Utama PT Bank Rakyat Indonesia (Persero) Tbk", org: nil),
        // Two titles written as one word are honorifics; an ordinal numbers the holder.
        .init(text: "Presiden Republik Indonesia Ir.H. Joko Widodo membuka acara.", name: "Joko Widodo", title: "Presiden Republik Indonesia",
              org: nil),
        .init(text: "Presiden ke-3 RI B.J. Habibie meninggal dunia.", name: "BJ Habibie", title: "Presiden ke-3 RI", org: nil),
        .init(text: "Presiden Republik Indonesia Ke-7 Joko Widodo membuka acara.", name: "Joko Widodo",
              title: "Presiden Republik Indonesia Ke-7", org: nil),
        // A Roman numeral after a title word numbers the body, and is no initial of a name.
        .init(text: "Wakil Ketua Komisi V Lasarus mengatakan anggaran sudah disetujui.", name: "Lasarus", title: "Wakil Ketua Komisi V", org: nil),
        .init(text: "Ketua KPK Jilid I Taufiequrachman Ruki hadir dalam acara itu.", name: "Taufiequrachman Ruki", title: "Ketua KPK Jilid I",
              org: nil),
        .init(text: "Bupati Lampung Selatan, Nanang Ermanto, meninjau lokasi.", name: "Nanang Ermanto", title: "Bupati Lampung Selatan", org: nil),
        .init(text: "Menteri Agama Lukman Hakim Saifuddin membuka acara.", name: "Lukman Hakim Saifuddin", title: "Menteri Agama", org: nil),
        .init(text: "Kepala Dinas Sumber Daya Air Juaini hadir.", name: "Juaini", title: "Kepala Dinas Sumber Daya Air", org: nil),
        // An acronym after a title names its field or body; two capitals before a name are its initials, unless a body's.
        .init(text: "Menteri PUPR Basuki Hadimuljono meninjau lokasi.", name: "Basuki Hadimuljono", title: "Menteri PUPR", org: nil),
        .init(text: "Ketua Umum PDIP Megawati Soekarnoputri hadir.", name: "Megawati Soekarnoputri", title: "Ketua Umum PDIP", org: nil),
        .init(text: "Menko Polhukam Wiranto meninjau lokasi.", name: "Wiranto", title: "Menko Polhukam", org: nil),
        .init(text: "Presiden BJ Habibie dirawat di RSPAD.", name: "BJ Habibie", title: "Presiden", org: nil),
        // A name people.tsv gives a person is the person's, under the person's own name.
        .init(text: "Presiden Jokowi meresmikan jembatan.", name: "Joko Widodo", title: "Presiden", org: nil),
        .init(text: "Presiden B.J. Habibie dirawat di RSPAD.", name: "BJ Habibie", title: "Presiden", org: nil),
        .init(text: "Gubernur BI Perry Warjiyo menjelaskan hal itu.", name: "Perry Warjiyo", title: "Gubernur BI", org: nil),
        .init(text: "Kapolres Jakarta Utara AKBP Budhi Herdi Susianto meninjau lokasi.", name: "Budhi Herdi Susianto", title: "Kapolres",
              org: "Polres Metro Jakarta Utara"),
        // The title said again in short; a name the lexicon knows as a word (`bambang`) starts the name.
        .init(text: "Turut hadir Menteri Sosial Mensos Agus Gumiwang Kartasasmita.", name: "Agus Gumiwang Kartasasmita", title: "Menteri Sosial",
              org: "Kementerian Sosial Republik Indonesia"),
        .init(text: "Ketua MPR RI Bambang Soesatyo hadir.", name: "Bambang Soesatyo", title: "Ketua MPR RI", org: nil),
        .init(text: "Menteri Keuangan Bambang Brodjonegoro hadir.", name: "Bambang Brodjonegoro", title: "Menteri Keuangan", org: nil),
        // A root word of the language can be a name; a derived noun names a field (below).
        .init(text: "Wali Kota Pekanbaru Firdaus membuka acara.", name: "Firdaus", title: "Wali Kota Pekanbaru", org: nil),
        .init(text: "Menteri Sosial Tri Rismaharini meninjau lokasi.", name: "Tri Rismaharini", title: "Menteri Sosial",
              org: "Kementerian Sosial Republik Indonesia"),
        // Field words continue the title where a comma comes before the name; a ministry's short name continues it too.
        .init(text: "Menteri Luar Negeri, Mohammad Javad Zarif menegaskan hal itu.", name: "Mohammad Javad Zarif",
              title: "Menteri Luar Negeri", org: nil),
        .init(text: "Ujar Direktur Jenderal Perdagangan Luar Negeri Kemendag, Indrasari Wisnu Wardhana.", name: "Indrasari Wisnu Wardhana",
              title: "Direktur Jenderal Perdagangan Luar Negeri Kemendag", org: nil),
        // Every country ICU names in Indonesian is a region, not a name; a region of several words is never part of one.
        .init(text: "Presiden Zimbabwe, Emmerson Mnangagwa, tiba di Jakarta.", name: "Emmerson Mnangagwa", title: "Presiden Zimbabwe", org: nil),
        .init(text: "Menteri Luar Negeri Tunisia, Khemaies Jhinaoui, hadir.", name: "Khemaies Jhinaoui",
              title: "Menteri Luar Negeri Tunisia", org: nil),
        .init(text: "Perdana Menteri Selandia Baru Jacinda Ardern berbicara.", name: "Jacinda Ardern",
              title: "Perdana Menteri Selandia Baru", org: nil),
        .init(text: "Walhi Jawa Barat Meiki Paendong, Direktur Eksekutif, mengatakan hal itu.", name: "Meiki Paendong",
              title: "Direktur Eksekutif", org: nil),
    ]

    @Test("one form, one official", arguments: cases)
    func form(_ c: OfficialCase) throws {
        let officials = Extraction4.extract(c.text).officials
        let found = try #require(officials.first { $0.name == c.name }, "\(officials)")
        #expect(found.title == c.title)
        #expect(found.org == c.org)
        #expect(found.entity == "person:" + found.name.lowercased().split(whereSeparator: { $0 == " " || $0 == "." }).joined(separator: "-"))
    }

    @Test("a title serving another makes no holder of the principal's office; alone, it names no one", arguments: [
        ("ujar Staf Khusus Menteri Sosial Febri Hendri dalam konferensi pers.", ["Febri Hendri: Staf Khusus Menteri Sosial"]),
        ("Juru Bicara Menteri Luar Negeri Arrmanatha Nasir menjelaskan hal itu.", ["Arrmanatha Nasir: Juru Bicara Menteri Luar Negeri"]),
        ("Hal itu dikatakan juru bicara Google kepada wartawan.", []),
        ("Juru bicara Muhamad, Sukri, mengungkapkan hal itu.", []),
        ("Juru bicara Presiden Brazil mengatakan hal itu.", []),
        // A person people.tsv knows is the principal, never the servant; the serving title's short form may come between.
        ("Ia menjadi juru bicara Presiden Jokowi banyak melakukan kesalahan.", ["Joko Widodo: Presiden"]),
        ("Staf Khusus (Stafsus) Presiden Joko Widodo, Adamas Belva Syah Devara, mundur.",
         ["Adamas Belva Syah Devara: Staf Khusus (Stafsus) Presiden Joko Widodo"]),
    ])
    func serving(_ text: String, _ expected: [String]) {
        #expect(Extraction4.extract(text).officials.map { "\($0.name): \($0.title ?? "")" } == expected)
    }

    @Test("a title inside a body's name (Kantor Staf Presiden, Sekretariat Presiden) is no office of the name after it", arguments: [
        ("Kepala Sekretariat Presiden, Heru Budi Hartono mengatakan acara berjalan lancar.",
         ["Heru Budi Hartono: Kepala Sekretariat Presiden (Sekretariat Presiden)"]),
        ("Sementara Deputi IV Kantor Staf Presiden, Eko Sulistyo mengatakan hal itu.",
         ["Eko Sulistyo: Deputi IV Kantor Staf Presiden (Kantor Staf Presiden)"]),
        ("Hal itu disampaikan Kepala Biro Pers Media dan Informasi Sekretariat Presiden Erlin Suastini dalam siaran pers.",
         ["Erlin Suastini: Kepala Biro Pers Media dan Informasi Sekretariat Presiden (Sekretariat Presiden)"]),
        ("Kepala Staf Kepresidenan Moeldoko hadir di Istana.", ["Moeldoko: Kepala Staf Kepresidenan (Kantor Staf Presiden)"]),
        // A deputy is never the head, whether `Wakil` or `Deputi`; `Deputi` alone is a title too.
        ("Pernyataan itu disampaikan Deputi Sekjen PSSI Marshal Masita kepada wartawan.", []),
        ("Deputi Gubernur Bank Indonesia Destry Damayanti mengatakan hal itu.", ["Destry Damayanti: Deputi Gubernur Bank Indonesia ()"]),
        ("Deputi Penindakan KPK Firli Bahuri hadir di sana.", ["Firli Bahuri: Deputi Penindakan KPK ()"]),
        ("ujar Tenaga Ahli Deputi Kepala Staf Kepresidenan (KSP) Ali Mochtar Ngabalin kepada wartawan.", []),
    ])
    func titleInsideABody(_ text: String, _ expected: [String]) {
        #expect(Extraction4.extract(text).officials.map { "\($0.name): \($0.title ?? "") (\($0.org ?? ""))" } == expected)
    }

    @Test("a relative's or an aide's word before a title, a plural one, and an elect after it make no holder of the name", arguments: [
        ("Acara itu dihadiri istri Gubernur Jawa Barat, Ibu Atalia Ridwan Kamil.", []),
        ("Istri Wali Kota Bandung Oded M Danial hadir di sana.", ["Oded M Danial: Wali Kota Bandung"]),
        ("Thareq Kemal, putra presiden ke-3 RI, Bacharuddin Jusuf Habibie, mengatakan hal itu.", ["BJ Habibie: presiden ke-3 RI"]),
        ("Putra Presiden Joko Widodo (Jokowi), Gibran Rakabuming Raka hadir.", ["Joko Widodo: Presiden"]),
        ("Ia berbicara di depan para Menteri Kabinet Kerja Presiden Joko Widodo (Jokowi) kemarin.", ["Joko Widodo: Presiden"]),
        ("Habibie dekat dengan para Presiden, Kanselir, ilmuwan, dan industrialis.", []),
        // A holder elect does not hold the office yet.
        ("Acara itu dihadiri Wakil Presiden Terpilih Ma'ruf Amin.", []),
        ("Acara itu dihadiri Wakil Presiden terpilih Ma'ruf Amin.", []),
    ])
    func relativesAndPlurals(_ text: String, _ expected: [String]) {
        #expect(Extraction4.extract(text).officials.map { "\($0.name): \($0.title ?? "")" } == expected)
    }

    @Test("a list after Turut hadir, separated by ; and serta")
    func list() {
        let text = "Turut hadir dalam pertemuan tersebut Sekretaris Dinas Sosial, Ari Sonjaya; Kepala Bidang Rehabilitasi Sosial, Maria Margaretha; Kepala Pusat Data dan Informasi Kesejahteraan Sosial (Pusdatin Kesos), Rani Nurani; serta Kepala Suku Dinas Sosial Jakarta Pusat, Abdul Salam."
        let officials = Extraction4.extract(text).officials
        #expect(officials.map(\.name) == ["Ari Sonjaya", "Maria Margaretha", "Rani Nurani", "Abdul Salam"])
        #expect(officials.map(\.title) == ["Sekretaris Dinas Sosial", "Kepala Bidang Rehabilitasi Sosial",
                                           "Kepala Pusat Data dan Informasi Kesejahteraan Sosial", "Kepala Suku Dinas Sosial"])
        #expect(officials.last?.org == "Suku Dinas Sosial Kota Administrasi Jakarta Pusat")
    }

    @Test("reporters, editors and photographers are not officials")
    func credits() throws {
        let (doc, e) = try Extraction4.seed("beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial")
        #expect(doc.reporter == "Aldi Geri Lumban Tobing")
        #expect(!e.officials.contains { $0.name.contains("Aldi") || $0.name.contains("Erikyanri") })
        let (_, apel) = try Extraction4.seed("sudinsos-jakpus-apel-gabungan-pilar-sosial")
        #expect(!apel.officials.contains { $0.name.contains("Ainaya") })
    }

    @Test("a later short form and a position without a name resolve to the person named in full")
    func coreference() throws {
        let text = "Kepala Dinas Sosial DKI Jakarta, Premi Lasari, membuka acara. Kepala Dinas Sosial menegaskan pentingnya sinergi. \"Kami siap,\" ujar Premi."
        let doc = Document(id: "c", source: "c.txt", format: .text, text: text, published: CalendarDate(iso: "2025-01-21"),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        let facts = Extraction4.extractor.extract(doc)
        let premi = facts.mentions.filter { $0.id == "person:premi-lasari" }
        #expect(premi.map(\.surface) == ["Kepala Dinas Sosial DKI Jakarta, Premi Lasari", "Kepala Dinas Sosial", "Premi"])
        #expect(facts.extraction.officials.count == 1)
    }

    @Test("a position without a name resolves to the holder of its office under another of its titles")
    func positionUnderAnotherTitle() {
        let text = "Menteri Perhubungan Budi Karya Sumadi meninjau stasiun. Menhub menegaskan pentingnya keselamatan."
        let doc = Document(id: "m", source: "m.txt", format: .text, text: text, published: CalendarDate(iso: "2019-09-10"),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        let facts = Extraction4.extractor.extract(doc)
        #expect(facts.mentions.filter { $0.id == "person:budi-karya-sumadi" }.map(\.surface) == ["Menteri Perhubungan Budi Karya Sumadi", "Menhub"])
    }

    @Test("a position without a name resolves within its own province's office")
    func positionOfAnotherProvince() {
        let text = "Gubernur Jawa Barat, Ridwan Kamil, membuka acara. Gubernur Jawa Tengah menyampaikan dukungan. Gubernur Jawa Barat menegaskan pentingnya sinergi. Gubernur menutup acara."
        let doc = Document(id: "p", source: "p.txt", format: .text, text: text, published: CalendarDate(iso: "2019-09-10"),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        let facts = Extraction4.extractor.extract(doc)
        // Not `Gubernur Jawa Tengah`, nor the bare `Gubernur` (Jakarta's).
        #expect(facts.mentions.filter { $0.id == "person:ridwan-kamil" }.map(\.surface) == ["Gubernur Jawa Barat, Ridwan Kamil", "Gubernur Jawa Barat"])
    }

    static func facts(_ text: String) -> DocumentFacts {
        let doc = Document(id: ContentHash.documentID(text), source: "t.txt", format: .text, text: text, published: CalendarDate(iso: "2019-09-20"),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        return Extraction4.extractor.extract(doc)
    }

    @Test("in a document about another province, city or country, offices named without Jakarta are not Jakarta's", arguments: [
        "Pemerintah Provinsi Kalimantan Selatan (Pemprov Kalsel) menerjunkan tim relawan. Menurut Gubernur Kalimantan Selatan Sahbirin "
            + "Noor, tim itu berpatroli di wilayah Kalsel. Menurut Gubernur Sahbirin Noor, pembakar memakai modus baru. Dinas Sosial "
            + "menyalurkan bantuan kepada warga. Kepala Dinas Sosial Ahmad Fauzi menyampaikan hal itu.",
        "Gubernur Andrew Cuomo melarang rokok elektrik beraroma di New York, Amerika Serikat. Kasus serupa muncul di negara bagian "
            + "lain di AS. Dinas Sosial menyalurkan bantuan kepada warga. Kepala Dinas Sosial Ahmad Fauzi menyampaikan hal itu.",
        // A city outside Jakarta (words.tsv's `region`), and a regency the document introduces, count as other provinces do.
        "Wali Kota Palu diwakili Sekretaris Daerah Asri meresmikan Kampung KB di Palu, Rabu (18/9/2019). Sekda mengatakan warga "
            + "Palu antusias.",
        "Dinas Sosial Kabupaten Magetan menyalurkan bantuan. Kepala Dinas Sosial Budi Santoso mengatakan bantuan untuk warga Magetan.",
    ])
    func documentAboutElsewhere(_ text: String) {
        let facts = Self.facts(text)
        #expect(!facts.extraction.officials.isEmpty)
        #expect(facts.extraction.officials.allSatisfy { $0.org == nil }, "\(facts.extraction.officials)")
        #expect(!facts.mentions.contains { $0.id == "org:dinsos-dki" || $0.id == "org:pemprov-dki" }, "\(facts.mentions)")
        #expect(!facts.extraction.events.contains { $0.actor == "Dinas Sosial Provinsi DKI Jakarta" })
    }

    @Test("an honorific opens no name written before a title; a candidate holds no office; the document's outlet names no one; nor does an unclosed company")
    func appositions() {
        func officials(_ text: String, outlet: String? = nil) -> [String] {
            let doc = Document(id: ContentHash.documentID(text), source: "t.txt", format: .text, text: text,
                               published: CalendarDate(iso: "2019-09-20"), outlet: outlet,
                               paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
            return Extraction4.extractor.extract(doc).extraction.officials.map { "\($0.name) — \($0.title ?? "")" }
        }
        #expect(officials("Menurut Nana, Pak Sandiaga Uno, Wakil Gubernur saat itu, mengetahui konsep itu.")
                == ["Sandiaga Uno — Wakil Gubernur"])
        #expect(officials("Mengenai pencalonan calon wakil gubernur DKI, Syaikhu menyerahkannya kepada partainya.").isEmpty)
        #expect(officials("Asisten Pribadi BJ Habibie mengatakan kondisi Habibie membaik.").isEmpty)
        // The deputy is no holder of the head's office, nor of another office its title's first word names; a deputy
        // whose office the gazetteer lacks is no official.
        let deputy = Extraction4.extract("Wakil Kepala Dinas Sosial DKI Jakarta Budi Santoso hadir.").officials
        #expect(deputy.map(\.positionID) == ["position:wakil-kepala"])
        let ceo = Extraction4.extract("Wakil Presiden Direktur PT Pondok Indah Mall Tbk Jeffri Sandra Tanudjaja hadir.").officials
        #expect(ceo.map(\.positionID) == ["position:wakil-presiden-direktur"])
        #expect(Extraction4.extract("Wakil Kapolri Komjen Ari Dono Sukmanto hadir.").officials.map(\.positionID) == ["position:wakil-kapolri"])
        #expect(officials("Wakil Sekretaris Jenderal PDIP Utut Adianto hadir.").isEmpty)
        // A body a lowercase word introduces ends a clause at its comma: no legislator.
        #expect(officials("Revisi itu disahkan oleh DPR, Wiranto mengatakan pembahasan masih berlanjut.").isEmpty)
        #expect(officials("Pertama adalah calon wakil ketua DPR Pak Prabowo menunjuk saudara Sufmi Dasco Ahmad.").isEmpty)
        // Nor does the title alone stand for the holder the document names.
        let candidate = "Wakil Gubernur DKI Jakarta Sandiaga Uno hadir. Partai mengusung calon Wakil Gubernur yang baru."
        #expect(officials(candidate) == ["Sandiaga Uno — Wakil Gubernur"])
        #expect(Self.facts(candidate).mentions.filter { $0.id == "person:sandiaga-uno" }.count == 1)
        // A company's name nothing closes runs into the person's: where it ends is unknown, so no official.
        #expect(officials("Presiden Direktur PT Toyota Astra Motor Yoshihiro Nakata hadir.").isEmpty)
        #expect(officials("Direktur Utama PT Jakarta Propertindo Dwi Wahyu Daryoto hadir.").isEmpty)
        let tempo = "Dari data yang dihimpun Tempo, wakil gubernur DKI Jakarta memang pernah diisi lebih dari satu orang."
        #expect(officials(tempo, outlet: "tempo.co").isEmpty)
        #expect(officials(tempo, outlet: "Kompas.com") == ["Tempo — wakil gubernur"])
    }

    @Test("a document that names Jakarta at least as often as other provinces is Jakarta's; an office named with Jakarta is Jakarta's anywhere", arguments: [
        ("Gubernur Pramono Anung menerima kunjungan Gubernur Jawa Barat di Balai Kota Jakarta. Dinas Sosial menyalurkan bantuan.",
         "Pramono Anung", "Pemerintah Provinsi DKI Jakarta"),
        ("Gubernur Pramono Anung menerima Gubernur Jawa Barat dan Gubernur Banten di Balai Kota Jakarta. Dinas Sosial DKI Jakarta "
            + "menyalurkan bantuan kepada warga Jakarta.", "Pramono Anung", "Pemerintah Provinsi DKI Jakarta"),
        ("Gubernur DKI Jakarta Anies Baswedan mengirim bantuan ke Riau. Pemprov Riau menolak bantuan itu, kata Gubernur Riau Syamsuar.",
         "Anies Baswedan", "Pemerintah Provinsi DKI Jakarta"),
        // Jakarta's police region is no place outside Jakarta.
        ("Kapolda Metro Jaya Irjen Gatot Eddy Pramono dan Gubernur Anies Baswedan meninjau Jakarta Utara. Polda Metro Jaya menjaga "
            + "pintu air.", "Anies Baswedan", "Pemerintah Provinsi DKI Jakarta"),
    ])
    func documentAboutJakarta(_ text: String, _ name: String, _ org: String) throws {
        let facts = Self.facts(text)
        let official = try #require(facts.extraction.officials.first { $0.name == name })
        #expect(official.org == org)
    }

    @Test("a regency or city the document introduces continues a title, not a name", arguments: [
        ("Seorang siswa di Kabupaten Magetan mengundurkan diri. Kepala Dinas Pendidikan Magetan Suwoto memastikan ia ikut ujian.",
         "Suwoto", "Kepala Dinas Pendidikan Magetan"),
        ("Polres Fakfak menjaga pasar. Sekretaris Daerah Fakfak Ali Baham Temongmere menyerahkan bantuan.",
         "Ali Baham Temongmere", "Sekretaris Daerah Fakfak"),
        // Not a name after `Wali Kota`, nor a word the lexicon knows (or whose root it knows) after `Polres`.
        ("Wali Kota Airin Rachmi Diany membuka acara di Kota Tangerang Selatan.", "Airin Rachmi Diany", "Wali Kota"),
        ("Polres Pelabuhan Belawan menangkap pelaku. Kapolres Pelabuhan Belawan AKBP Ikhwan Lubis mengatakan hal itu.",
         "Ikhwan Lubis", "Kapolres Pelabuhan Belawan"),
    ])
    func learnedRegion(_ text: String, _ name: String, _ title: String) throws {
        let officials = Self.facts(text).extraction.officials
        let official = try #require(officials.first { $0.name == name }, "\(officials)")
        #expect(official.title == title)
        #expect(official.org == nil)
    }

    @Test("a former holder is marked so, in either order, and stands for no later mention of the office", arguments: [
        ("Mantan Gubernur Jawa Barat, Ahmad Heryawan tidak memenuhi panggilan KPK.", "Ahmad Heryawan", "Gubernur Jawa Barat"),
        ("Pertemuan itu dihadiri Ahmad Heryawan, mantan Gubernur Jawa Barat, kemarin.", "Ahmad Heryawan", "Gubernur Jawa Barat"),
        ("Sebelumnya, eks Menteri Sosial Idrus Marham divonis tiga tahun penjara.", "Idrus Marham", "Menteri Sosial"),
        ("Bekas Kepala Dinas Sosial DKI Jakarta, Premi Lasari, hadir dalam acara itu.", "Premi Lasari", "Kepala Dinas Sosial"),
    ])
    func formerHolder(_ text: String, _ name: String, _ title: String) throws {
        let extraction = Extraction4.extract(text, published: "2019-09-20")
        let official = try #require(extraction.officials.first)
        #expect(extraction.officials.count == 1)
        #expect(official.name == name)
        #expect(official.title == title)
        #expect(official.former == true)
        #expect(extraction.jsonLine.contains("\"former\":true"))
    }

    @Test("a holder is no former one, and a former holder is no holder of a later mention of the office")
    func formerHolderInADocument() {
        let text = "Mantan Gubernur Jawa Barat, Ahmad Heryawan tidak hadir. Gubernur Jawa Barat Ridwan Kamil membuka acara. "
            + "Gubernur Jawa Barat menegaskan pentingnya sinergi. Mantan Gubernur Jawa Barat itu berada di luar negeri."
        let doc = Document(id: "f", source: "f.txt", format: .text, text: text, published: CalendarDate(iso: "2019-09-20"),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        let facts = Extraction4.extractor.extract(doc)
        #expect(facts.extraction.officials.map { "\($0.name) \($0.former == true)" } == ["Ahmad Heryawan true", "Ridwan Kamil false"])
        #expect(!facts.extraction.jsonLine.contains("\"former\":false"))
        // Without the former holder the office has one holder, who the nameless mention is; the former one stands for none.
        #expect(facts.mentions.filter { $0.id == "person:ridwan-kamil" }.map(\.surface) == ["Gubernur Jawa Barat Ridwan Kamil", "Gubernur Jawa Barat"])
        #expect(facts.mentions.filter { $0.id == "person:ahmad-heryawan" }.map(\.surface) == ["Gubernur Jawa Barat, Ahmad Heryawan"])
    }

    @Test("a position without a name is not an official by itself", arguments: [
        "Kepala Dinas Sosial menegaskan pentingnya sinergi.",
        // Capitalised words after the position that name its field, not a person.
        "Menteri Pertanian meninjau lahan di Karawang.",
        "Kepala Bidang Pembinaan menegaskan pentingnya sinergi.",
        "Kepala Dinas Ketahanan Pangan hadir dalam rapat.",
        "Kesehatan, Menteri Dalam Negeri dan Menteri Sosial hadir.",
        "Aturan itu tertuang dalam Peraturan Presiden Nomor 12 Tahun 2019.",
        "Rapat itu dihadiri Anggota Komisi I dan Wakil Ketua Komisi V.",
        // A country, a region of several words, a field, a council's title word, or a place named after a place word.
        "Presiden Ukraina mengunjungi Indonesia pada 1996.",
        "Seorang anggota DPRD Bandung, Jawa Barat berinisial IH ditahan polisi.",
        "Kepala Pusat Data Informasi hadir dalam rapat.",
        "Penting bagi anggota Dewan Pengawas tidak ada rekam jejak.",
        "Massa berunjuk rasa di depan Gedung DPR, Kompleks Parlemen, Senayan.",
        "Wisatawan memadati Danau Toba, Gubernur Sumatera Utara pun hadir.",
        // A position that ends a sentence without a full stop.
        "Turut hadir Gubernur",
    ])
    func positionWithoutName(_ text: String) {
        #expect(Extraction4.extract(text).officials.isEmpty, "\(Extraction4.extract(text).officials)")
    }
}

@Suite("Figures, places, programs and events")
struct FactTests {
    @Test("figures after BERITA TERKAIT and view counts are not facts")
    func boilerplateFigures() throws {
        let (_, e) = try Extraction4.seed("beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial")
        let values = Set(e.figures.compactMap(\.value))
        for junk in [86.0, 1452, 43, 775, 936, 1495, 1050, 80, 126.65, 75] { #expect(!values.contains(junk), "\(junk)") }
        #expect(e.figures.contains { $0.value == 400 && $0.unit == "tenaga sosial" && $0.qualifier == "lebih dari" })
        #expect(e.figures.contains { $0.value == 1600 && $0.unit == "peserta" && $0.about == "Jambore Karang Taruna" })
        #expect(e.figures.contains { $0.value == 2116 && $0.unit == "UKKT" })
    }

    @Test("regulation numbers, years and durations are not figures")
    func notFigures() {
        let e = Extraction4.extract("Sesuai Pergub Nomor 81 Tahun 2022, kegiatan selama dua hari pada 2025 diikuti 120 warga.")
        #expect(e.figures.map(\.value) == [120])
        #expect(e.figures.first?.unit == "warga")
    }

    @Test("a number before a month is a day the date rules did not take, not a figure; nor is one before usai or a round's besar")
    func monthsAreNoUnits() {
        let e = Extraction4.extract("Barcelona mengalahkan Real Betis 5-2 Agustus lalu di depan 80 ribu penonton.")
        #expect(e.figures.map(\.unit) == ["penonton"])
        let other = Extraction4.extract("IHSG ditutup di level 6.231,47 usai melemah, dan delapan wakil tampil di babak 32 besar.")
        #expect(other.figures.map(\.unit) == ["wakil"])
    }

    @Test("acronyms a document defines are learned and reported with their expansion")
    func acronyms() {
        let e = Extraction4.extract("Dinsos melatih Pendamping Rehabilitasi Sosial Anak (PRSA) di Jakarta. Para PRSA kemudian bertugas di panti.")
        let learned = e.programs.filter { $0.acronym == "PRSA" }
        #expect(learned.map(\.surface) == ["Pendamping Rehabilitasi Sosial Anak", "PRSA", "PRSA"])
        #expect(learned.first?.name == "Pendamping Rehabilitasi Sosial Anak")
        #expect(learned.first?.entity == "program:prsa")
    }

    @Test("a definition in brackets is learned; a date, a place or a clause that holds the letters is not", arguments: [
        ("Warga kini dilayani Pusat Kesehatan masyarakat (Puskesmas) terdekat.", "Puskesmas ← Pusat Kesehatan masyarakat"),
        ("Kunjungan itu didampingi Menteri Luar Negeri (Menlu) Retno Marsudi.", "Menlu ← Menteri Luar Negeri"),
        ("Deretan Rumah toko (Ruko) di kawasan itu terbakar.", "Ruko ← Rumah toko"),
        ("Ponsel itu memakai System on Chip (SoC) buatan sendiri.", "SoC ← System on Chip"),
        ("Ia mengajar di Fakultas Ekonomi dan Bisnis (FEB) sejak 2010.", "FEB ← Fakultas Ekonomi dan Bisnis"),
        ("Layanan itu hanya berjalan selama empat hari saja dan baru aktif hari ini (Selasa).", nil),
        ("Ia ditanya wartawan terkait perintah Presiden Joko Widodo (Widodo) itu.", nil),
        ("Yang paling penting soal sisi kemanusiaan dengan memanusiakan mereka (Papua).", nil),
        // A person's nickname or initials: people.tsv's, or a blend of a name after a title.
        ("Presiden Joko Widodo (Jokowi) meresmikan jembatan itu.", nil),
        ("Presiden ke-3 RI Bacharuddin Jusuf (BJ) Habibie dimakamkan hari ini.", nil),
        ("Gubernur Sumatera Utara Edy Rahmayadi (Edy) meninjau lokasi.", nil),
        ("Ia putri Bupati Ogan Ilir (OI), Ilyas Panji Alam.", "OI ← Ogan Ilir"),
        ("Data itu disimpan di layanan Amazon Web Services (AWS) milik perusahaan.", "AWS ← Amazon Web Services"),
    ] as [(String, String?)])
    func learnedAcronym(_ text: String, _ expected: String?) {
        let doc = Document(id: "a", source: "a.txt", format: .text, text: text, published: CalendarDate(iso: "2019-09-10"),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        let learned = Extraction4.extractor.extract(doc).acronyms.map { "\($0.acronym) ← \($0.expansion)" }
        #expect(learned == (expected.map { [$0] } ?? []))
    }

    @Test("Gambir the kelurahan or the kecamatan, by context", arguments: [
        ("Warga Kelurahan Gambir menerima bantuan.", "kelurahan"),
        ("Camat Gambir meninjau lokasi. Kecamatan Gambir menyiapkan posko.", "kecamatan"),
        ("Apel digelar di Gambir, Jakarta Pusat.", "kecamatan"),
    ])
    func gambir(_ text: String, _ type: String) throws {
        let gambir = try #require(Extraction4.extract(text).locations.first { $0.name == "Gambir" })
        #expect(gambir.type == type)
        #expect(gambir.code == (type == "kecamatan" ? "31.71.01" : "31.71.01.1001"))
    }

    @Test("the Jambore is one event with actor, action, program, date and participants")
    func jambore() throws {
        let (_, e) = try Extraction4.seed("beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial")
        let event = try #require(e.events.first { $0.program == "Jambore Karang Taruna" })
        #expect(event.actor == "Dinas Sosial Provinsi DKI Jakarta")
        #expect(event.action == "gelar")
        #expect(event.date == "2024")
        #expect(event.participants == [Participants(value: 1600, unit: "peserta")])
    }

    @Test("the Jakarta Pusat apel: one event with its date, place and programs")
    func apel() throws {
        let (_, e) = try Extraction4.seed("sudinsos-jakpus-apel-gabungan-pilar-sosial")
        let event = try #require(e.events.first)
        #expect(event.actor == "Suku Dinas Sosial Kota Administrasi Jakarta Pusat")
        #expect(event.action == "gelar")
        #expect(event.date == "2025-06-21")
        #expect(event.location == "Kantor Wali Kota Jakarta Pusat")
        #expect(Set(event.programs ?? []).isSuperset(of: ["Karang Taruna", "Taruna Siaga Bencana", "Tenaga Kesejahteraan Sosial Kecamatan"]))
    }

    @Test("a term of office (periode 2019-2023) dates no activity; the activity's own date does")
    func termOfOffice() throws {
        let e = Extraction4.extract("Wakil Ketua DPR mengusulkan komisioner KPK terpilih periode 2019-2023 segera dilantik oleh Presiden Joko Widodo.")
        let event = try #require(e.events.first)
        #expect(event.action == "lantik")
        #expect(event.date == nil)
        #expect(e.dates.map(\.normalized) == ["2019/2023"])
        let dated = Extraction4.extract("Komisioner KPK periode 2019-2023 dilantik oleh Presiden Joko Widodo pada Jumat (20/12/2019).")
        #expect(dated.events.first?.date == "2019-12-20")
    }

    @Test("a day of history the document recalls dates none of its activities")
    func historyDatesNoActivity() throws {
        let e = Extraction4.extract("Kota itu berdiri sejak 1945. Wali Kota Surabaya Tri Rismaharini menggelar Mlaku-Mlaku Nang Tunjungan sebulan sekali.",
                                    published: "2019-09-10")
        #expect(e.events.first?.action == "gelar")
        #expect(e.events.first?.date == nil)
        let near = Extraction4.extract("Acara digelar pada Agustus 2019. Wali Kota Surabaya Tri Rismaharini menggelar Mlaku-Mlaku Nang Tunjungan.",
                                       published: "2019-09-10")
        #expect(near.events.last?.date == "2019-08")
    }

    @Test("what a sentence compares its activity with, or a start long ago, dates it not, nor gives its participants", arguments: [
        ("Dinas Sosial, Selasa (21/1), menggelar pelatihan Karang Taruna yang diikuti 500 peserta, meningkat dibandingkan tahun 2023 "
            + "yang hanya 300 peserta.", "2025-01-21", [500.0]),
        ("Dinas Sosial menggelar pelatihan Karang Taruna yang diikuti 500 peserta, meningkat dibandingkan tahun 2023.", nil, [500]),
        ("Dinas Sosial menggelar pelatihan Karang Taruna sejak 2015 dan telah diikuti 10.000 peserta.", nil, []),
        // A recent start is the activity's own date (the post opened on Saturday).
        ("Posko kesehatan dibuka Dinas Sosial sejak Sabtu (18/1) dan telah melayani 300 peserta.", "2025-01-18", [300]),
    ] as [(String, String?, [Double])])
    func otherTimes(_ text: String, _ date: String?, _ participants: [Double]) throws {
        let event = try #require(Extraction4.extract(text, published: "2025-01-21").events.first)
        #expect(event.date == date)
        #expect(event.participants.compactMap(\.value) == participants)
    }

    @Test("the meeting with the vice governor happened on 1 July 2025 at Balai Kota")
    func meeting() throws {
        let (_, e) = try Extraction4.seed("dinsos-2025-07-01-temu-wagub-program-strategis")
        let event = try #require(e.events.first)
        #expect(event.actor == "Iqbal Akbarudin")
        #expect(event.action == "temu")
        #expect(event.date == "2025-07-01")
        #expect(event.location == "Balai Kota DKI Jakarta")
    }

    @Test("every fact's span slices exactly its surface out of the file", arguments: Extraction4.seeds)
    func spans(_ name: String) throws {
        let (doc, e) = try Extraction4.seed(name)
        let text = ScalarText(doc.text)
        func check(_ surface: String, _ span: [Int]) { #expect(text.slice(span[0]..<span[1]) == surface) }
        for f in e.officials { check(f.surface, f.span) }
        for f in e.programs { check(f.surface, f.span) }
        for f in e.figures { check(f.surface, f.span) }
        for f in e.money { check(f.surface, f.span) }
        for f in e.dates { check(f.surface, f.span) }
        for f in e.locations { check(f.surface, f.span) }
        for f in e.events { check(f.sentence, f.span) }
    }

    @Test("spans map back through HTML entities and tags")
    func htmlSpans() throws {
        let path = TestPaths.fixture("documents/antara-page.html").path
        let doc = try #require(try Extraction4.reader().read(path: path).documents.first)
        let e = Extraction4.extractor.extract(doc).extraction
        let text = ScalarText(doc.text)
        #expect(e.officials.contains { $0.name == "Premi Lasari" })
        for f in e.figures { #expect(text.slice(f.span[0]..<f.span[1]) == f.surface) }
        #expect(e.figures.contains { $0.value == 120 && $0.unit == "kepala keluarga" })
        #expect(e.locations.contains { $0.name == "Kapuk" && $0.type == "kelurahan" })
    }
}

@Suite("Evaluation against the gold files")
struct EvaluationTests {
    @Test("kb eval's scores on the five seeds")
    func seeds() throws {
        let run = EvaluationRun(reader: try Extraction4.reader(), extractor: Extraction4.extractor)
        let evaluation = try run.run(goldFolder: TestPaths.repoRoot.appendingPathComponent("Tests/Gold").path,
                                     documentFolder: TestPaths.repoRoot.appendingPathComponent("corpus").path)
        #expect(evaluation.documents == 5)
        for type in Evaluation.factTypes {
            let score = evaluation.score(for: type)
            #expect(score.f1 >= 0.9, "\(type): \(score.missed) \(score.added)")
        }
        #expect(evaluation.score(for: "officials (name)").f1 == 1)
        #expect(evaluation.score(for: "published").f1 == 1)
    }

    @Test("a miss and an addition are counted as such")
    func counting() throws {
        var evaluation = Evaluation()
        var predicted = Extraction(document: .init(Document(id: "x", source: "x", format: .text, text: "")))
        predicted.officials = [OfficialFact(name: "Premi Lasari", title: "Kepala Dinas Sosial", org: nil, entity: nil, surface: "", span: [0, 0])]
        let gold = #"{"document": {"published": null}, "officials": [{"name": "Iqbal Akbarudin", "title": "Kepala Dinas Sosial"}]}"#
        try evaluation.add(predicted: predicted, gold: Data(gold.utf8), name: "x")
        let score = evaluation.score(for: "officials (name)")
        #expect(score.precision == 0)
        #expect(score.recall == 0)
        #expect(score.missed == ["x: iqbal akbarudin"])
        #expect(score.added == ["x: premi lasari"])
    }
}

@Suite("Documents without a date, read with others")
struct BatchYearTests {
    static func dayOf(_ text: String, extractor: DocumentExtractor = Extraction4.extractor) -> String? {
        let doc = Document(id: ContentHash.documentID(text), source: "test.txt", format: .text, text: text, published: nil,
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        return extractor.extract(doc).extraction.dates.first { $0.granularity == "day" }?.normalized
    }

    static let bakti = "Suku Dinas Sosial Jakarta Timur menggelar bakti sosial bagi 200 warga di Cakung, Kamis (19/9)."
    static func published(_ days: String...) -> [CalendarDate] { days.compactMap(CalendarDate.init(iso:)) }

    @Test("a weekday's date is completed within the years the other documents were published in, not the six years up to today")
    func withinTheOthersYears() {
        // 19 September is a Thursday in 2019 and 2024; of 2021–2026 only 2024 fits, of 2018–2020 only 2019.
        #expect(Self.dayOf(Self.bakti) == "2024-09-19")
        #expect(Self.dayOf(Self.bakti, extractor: Extraction4.extractor.dating(alongside: Self.published("2019-09-10", "2019-08-30"))) == "2019-09-19")
    }

    @Test("others published in years a weekday cannot tell apart leave the date unknown")
    func ambiguous() {
        let extractor = Extraction4.extractor.dating(alongside: Self.published("2019-09-10", "2024-01-02"))
        #expect(Self.dayOf(Self.bakti, extractor: extractor) == nil)
    }

    @Test("a weekday written wrong is not moved to a year next to the others'")
    func wrongWeekday() {
        // 25 September 2019 is a Wednesday; 25 September 2018 a Tuesday.
        let text = "Mahasiswa berunjuk rasa di depan Gedung DPR, Selasa (25/9)."
        #expect(Self.dayOf(text, extractor: Extraction4.extractor.dating(alongside: Self.published("2019-09-10"))) == nil)
        #expect(Self.dayOf(text, extractor: Extraction4.extractor.dating(alongside: Self.published("2018-12-01", "2019-09-10"))) == "2018-09-25")
    }

    @Test("a document's own years and the others' are the candidates; a dated document ignores them")
    func ownYearsAndOthers() {
        let extractor = Extraction4.extractor.dating(alongside: Self.published("2019-09-10"))
        // Thursday 19/9 in 2024 and in 2019: unknown. Sunday 22/9 in 2019, not 1997–1999: the year named was history.
        #expect(Self.dayOf("Anggaran bantuan sosial tahun 2024 dibahas dalam rapat pada Kamis (19/9) di Balai Kota.", extractor: extractor) == nil)
        #expect(Self.dayOf("Gedung yang diresmikan pada 1998 itu mulai dipugar pada Minggu (22/9).", extractor: extractor) == "2019-09-22")
        let text = "Rapat digelar Kamis (19/9) di Balai Kota."
        let dated = Document(id: ContentHash.documentID(text), source: "test.txt", format: .text, text: text,
                             published: CalendarDate(iso: "2024-09-20"),
                             paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        #expect(extractor.extract(dated).extraction.dates.first?.normalized == "2024-09-19")
    }

    @Test("only a document without a date waits for the others")
    func whoWaits() {
        func doc(_ text: String, _ published: String?) -> Document {
            Document(id: ContentHash.documentID(text), source: "test.txt", format: .text, text: text,
                     published: published.flatMap(CalendarDate.init(iso:)),
                     paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        }
        let extractor = Extraction4.extractor
        #expect(extractor.extractUnlessDatedByOthers(doc(Self.bakti, nil)) == nil)
        #expect(extractor.extractUnlessDatedByOthers(doc(Self.bakti, "2019-09-20")) != nil)
        #expect(extractor.extractUnlessDatedByOthers(doc("Rapat pada Kamis (19/9/2019) di Balai Kota.", nil)) == nil)
        // Given the others' years, it waits no more, and is extracted as `extract` would.
        let dated = extractor.dating(alongside: Self.published("2019-09-10"))
        let facts = dated.extractUnlessDatedByOthers(doc(Self.bakti, nil))
        #expect(facts?.extraction.dates.first?.normalized == "2019-09-19")
        #expect(facts?.extraction.jsonLine == dated.extract(doc(Self.bakti, nil)).extraction.jsonLine)
    }
}
