import Corpus

extension ExtractionRun {
    // MARK: - Dates

    mutating func findDates() {
        for s in analyzed {
            for d in s.dates {
                facts.extraction.dates.append(DateFact(surface: slice(d.span), normalized: d.normalized, granularity: d.granularity.rawValue,
                                                       warning: d.warning, span: [d.span.lowerBound, d.span.upperBound]))
            }
        }
    }

    /// A term of office (`komisioner KPK periode 2019-2023 dilantik`) dates the office, not the activity.
    func isTermDate(_ d: DateMention) -> Bool {
        ScalarText.lowercased(slice(d.span)).hasPrefix("periode")
    }

    /// The dates of a sentence that may date its activity, in order: not a date of a statement, of a term of office,
    /// nor of the part of the sentence that speaks of another time (`otherTime`, found once per sentence).
    func activityDates(in s: AnalyzedSentence) -> [DateMention] {
        guard !s.dates.isEmpty else { return [] }
        let otherTime = otherTime(in: s)
        return s.dates.filter { d in d.normalized != nil && !isStatementDate(s, d) && !isTermDate(d) && d.span.lowerBound < otherTime }
    }

    /// Where a sentence starts to speak of another time than its activity's (a scalar offset; its end if it does not): at
    /// a comparison (`meningkat dibandingkan tahun 2023 yang hanya 300 peserta`: words.tsv's `comparison_word`), or at
    /// a start more than a year before the publication (`berjalan sejak 2015`: its `since_word`; `dibuka sejak Sabtu
    /// (14/9)` dates the opening).
    func otherTime(in s: AnalyzedSentence) -> Int {
        for (i, t) in s.tokens.enumerated() {
            if rules.comparisonWords.contains(t.normalized) { return t.span.lowerBound }
            if rules.sinceWords.contains(t.normalized), i + 1 < s.tokens.count,
               let date = s.dates.first(where: { s.tokenIndex(atOrAfter: $0.span.lowerBound) <= i + 2 && $0.span.lowerBound >= t.span.upperBound }),
               date.normalized != nil, !isNearPublication(date) {
                return t.span.lowerBound
            }
        }
        return s.sentence.span.upperBound
    }

    /// A date said of a statement (`ujar Premi, Selasa (21/1)`) dates the words, not the activity.
    func isStatementDate(_ s: AnalyzedSentence, _ d: DateMention) -> Bool {
        let at = s.tokenIndex(atOrAfter: d.span.lowerBound)
        let window = s.tokens[max(0, at - 5)..<at]
        return window.contains { rules.speechVerbs.contains($0.stem) && $0.kind == .word }
    }

    /// The date the activity of the release happened: the first dated phrase that does not date a statement, nor lies
    /// more than a year from the publication date (`… sejak 1945`, history a feature recalls).
    var documentEventDate: DateMention? {
        for s in analyzed {
            for d in activityDates(in: s) where d.granularity != .unknown && isNearPublication(d) {
                return d
            }
        }
        return nil
    }

    /// Whether a date covers a day within a year of the publication date (any date, without one).
    func isNearPublication(_ d: DateMention) -> Bool {
        guard let published = context.published, let start = d.start, let end = d.end else { return true }
        return end.daysSinceEpoch >= published.daysSinceEpoch - 366 && start.daysSinceEpoch <= published.daysSinceEpoch + 366
    }

    // MARK: - Places

    /// Words that start a street name (asked about every token: a `WordSet` rejects most without hashing).
    static let streetWords = WordSet(["jalan", "jl.", "jln."])

    mutating func findLocations() {
        for (si, s) in analyzed.enumerated() {
            var covered: [Range<Int>] = []
            // Streets: `Jalan Tanah Abang I`, `Jl. Medan Merdeka Selatan No. 8`.
            var i = 0
            while i < s.tokens.count {
                if Self.streetWords.contains(s.tokens[i].normalized), i + 1 < s.tokens.count, isCapitalised(s.tokens[i + 1]) {
                    let t = s.tokens[i]
                    var end = i + 1
                    while end < s.tokens.count, isCapitalised(s.tokens[end]) || isRoman(s.tokens[end].text) || s.tokens[end].kind == .number { end += 1 }
                    let span = t.span.lowerBound..<s.tokens[end - 1].span.upperBound
                    facts.extraction.locations.append(LocationFact(name: text(s, i..<end), type: "jalan", code: nil, parent: nil,
                                                                   surface: slice(span), span: [span.lowerBound, span.upperBound]))
                    covered.append(i..<end)
                    i = end
                    continue
                }
                i += 1
            }
            for e in s.entities where e.kind == .place && !covered.contains(where: { $0.overlaps(e.tokenRange) }) {
                let id = disambiguatePlace(s, e, sentenceIndex: si)
                guard let entry = resources.gazetteer.entry(id) else { continue }
                // `kapasitas panti sosial`: a kind of building in lower case names no place.
                if entry.type == "building", e.surface == e.surface.lowercased() { continue }
                let parent = entry.parent.flatMap { resources.gazetteer.entry($0) }
                facts.extraction.locations.append(LocationFact(name: entry.name, type: entry.type, code: entry.code, parent: parent?.name,
                                                               surface: slice(e.span), span: [e.span.lowerBound, e.span.upperBound]))
            }
        }
    }

    /// Gambir the kecamatan or the kelurahan: a `Kelurahan`/`Kecamatan` word before it decides, then the other
    /// places of the sentence (a kelurahan inside a named kecamatan), else the larger unit.
    func disambiguatePlace(_ s: AnalyzedSentence, _ e: EntityMatch, sentenceIndex: Int) -> String {
        let options = [e.id] + e.alternatives
        guard options.count > 1 else { return e.id }
        let entries = options.compactMap { resources.gazetteer.entry($0) }
        let before = e.tokenRange.lowerBound > 0 ? s.tokens[e.tokenRange.lowerBound - 1].normalized : ""
        let wanted: String? = ["kelurahan", "kel.", "lurah"].contains(before) ? "kelurahan"
            : ["kecamatan", "kec.", "camat"].contains(before) ? "kecamatan" : nil
        if let wanted, let hit = entries.first(where: { $0.type == wanted }) { return hit.id }
        let others = Set(s.entities.filter { $0.kind == .place && $0.tokenRange != e.tokenRange }.flatMap { [$0.id] + $0.alternatives })
        if let hit = entries.first(where: { $0.parent.map(others.contains) ?? false }) { return hit.id }
        let rank = ["provinsi": 0, "kota": 1, "kabupaten": 1, "kecamatan": 2, "kelurahan": 3]
        return entries.min { (rank[$0.type] ?? 9) < (rank[$1.type] ?? 9) }?.id ?? e.id
    }

    func isCapitalised(_ t: Token) -> Bool {
        t.kind == .word && (t.text.unicodeScalars.first?.properties.isUppercase ?? false)
    }

    func isRoman(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 4 && s.allSatisfy { "IVX".contains($0) }
    }

    // MARK: - Programs

    mutating func findPrograms() {
        var reported: Set<String> = []
        for s in analyzed {
            for e in s.entities where e.kind == .program {
                let key = "\(e.id)@\(e.span.lowerBound)"
                guard !reported.contains(key) else { continue }
                reported.insert(key)
                facts.extraction.programs.append(ProgramFact(name: name(of: e.id) ?? e.surface, acronym: acronym(of: e.id), entity: e.id,
                                                             surface: slice(e.span), span: [e.span.lowerBound, e.span.upperBound]))
            }
        }
        // Acronyms the document defines are reported with their expansion even when no later mention uses them.
        for a in learned where a.kind == .program && !facts.extraction.programs.contains(where: { $0.entity == a.id }) {
            facts.extraction.programs.append(ProgramFact(name: a.expansion, acronym: a.acronym, entity: a.id, surface: slice(a.span),
                                                         span: [a.span.lowerBound, a.span.upperBound]))
        }
    }

    // MARK: - Figures

    /// Nouns of time: `selama dua hari` is a duration, not a figure.
    static let durations: Set<String> = ["hari", "bulan", "tahun", "minggu", "pekan", "jam", "menit", "detik", "kali", "abad", "dekade"]
    /// Words after a number that are no counted noun.
    static let notUnits: Set<String> = ["dan", "di", "ke", "yang", "dari", "untuk", "pada", "dengan", "atau", "serta", "juga", "ini", "itu",
                                        "tersebut", "sebagai", "oleh", "dalam", "bagi", "per", "hingga", "sampai", "lebih", "kurang",
                                        "sebesar", "sekitar", "senilai", "mencapai", "hampir", "lalu", "lagi", "saja", "pun", "tahun",
                                        "sejak", "atas", "bawah", "kepada", "terhadap", "antara", "adalah", "ialah", "menjadi",
                                        "usai", "setelah", "sebelum", "besar"]

    mutating func findFigures() {
        for s in analyzed {
            for n in s.numbers where n.kind != .ordinal {
                if s.dates.contains(where: { $0.span.overlaps(n.span) }) || s.money.contains(where: { $0.span.overlaps(n.span) }) { continue }
                let range = s.tokenRange(of: n.span)
                guard !range.isEmpty else { continue }
                // `Kepulauan Seribu`, `Temu Karya`: a number inside a name is part of the name.
                if s.entities.contains(where: { $0.tokenRange.overlaps(range) }) { continue }
                if isRegulationOrYear(s, range, n) { continue }
                let unit = unitAfter(s, range.upperBound)
                if let u = unit, Self.durations.contains(u.text.lowercased()) { continue }
                // A month after a number makes a day of a date the date rules did not take (`Persib,25 Agustus:`,
                // `5-2 Agustus lalu`), not 25 of something.
                if let u = unit, IndonesianCalendar.month(named: u.text) != nil { continue }
                // A bare number with neither counted noun nor qualifier says nothing a reader can check.
                if unit == nil, n.qualifier == nil, n.kind != .percent, n.kind != .vague { continue }
                let end = unit?.tokens.upperBound ?? range.upperBound
                let span = n.span.lowerBound..<max(n.span.upperBound, s.tokens[end - 1].span.upperBound)
                // Acronyms (`UKKT`, `KK`) keep their capitals; other nouns are case-folded.
                var unitText = unit.map { $0.text == $0.text.uppercased() ? $0.text : $0.text.lowercased() }
                if n.kind == .percent { unitText = "persen" }
                facts.extraction.figures.append(FigureFact(
                    value: n.value, max: n.max, unit: unitText, qualifier: n.qualifier,
                    about: about(s, after: end), surface: slice(span), span: [span.lowerBound, span.upperBound]))
            }
        }
    }

    /// Regulation numbers (`Nomor 81 Tahun 2022`), years, times and phone numbers are not figures.
    func isRegulationOrYear(_ s: AnalyzedSentence, _ r: Range<Int>, _ n: NumberMention) -> Bool {
        let before = r.lowerBound > 0 ? s.tokens[r.lowerBound - 1].normalized : ""
        if ["nomor", "no.", "nomer", "no", "tahun", "periode", "ta", "pasal", "ayat", "pukul", "jam"].contains(before) { return true }
        if r.upperBound < s.tokens.count, s.tokens[r.upperBound].normalized == "tahun",
           r.upperBound + 1 < s.tokens.count, s.tokens[r.upperBound + 1].kind == .number, before == "nomor" || before == "no." { return true }
        if let v = n.value, n.max == nil, v >= 1900, v <= 2100, v == v.rounded(), n.qualifier == nil,
           s.tokens[r.lowerBound].text.count == 4 {
            // A bare four-digit number between 1900 and 2100 is a year unless a counted noun follows.
            if let u = unitAfter(s, r.upperBound), rules.unitNouns.contains(u.text.lowercased()) { return false }
            return true
        }
        let digits = s.tokens[r.lowerBound].text
        if digits.hasPrefix("0"), digits.count >= 6 { return true }
        if r.upperBound < s.tokens.count, s.tokens[r.upperBound].text == ":" { return true }
        return false
    }

    /// The counted noun after a number: a unit noun of the gazetteer, a program or organization, or a plain noun.
    func unitAfter(_ s: AnalyzedSentence, _ start: Int) -> (text: String, tokens: Range<Int>)? {
        guard start < s.tokens.count else { return nil }
        var best: Range<Int>?
        // A program or organization right after the number (`2.116 Unit Kegiatan Karang Taruna`) is the unit, by its acronym.
        let entity = s.entity(at: start).flatMap { e in e.tokenRange.lowerBound == start && (e.kind == .program || e.kind == .organization) ? e : nil }
        var k = start
        var words: [String] = []
        while k < s.tokens.count, k - start < rules.maxUnitWords, s.tokens[k].kind == .word {
            words.append(s.tokens[k].normalized)
            if rules.unitNouns.contains(words.joined(separator: " ")) { best = start..<(k + 1) }
            k += 1
        }
        if let e = entity, e.tokenRange.count > (best?.count ?? 0) {
            return (acronym(of: e.id) ?? text(s, e.tokenRange), e.tokenRange)
        }
        if let best { return (text(s, best), best) }
        let t = s.tokens[start]
        if t.kind == .word, !Self.notUnits.contains(t.normalized), !rules.actions.contains(t.stem) || t.normalized == t.stem,
           !t.normalized.hasPrefix("me"), !t.normalized.hasPrefix("di"), !t.normalized.hasPrefix("ber") {
            // `dua cucunya`: the possessive is not part of the unit.
            let word = t.normalized.hasSuffix("nya") && t.normalized.count > 5 ? String(t.text.dropLast(3)) : t.text
            return (word, start..<(start + 1))
        }
        return nil
    }

    /// What a figure is about: the program right after it (`350 anggota Karang Taruna`), else the nearest program of the sentence.
    func about(_ s: AnalyzedSentence, after index: Int) -> String? {
        let programs = s.entities.filter { $0.kind == .program }
        if let next = programs.first(where: { $0.tokenRange.lowerBound >= index && $0.tokenRange.lowerBound <= index + 1 }) {
            return name(of: next.id) ?? next.surface
        }
        let nearest = programs.min { abs($0.tokenRange.lowerBound - index) < abs($1.tokenRange.lowerBound - index) }
        return nearest.flatMap { name(of: $0.id) ?? $0.surface }
    }

    // MARK: - Money

    mutating func findMoney() {
        for s in analyzed {
            for m in s.money {
                let end = s.tokenRange(of: m.span).upperBound
                facts.extraction.money.append(MoneyFact(value: m.value, max: m.max, currency: m.currency, qualifier: m.qualifier, per: m.per,
                                                        about: about(s, after: end), surface: slice(m.span), span: [m.span.lowerBound, m.span.upperBound]))
            }
        }
    }
}
