import Testing
@testable import Extractor
@testable import Corpus

/// A fixed day from an ISO literal; a typo yields 1970-01-01 and the test fails visibly.
private func day(_ iso: String) -> CalendarDate {
    CalendarDate(iso: iso) ?? CalendarDate(daysSinceEpoch: 0)
}

/// Tests never read the real clock.
private let fixedToday = day("2026-11-22")
/// A Wednesday: `kemarin` is Tuesday 21 January 2025.
private let published = day("2025-01-22")
private let anchored = DateContext(published: published, today: fixedToday)
private let unanchored = DateContext(published: nil, today: fixedToday)

/// One expected mention: the text, what must be found in it, and how it normalizes.
struct DateCase: Sendable, CustomTestStringConvertible {
    var text: String
    var surface: String
    var normalized: String?
    var granularity: DateGranularity
    var testDescription: String { text }

    init(_ text: String, _ surface: String, _ normalized: String?, _ granularity: DateGranularity) {
        self.text = text
        self.surface = surface
        self.normalized = normalized
        self.granularity = granularity
    }
}

private func only(_ text: String, _ context: DateContext) throws -> DateMention {
    let mentions = DateRecognizer().dates(in: text, context: context)
    #expect(mentions.count == 1, "\(mentions.map(\.surface))")
    // The language layer only lexes sentences this lets through: it must never skip one with a date.
    #expect(DateRecognizer().mayHoldDate(TestPaths.tokens(text)), "the sentence filter skips \(text)")
    return try #require(mentions.first)
}

private func check(_ c: DateCase, _ context: DateContext) throws {
    let m = try only(c.text, context)
    #expect(m.surface == c.surface)
    #expect(m.normalized == c.normalized)
    #expect(m.granularity == c.granularity)
    #expect(m.warning == nil)
}

@Suite("Dates")
struct DateTests {
    // MARK: Absolute dates

    @Test(arguments: [
        DateCase("Acara digelar 21 Januari 2025 di Jakarta.", "21 Januari 2025", "2025-01-21", .day),
        DateCase("Jakarta, Selasa, 21 Januari 2025 - Menteri", "Selasa, 21 Januari 2025", "2025-01-21", .day),
        DateCase("Selasa 21 Januari 2025 pukul 10.00 WIB", "Selasa 21 Januari 2025", "2025-01-21", .day),
        DateCase("Diperbarui 01 Jul 2025, 19:16 WIB", "01 Jul 2025", "2025-07-01", .day),
        DateCase("diterbitkan pada 22/5/2025 lalu", "22/5/2025", "2025-05-22", .day),
        DateCase("Jakarta (13/4/2023) - Pemerintah", "13/4/2023", "2023-04-13", .day),
        DateCase("Jakarta, Kamis (22/5/2025) - Badan", "Kamis (22/5/2025)", "2025-05-22", .day),
        DateCase("Upacara HUT ke-79 RI pada 17 Agustus 2024.", "17 Agustus 2024", "2024-08-17", .day),
        DateCase("Dirilis 2025-01-21 oleh humas", "2025-01-21", "2025-01-21", .day),
        DateCase("batas 3 Agt 2025", "3 Agt 2025", "2025-08-03", .day),
        DateCase("batas 3 Agu 2025", "3 Agu 2025", "2025-08-03", .day),
        DateCase("rapat 10 Okt. 2025 di aula", "10 Okt. 2025", "2025-10-10", .day),
        DateCase("sejak 5 Nop 2024", "5 Nop 2024", "2024-11-05", .day),
        DateCase("sejak 5 Nov 2024", "5 Nov 2024", "2024-11-05", .day),
        DateCase("ditutup 24 Des 2024", "24 Des 2024", "2024-12-24", .day),
        DateCase("dated 1 May 2025", "1 May 2025", "2025-05-01", .day),
        DateCase("pada 7 Jan 2025", "7 Jan 2025", "2025-01-07", .day),
        DateCase("pada 21 Januari tahun 2025", "21 Januari tahun 2025", "2025-01-21", .day),
        DateCase("berlaku 22-05-2025", "22-05-2025", "2025-05-22", .day),
        DateCase("Jum’at, 24 Januari 2025", "Jum’at, 24 Januari 2025", "2025-01-24", .day),
        DateCase("pada 29 Februari 2024", "29 Februari 2024", "2024-02-29", .day),
    ])
    func absolute(_ c: DateCase) throws {
        try check(c, anchored)
        /// An explicit year needs no anchor.
        try check(c, unanchored)
    }

    @Test func absoluteCoversOneDay() throws {
        let m = try only("pada 21 Januari 2025", unanchored)
        #expect(m.start == day("2025-01-21"))
        #expect(m.end == day("2025-01-21"))
    }

    // MARK: Partial dates completed from the publication date

    @Test(arguments: [
        ("Jakarta, Selasa (21/1) - Kementerian", "2025-01-22", "Selasa (21/1)", "2025-01-21"),
        ("Jakarta (21/1) - Kementerian", "2025-01-22", "21/1", "2025-01-21"),
        ("digelar pada 21 Januari di Bandung", "2025-01-22", "21 Januari", "2025-01-21"),
        ("Jakarta, Sabtu (21/6) - Tim", "2025-06-23", "Sabtu (21/6)", "2025-06-21"),
        ("Jakarta, Kamis (22/5) - Badan", "2025-05-23", "Kamis (22/5)", "2025-05-22"),
        ("Selasa malam (21/1) petugas", "2025-01-22", "Selasa malam (21/1)", "2025-01-21"),
        ("dibuka tanggal 5/2 mendatang", "2025-01-22", "5/2", "2025-02-05"),
        /// Nearest year across the year boundary, both ways.
        ("Jakarta (28/12) - Polisi", "2025-01-03", "28/12", "2024-12-28"),
        ("Jakarta, Sabtu (28/12) - Polisi", "2025-01-03", "Sabtu (28/12)", "2024-12-28"),
        ("akan dimulai pada (3/1) pagi", "2024-12-28", "3/1", "2025-01-03"),
        ("pada 30 Desember", "2025-01-02", "30 Desember", "2024-12-30"),
        ("pada 2 Januari", "2024-12-30", "2 Januari", "2025-01-02"),
    ])
    func partialCompletedFromPublication(text: String, published: String, surface: String, expected: String) throws {
        let m = try only(text, DateContext(published: day(published), today: fixedToday))
        #expect(m.surface == surface)
        #expect(m.normalized == expected)
        #expect(m.granularity == .day)
        #expect(m.warning == nil)
    }

    // MARK: No publication date: only a weekday may pick the year

    @Test(arguments: [
        /// 21 January is a Tuesday in 2025 only among 2021–2026 (2020 is outside the six years).
        ("Selasa (21/1)", "2026-11-22", [], "2025-01-21"),
        /// 2026-01-21 is a Wednesday and not after today.
        ("Rabu (21/1)", "2026-11-22", [], "2026-01-21"),
        /// 2026-01-21 would fit but is after today; no other year among 2021–2025 does.
        ("Rabu (21/1)", "2026-01-10", [], nil),
        /// 1 March is a Friday in both 2019 and 2024: two fit, so unknown.
        ("Jumat (1/3)", "2024-12-31", [], nil),
        /// With 2019 out of the window (2021–2026), only 2024 fits.
        ("Jumat (1/3)", "2026-11-22", [], "2024-03-01"),
        /// No Monday 21 January in 2021–2026.
        ("Senin (21/1)", "2026-11-22", [], nil),
        /// Document years widen to each year ±1: 2023, 2024, 2025 → only 2024.
        ("Jumat (1/3)", "2026-11-22", [2024], "2024-03-01"),
        ("Jumat (1/3)", "2026-11-22", [2019, 2024], nil),
        ("Selasa (21/1)", "2026-11-22", [2020], "2020-01-21"),
        ("Selasa, 21 Januari", "2026-11-22", [], "2025-01-21"),
        /// Without a weekday nothing decides, even with a single document year.
        ("Jakarta (21/1) - Tim", "2026-11-22", [], nil),
        ("Jakarta (21/1) - Tim", "2026-11-22", [2025], nil),
        ("pada 21 Januari", "2026-11-22", [2025], nil),
    ] as [(String, String, [Int], String?)])
    func noPublicationDate(text: String, today: String, documentYears: [Int], expected: String?) throws {
        let m = try only(text, DateContext(published: nil, today: day(today), documentYears: documentYears))
        #expect(m.normalized == expected)
        #expect(m.granularity == .day)
        #expect(m.warning == nil)
        #expect(m.start == expected.map(day))
    }

    @Test(arguments: [
        /// The others' years, without a year either side: 2019 alone → 2019; a Tuesday 25/9 fits 2018 only, so unknown.
        ("Kamis (19/9)", [], [2019], "2019-09-19"),
        ("Selasa (25/9)", [], [2019], nil),
        ("Selasa (25/9)", [], [2018, 2019], "2018-09-25"),
        /// Two of the others' years fit: unknown.
        ("Kamis (19/9)", [], [2019, 2024], nil),
        /// The document's own years (a year either side) count too: 1998's Monday 23/3; a Sunday 22/9 in none of
        /// 1997–1999, so 2019's (the year named was history); both 2024 and 2019 fit Thursday 19/9: unknown.
        ("Senin (23/3)", [1998], [2019], "1998-03-23"),
        ("Minggu (22/9)", [1998], [2019], "2019-09-22"),
        ("Kamis (19/9)", [2024], [2019], nil),
    ] as [(String, [Int], [Int], String?)])
    func othersYears(text: String, documentYears: [Int], batchYears: [Int], expected: String?) throws {
        let m = try only(text, DateContext(published: nil, today: day("2026-11-22"), documentYears: documentYears, batchYears: batchYears))
        #expect(m.normalized == expected)
    }

    // MARK: Weekday contradictions

    @Test(arguments: [
        ("Jakarta, Senin (21/1) - Tim", "Senin (21/1)", "Senin does not match 2025-01-21 (Selasa)"),
        ("Rabu, 21 Januari 2025", "Rabu, 21 Januari 2025", "Rabu does not match 2025-01-21 (Selasa)"),
        ("Kamis (21/1/2025)", "Kamis (21/1/2025)", "Kamis does not match 2025-01-21 (Selasa)"),
    ])
    func weekdayContradiction(text: String, surface: String, warning: String) throws {
        let m = try only(text, anchored)
        #expect(m.surface == surface)
        /// The date is kept as written, not moved to the weekday.
        #expect(m.normalized == "2025-01-21")
        #expect(m.warning == warning)
    }

    // MARK: Years, months and periods

    @Test(arguments: [
        DateCase("Kinerja tahun 2024 meningkat", "tahun 2024", "2024", .year),
        DateCase("sepanjang tahun 2024 tercatat", "tahun 2024", "2024", .year),
        DateCase("dalam Tahun Anggaran 2025 ini", "Tahun Anggaran 2025", "2025", .year),
        DateCase("pagu tahun anggaran 2025", "tahun anggaran 2025", "2025", .year),
        DateCase("APBN TA 2025 sebesar", "TA 2025", "2025", .year),
        DateCase("RPJMD periode 2023-2028", "periode 2023-2028", "2023/2028", .range),
        DateCase("RPJMD periode 2023–2028", "periode 2023–2028", "2023/2028", .range),
        DateCase("data tahun 2018-2022 menunjukkan", "tahun 2018-2022", "2018/2022", .range),
        DateCase("tahun ajaran 2024/2025", "tahun ajaran 2024/2025", "2024/2025", .range),
        DateCase("realisasi Januari–April 2024", "Januari–April 2024", "2024-01/2024-04", .range),
        DateCase("realisasi Januari hingga April 2024", "Januari hingga April 2024", "2024-01/2024-04", .range),
        DateCase("Desember 2024 sampai Februari 2025", "Desember 2024 sampai Februari 2025", "2024-12/2025-02", .range),
        DateCase("Pada Juli 2025, harga naik", "Juli 2025", "2025-07", .month),
        DateCase("target pada 2025 tercapai", "2025", "2025", .year),
        DateCase("sejak 2020 hingga 2024", "2020 hingga 2024", "2020/2024", .range),
        DateCase("berlaku hingga 2030.", "2030", "2030", .year),
        DateCase("dibangun di 2019", "2019", "2019", .year),
        DateCase("rampung awal 2025", "awal 2025", "2025-01/2025-03", .range),
        DateCase("rampung pertengahan tahun 2025", "pertengahan tahun 2025", "2025-05/2025-08", .range),
        DateCase("rampung akhir 2024", "akhir 2024", "2024-10/2024-12", .range),
        DateCase("rampung akhir Januari 2025", "akhir Januari 2025", "2025-01-21/2025-01-31", .range),
        DateCase("selama Ramadan warga", "Ramadan", nil, .unknown),
        DateCase("pada bulan Ramadan warga", "bulan Ramadan", nil, .unknown),
        DateCase("pada 21-23 Januari 2025", "21-23 Januari 2025", "2025-01-21/2025-01-23", .range),
        DateCase("pada 31 Mei–30 Juni 2024", "31 Mei–30 Juni 2024", "2024-05-31/2024-06-30", .range),
        DateCase("28 Desember 2024 hingga 3 Januari 2025", "28 Desember 2024 hingga 3 Januari 2025",
                 "2024-12-28/2025-01-03", .range),
    ])
    func yearsAndPeriods(_ c: DateCase) throws {
        try check(c, anchored)
        /// Written years need no anchor.
        try check(c, unanchored)
    }

    @Test func periodCoversItsDays() throws {
        let m = try only("RPJMD periode 2023-2028", unanchored)
        #expect(m.start == day("2023-01-01"))
        #expect(m.end == day("2028-12-31"))
        let month = try only("Pada Februari 2024, harga naik", unanchored)
        #expect(month.start == day("2024-02-01"))
        #expect(month.end == day("2024-02-29"))
    }

    // MARK: Relative dates

    @Test(arguments: [
        DateCase("Rapat hari ini membahas", "hari ini", "2025-01-22", .day),
        DateCase("Rapat kemarin membahas", "kemarin", "2025-01-21", .day),
        DateCase("kemarin lusa hujan", "kemarin lusa", "2025-01-20", .day),
        DateCase("dibuka besok pagi", "besok", "2025-01-23", .day),
        DateCase("dibuka lusa", "lusa", "2025-01-24", .day),
        DateCase("pekan lalu terjadi", "pekan lalu", "2025-01-13/2025-01-19", .range),
        DateCase("minggu lalu terjadi", "minggu lalu", "2025-01-13/2025-01-19", .range),
        DateCase("pekan ini terjadi", "pekan ini", "2025-01-20/2025-01-26", .range),
        DateCase("pekan depan dimulai", "pekan depan", "2025-01-27/2025-02-02", .range),
        DateCase("bulan lalu naik", "bulan lalu", "2024-12", .month),
        DateCase("bulan ini naik", "bulan ini", "2025-01", .month),
        DateCase("bulan depan naik", "bulan depan", "2025-02", .month),
        DateCase("tahun lalu naik", "tahun lalu", "2024", .year),
        DateCase("tahun yang lalu naik", "tahun yang lalu", "2024", .year),
        DateCase("tahun ini naik", "tahun ini", "2025", .year),
        DateCase("tahun depan naik", "tahun depan", "2026", .year),
        DateCase("pada Senin lalu", "Senin lalu", "2025-01-20", .day),
        DateCase("pada Senin kemarin", "Senin kemarin", "2025-01-20", .day),
        /// Publication is a Wednesday: `Rabu lalu` is a week back, `Rabu depan` a week ahead.
        DateCase("pada Rabu lalu", "Rabu lalu", "2025-01-15", .day),
        DateCase("pada Rabu mendatang", "Rabu mendatang", "2025-01-29", .day),
        DateCase("pada Rabu depan", "Rabu depan", "2025-01-29", .day),
        DateCase("pada Jumat depan", "Jumat depan", "2025-01-24", .day),
        DateCase("dua tahun lalu", "dua tahun lalu", "2023", .year),
        DateCase("3 hari lalu", "3 hari lalu", "2025-01-19", .day),
        DateCase("sebulan lalu", "sebulan lalu", "2024-12", .month),
        DateCase("sepekan lalu", "sepekan lalu", "2025-01-13/2025-01-19", .range),
        DateCase("hingga akhir tahun", "akhir tahun", "2025-10/2025-12", .range),
        DateCase("hingga akhir tahun ini", "akhir tahun ini", "2025-10/2025-12", .range),
        DateCase("sejak akhir tahun lalu", "akhir tahun lalu", "2024-10/2024-12", .range),
        DateCase("hingga awal bulan depan", "awal bulan depan", "2025-02-01/2025-02-10", .range),
        DateCase("pada Juli lalu", "Juli lalu", "2024-07", .month),
        DateCase("pada Maret mendatang", "Maret mendatang", "2025-03", .month),
        DateCase("pada bulan Desember", "bulan Desember", "2024-12", .month),
        /// After `hari`, `Minggu` is the weekday (Sunday 19 January), not the week.
        DateCase("pada hari Minggu lalu", "Minggu lalu", "2025-01-19", .day),
    ])
    func relative(_ c: DateCase) throws {
        try check(c, anchored)
    }

    @Test(arguments: [
        DateCase("Rapat kemarin membahas", "kemarin", nil, .day),
        DateCase("pekan lalu terjadi", "pekan lalu", nil, .range),
        DateCase("tahun lalu naik", "tahun lalu", nil, .year),
        DateCase("bulan depan naik", "bulan depan", nil, .month),
        DateCase("pada Senin lalu", "Senin lalu", nil, .day),
        DateCase("hingga akhir tahun", "akhir tahun", nil, .range),
    ])
    func relativeWithoutPublicationIsUnknown(_ c: DateCase) throws {
        try check(c, unanchored)
        let m = try only(c.text, unanchored)
        #expect(m.start == nil && m.end == nil)
    }

    // MARK: Not dates

    @Test(arguments: [
        "Rapat dimulai pukul 10.00 WIB",
        "diunggah 19:16",
        "sebanyak 1.600 orang",
        "pandemi Covid-19 melanda",
        "skor akhir 2-1 untuk tuan rumah",
        "sekitar 1/2 dari anggaran",
        "pada 31/2/2025",
        "Jakarta (31/4) - Tim",
        "meningkat hingga 2025 orang",
        "Perpres Nomor 81 Tahun 2022 tentang",
        "UU No. 12 Tahun 2011",
        "PP 5 Tahun 2021 mengatur",
        "PMK Nomor 12/PMK.05/2020",
        "beberapa tahun lalu",
        "dalam lima tahun ini",
        "akhir-akhir ini",
        "sebuah 2025",
        "dalam dua minggu ini",
        "hari-hari ini",
        "Sabtu-Minggu (25-26/1)",
    ])
    func notDates(_ text: String) {
        let mentions = DateRecognizer().dates(in: text, context: anchored)
        #expect(mentions.isEmpty, "\(mentions.map(\.surface))")
    }

    @Test func regulationYearSkippedButEventDateKept() throws {
        let text = "Permendagri Nomor 77 Tahun 2020 yang terbit 21 Januari 2021 berlaku tahun 2022."
        let mentions = DateRecognizer().dates(in: text, context: anchored)
        #expect(mentions.map(\.surface) == ["21 Januari 2021", "tahun 2022"])
        #expect(DateRecognizer().explicitYears(in: text) == [2021, 2022])
    }

    // MARK: Spans

    @Test func spansAreScalarOffsets() throws {
        let text = "“👍🏽 Kami mulai pada Selasa (21/1),” katanya. Lalu “rapat” 2 Februari 2025 dan tahun lalu."
        let mentions = DateRecognizer().dates(in: text, context: anchored)
        #expect(mentions.map(\.surface) == ["Selasa (21/1)", "2 Februari 2025", "tahun lalu"])
        let scalars = Array(text.unicodeScalars)
        for m in mentions {
            let slice = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(m.span.lowerBound)
                .prefix(m.span.count)))
            #expect(slice == m.surface)
            #expect(String(String.UnicodeScalarView(scalars[m.span])) == m.surface)
        }
        /// “ (1) + 👍🏽 (2 scalars) + " Kami mulai pada " (17).
        #expect(mentions.first?.span == 20..<33)
    }

    @Test func severalMentionsInOrder() {
        let text = "Jakarta, Kamis (23/1) - Sejak 2020 hingga 2024, kasus turun; pekan lalu naik lagi."
        let mentions = DateRecognizer().dates(in: text, context: anchored)
        #expect(mentions.map(\.normalized) == ["2025-01-23", "2020/2024", "2025-01-13/2025-01-19"])
        #expect(mentions.map(\.span.lowerBound) == mentions.map(\.span.lowerBound).sorted())
    }

    // MARK: Document years

    @Test("a text is read for explicit years only when it has four digits in a row, which every explicit year is", arguments: [
        ("21 Januari 2025", [2025]), ("22/5/2025", [2025]), ("2025-01-21", [2025]), ("tahun 2024", [2024]), ("Juli 2025", [2025]),
        ("Januari–April 2024", [2024]), ("awal 2025", [2025]), ("periode 2023-2028", [2023, 2028]),
        ("Desember 2024 – Februari 2025", [2024, 2025]), ("pertengahan Juli 2025", [2025]), ("Tahun Anggaran 2025", [2025]),
        ("21–23 Januari 2025", [2025]), ("Senin (20/1/2025)", [2025]),
        ("Selasa 21/1/25", []), ("Selasa (21/1)", []), ("tahun lalu", []), ("Juli lalu", []), ("3 hari lalu", []),
        ("1.600 orang pada 21 Januari", []), ("akhir tahun ini", []), ("Rp1,6 triliun", []),
    ])
    func explicitYearGate(text: String, years: [Int]) {
        #expect(DateRecognizer().explicitYears(in: text) == years)
        #expect(DateRecognizer.mayHoldExplicitYear(text) == !years.isEmpty)
        // Not the other way round: four digits may be a count or a regulation's year.
        #expect(DateRecognizer.mayHoldExplicitYear("Perpres Nomor 81 Tahun 2022, 2019 orang"))
    }

    @Test func explicitYearsInDateLikePositions() {
        let text = "Pada 21 Januari 2025, sebanyak 1.600 orang (tahun 2024: 1.200). Perpres Nomor 81 Tahun 2022 "
            + "untuk periode 2023-2028. Sekitar 2019 orang hadir. Selasa (21/1) dan Juli 2025."
        #expect(DateRecognizer().explicitYears(in: text) == [2025, 2024, 2023, 2028])
    }
}
