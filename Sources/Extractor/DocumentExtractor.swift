public import Corpus
import Foundation

/// An entity found in a document, with its canonical id when a gazetteer or the document itself defines it.
public struct EntityMention: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var name: String
    public var surface: String
    public var span: [Int]
}

/// Everything extraction found in one document: the extraction format plus what the knowledge base indexes.
public struct DocumentFacts: Sendable {
    public var document: Document
    public var extraction: Extraction
    public var sentences: [Sentence]
    public var mentions: [EntityMention]
    public var acronyms: [LearnedAcronym]
    /// The rules that extracted them (`ExtractionResources.rulesVersion`).
    public var rulesVersion: String
}

/// From a press release to facts: officials, programs, places, figures, money, dates and events, each with its span.
public struct DocumentExtractor: Sendable {
    /// The revision of the extraction code. Raise it with any change to the rules in code that should reach documents
    /// already stored: a knowledge base extracts a stored document again when its rules version differs (see
    /// `ExtractionResources.rulesVersion`). 2: officials of other provinces, ranks, field words; acronyms (2026-11-23).
    /// 3: no name is a region or a place word; ICU's countries are regions; field and title words (2026-11-23).
    /// 4: an acronym written as ordinary words (`Ibu Kota`) is recognised only in the document defining it; an office
    /// title's key has its region in its full spelling, `DocumentWriter.titleKey`; no figure counts months (2026-11-23).
    /// 5: a former holder (`mantan Gubernur`) is marked so, and stands for no later mention of the office (2026-11-23).
    /// 6: a document without a date takes the one its URL carries (`URLDate`, a change of the reader, not of the rules:
    /// raised so that stored documents are read and extracted again, their dates against it) (2026-11-23).
    /// 7: a document about another province or country (`ExtractionRun.isAboutElsewhere`) has no Jakarta office named
    /// without Jakarta; a rank after an office's organization opens the name (`… DKI Jakarta Jenderal Marinir Ali Sadikin`).
    /// 8: an acronym after a title continues it (`Menteri PUPR`), two capitals before a name are its initials (`Presiden BJ
    /// Habibie`), a title said again in short is passed over (`Menteri Sosial Mensos Agus …`), and a name the lexicon knows
    /// (`Bambang`) is no office word (2026-11-23).
    /// 9: a regency or city a document introduces (`Kabupaten Magetan`) is a region throughout it (2026-11-23).
    /// 10: a retired rank's `(Purn)` is passed over before a name, and learned as no acronym (2026-11-23).
    /// 11: the head of a body of a Jakarta city heads that city's body (`Kapolres Jakarta Utara`: Polres Metro Jakarta
    /// Utara) (2026-11-23).
    /// 12: a document without a date that names no year completes a weekday's date (`Kamis (19/9)`) within the
    /// publication years of the documents read with it, not the six years up to today (2026-11-23).
    /// 13: a rank opens a name, so the words between a title and a rank name the office's unit (`Pangdam Jaya Mayjen TNI
    /// Eko Margiyono`); a Roman numeral after a title word numbers the body (`Ketua Komisi II`) (2026-11-23).
    /// 14: a document naming cities outside Jakarta (words.tsv's `region`) or regencies it introduces more often than
    /// Jakarta is about somewhere else, as one naming other provinces is (2026-11-23).
    /// 15: a candidate (`calon wakil gubernur`) holds no office; honorifics open no name written before a title; the
    /// document's outlet names no one (2026-11-23).
    /// 16: an ordinal after a title numbers the holder (`Presiden Republik Indonesia Ke-7`) (2026-11-23).
    /// 17: initials with periods (`B.J. Habibie`) are one token that ends no sentence and starts a name (2026-11-23).
    /// 18: a company's name after a title (`Direktur Utama PT MRT Jakarta William Sabandar`) runs to the place or word
    /// that closes it (2026-11-23).
    /// 19: a rank before a name opens it (`Kapolri Jenderal Tito Karnavian`); an office's implied body may be an acronym
    /// (`Polri`) (2026-11-23).
    /// 20: a term of office (`periode 2019-2023`) dates no activity (2026-11-23).
    /// 21: a title naming another country implies no Indonesian body (`Jaksa Agung Israel`) (2026-11-23).
    /// 22: a date more than a year from the publication date dates none of the document's other activities (2026-11-23).
    /// 23: the name after `pribadi` is the principal's (`Sekretaris Pribadi BJ Habibie, Rubijanto`); a body a lowercase
    /// word introduces names no legislator after its comma (`disahkan oleh DPR, Wiranto`) (2026-11-23).
    /// 24: a title after `wakil` is its deputy's office (`Wakil Menteri Luar Negeri`, `Wakil Kepala Dinas Sosial`), and
    /// the principal named by a title alone is the title (`Asisten Pribadi Menpora Miftahul Ulum`) (2026-11-23).
    /// 25: the title of a deputy without an office in the gazetteer is dropped, not taken for the head's (`Wakil
    /// Sekretaris Jenderal`) (2026-11-23).
    /// 26: every document without a date completes a weekday's date within the years it names (a year either side) and
    /// the publication years of the documents read with it; its officials carry the day they are evidenced on, its
    /// latest in those publication years (`OfficialFact.date`) (2026-11-23).
    /// 27: a stored figure or amount outside any activity is dated by its document's activity on or shortly before its
    /// publication, else by the publication date, not by the first activity, which may be recalled or planned
    /// (`DocumentWriter.occasion`); amounts store their date (2026-11-24).
    /// 28: a range's second amount after a hyphen is not part of a hyphenated word (`Rp5 juta-Rp20 juta`) (2026-11-24).
    /// 29: so is one after a hyphen and a currency sign written apart (`Rp5 juta-Rp 20 juta`) (2026-11-24).
    /// 30: a title serving another (`Staf Khusus Menteri Sosial Febri Hendri`) makes its holder a Staf Khusus, no Menteri
    /// Sosial; an office's title variants (`Menhub`, `Menteri Perhubungan RI`) are stored as one office (2026-11-24).
    /// 31: an official named by a name people.tsv gives a person is that person (`Presiden Jokowi`) (2026-11-24).
    /// 32: a position without a name resolves to the holder of its office by the knowledge base's office key
    /// (`Gazetteer.officeKey`: `Menhub` after `Menteri Perhubungan Budi Karya Sumadi`) (2026-11-24).
    /// 33: a person's nickname in brackets is no learned acronym (`Presiden Joko Widodo (Jokowi)`); relatives' and plural
    /// words before a title make no holder (`istri Gubernur Jawa Barat, Ibu Atalia`, `para Menteri`) (2026-11-24).
    /// 34: a person people.tsv knows after a serving title's principal is the principal (`juru bicara Presiden Jokowi`);
    /// initials in brackets inside a name (`Bacharuddin Jusuf (BJ) Habibie`) are the name's (2026-11-24).
    /// 35: a holder elect (`Wakil Presiden Terpilih Ma'ruf Amin`: words.tsv's `elect_word`) holds no office yet (2026-11-24).
    /// 36: the part of a sentence that speaks of another time (`dibandingkan tahun 2023`, `sejak 2015`) dates no activity
    /// and gives it no participants (2026-11-24).
    /// 37: `Deputi` is a title alone (`Deputi Penindakan KPK`) and still makes a deputy before another (2026-11-24).
    public static let rulesRevision = 37

    public var resources: ExtractionResources
    public var today: CalendarDate
    /// Acronyms other documents defined (`UKKT` → Unit Kegiatan Karang Taruna): they are recognised here too.
    public private(set) var knownAcronyms: [LearnedAcronym] = []
    /// The publication years of the documents read with those this extracts (an ingest's or `kb extract`'s): where a
    /// document has no date, a weekday's date (`Kamis (19/9)`) may be in one of them, as in a year it names
    /// (`DateContext.batchYears`), and its officials are evidenced on its latest day in one of them (`dateOfficials`).
    /// Empty, and the document names no year: in the six years up to `today`.
    public private(set) var batchYears: [Int] = []

    public init(resources: ExtractionResources, today: CalendarDate = .today) {
        self.resources = resources
        self.today = today
    }

    /// The same extractor, also recognising acronyms defined elsewhere.
    public func knowing(_ acronyms: [LearnedAcronym]) -> DocumentExtractor {
        var copy = self
        let fresh = acronyms.filter { resources.gazetteer.entry($0.id) == nil && LearnedAcronym.travels($0.acronym) }
        copy.knownAcronyms = fresh
        copy.resources.matcher = resources.matcher.adding(fresh.flatMap { a in
            [(surface: a.acronym, id: a.id, kind: a.kind, caseSensitive: true), (surface: a.expansion, id: a.id, kind: a.kind, caseSensitive: false)]
        })
        return copy
    }

    /// The same extractor, completing the dates of documents without a date within the publication years of the
    /// documents read with them too (`batchYears`).
    public func dating(alongside published: some Sequence<CalendarDate>) -> DocumentExtractor {
        var copy = self
        copy.batchYears = Set(published.map(\.year)).sorted()
        return copy
    }

    public func extract(_ document: Document) -> DocumentFacts {
        let context = resources.analyzer.dateContext(for: document, today: today, batchYears: batchYears)
        var work = ExtractionRun(document: document, resources: resources, context: context, knownAcronyms: knownAcronyms)
        work.run()
        return work.facts
    }

    /// The extraction of `document`, unless it has no date: its dates then depend on the years of the documents read
    /// with it, and it waits for them (`Ingestion.run` extracts it after the others, with `dating(alongside:)`). Nil
    /// for such a document.
    public func extractUnlessDatedByOthers(_ document: Document) -> DocumentFacts? {
        // Decided before the date context, whose years of the document would be read for nothing.
        if document.published == nil, batchYears.isEmpty { return nil }
        return extract(document)
    }
}

/// One document's extraction in progress: analysed sentences, entity matches and the facts found so far.
struct ExtractionRun {
    let document: Document
    let resources: ExtractionResources
    let rules: RuleWords
    let source: ScalarText
    var context: DateContext
    var analyzed: [AnalyzedSentence] = []
    var facts: DocumentFacts
    var learned: [LearnedAcronym] = []
    let knownAcronyms: [LearnedAcronym]
    var officials: [Official] = []
    /// Regencies and cities outside Jakarta the document introduces (`Kabupaten Magetan`: `magetan`), lowercased.
    var documentRegions: Set<String> = []
    /// The document is about somewhere outside Jakarta (`isAboutElsewhere`): none of its offices named without Jakarta
    /// is Jakarta's (`isJakartaDefault`).
    var aboutElsewhere = false

    init(document: Document, resources: ExtractionResources, context: DateContext, knownAcronyms: [LearnedAcronym] = []) {
        self.document = document
        self.knownAcronyms = knownAcronyms
        self.resources = resources
        self.rules = resources.rules
        self.source = ScalarText(document.text)
        self.context = context
        self.facts = DocumentFacts(document: document, extraction: Extraction(document: .init(document)),
                                   sentences: [], mentions: [], acronyms: [], rulesVersion: resources.rulesVersion)
    }

    func slice(_ r: Range<Int>) -> String { source.slice(r) }

    mutating func run() {
        for paragraph in document.paragraphs {
            let p = resources.analyzer.analyze(paragraph, context: context)
            // A quotation may run over several sentences of a paragraph.
            var quoteOpen = false
            for sentence in p.sentences {
                let inside = { (r: Range<Int>) in r.lowerBound >= sentence.span.lowerBound && r.upperBound <= sentence.span.upperBound }
                var a = AnalyzedSentence(sentence: sentence,
                                         numbers: p.numbers.filter { inside($0.span) },
                                         money: p.money.filter { inside($0.span) },
                                         dates: p.dates.filter { inside($0.span) })
                a.startsInQuote = quoteOpen
                quoteOpen = a.isInsideQuote(sentence.tokens.count)
                analyzed.append(a)
            }
        }
        learnAcronyms()
        matchEntities()
        learnRegions()
        aboutElsewhere = isAboutElsewhere()
        recordMentions()
        findOfficials()
        // The officials' phrases needed them whole; later rules must not take them for Jakarta's offices.
        if aboutElsewhere {
            for i in analyzed.indices {
                let s = analyzed[i]
                analyzed[i].entities = s.entities.filter { !isJakartaDefault($0, s.tokens) }
            }
        }
        findDates()
        dateOfficials()
        findLocations()
        findPrograms()
        findFigures()
        findMoney()
        findEvents()
        facts.sentences = analyzed.map(\.sentence)
        facts.acronyms = learned
    }

    /// The day each official is evidenced on (`OfficialFact.date`): the publication date. An undated report is of the
    /// latest day it gives (`Jakarta, Kamis (19/9)`) in the publication years of the documents read with it, when they
    /// are known: a day of history it recalls (`lahir 21 Desember 1991`, `12 Mei 1998`) is not the report's. It is not
    /// the first activity's date either, which may be a year or a span (`pada 2022`, `periode 2019-2024`).
    mutating func dateOfficials() {
        let day = context.published?.iso ?? facts.extraction.dates.compactMap { d -> String? in
            guard d.granularity == "day", let day = d.normalized else { return nil }
            return context.batchYears.isEmpty || context.batchYears.contains(Int(day.prefix(4)) ?? 0) ? day : nil
        }.max()
        for i in facts.extraction.officials.indices { facts.extraction.officials[i].date = day }
    }

    // MARK: - Entities

    /// `Kabupaten Magetan`, `Polres Fakfak`: a capitalised word after one that introduces a regency or city (words.tsv's
    /// `region_intro`) names a region outside Jakarta throughout the document, so that it continues a title rather than
    /// starting a name (`Kepala Dinas Kesehatan Magetan Suwoto`). Words the gazetteer or the lexicon knows, or whose root
    /// it knows, are left out (`Kota Administrasi`, `Kota Tua`, `Polres Pelabuhan`, Jakarta's own), and so is a compass
    /// word (`Kota Selatan`), and an intro word inside a title (`Wali Kota Airin`).
    mutating func learnRegions() {
        for k in analyzed.indices {
            let tokens = analyzed[k].sentence.tokens
            for i in tokens.indices.dropLast() where rules.regionIntros.contains(tokens[i].normalized) {
                // `Wali Kota Airin`: a title, followed by a name.
                if analyzed[k].positions.contains(where: { $0.tokenRange.contains(i) }) { continue }
                let t = tokens[i + 1]
                guard t.kind == .word, isCapitalised(t), !isAcronym(t), !rules.regions.contains(t.normalized),
                      !rules.regionSuffixes.contains(t.normalized), !resources.analyzer.isKnownWord(t.normalized),
                      t.stem == t.normalized || !resources.analyzer.isKnownWord(t.stem),
                      resources.lookup(t.text, caseSensitive: true).isEmpty else { continue }
                documentRegions.insert(t.normalized)
            }
        }
    }

    mutating func learnAcronyms() {
        let learner = AcronymLearner()
        var seen: Set<String> = []
        for s in analyzed {
            // `Jawa Tengah (Jateng)` abbreviates a place, not a program; `… (Papua)` names one; `Brigjen (Purn)` is a rank
            // (`Indra Bambang Utoyo (IBU)`, in capitals, is an acronym).
            for acronym in learner.learn(in: s.sentence) where !seen.contains(acronym.acronym) && !rules.regions.contains(acronym.expansion.lowercased())
                && !rules.regions.contains(acronym.acronym.lowercased())
                && !(rules.honorifics.contains(acronym.acronym.lowercased()) && acronym.acronym != acronym.acronym.uppercased())
                && !namesPerson(acronym, s.sentence.tokens) {
                seen.insert(acronym.acronym)
                // An acronym the gazetteer knows keeps its canonical id.
                if let known = resources.lookup(acronym.acronym, caseSensitive: true).first
                    ?? resources.lookup(acronym.expansion, caseSensitive: false).first {
                    var a = acronym
                    a.id = known.id
                    a.kind = known.kind
                    learned.append(a)
                } else {
                    learned.append(acronym)
                }
            }
        }
    }

    /// Whether a definition gives a person's nickname or initials, not an acronym of a body or a program: `Presiden Joko
    /// Widodo (Jokowi)`, `Ketua DPR Bambang Soesatyo (Bamsoet)`, `Bacharuddin Jusuf (BJ) Habibie`. Either people.tsv knows
    /// the name (the acronym, the expansion, or the expansion with the word after the bracket), or the acronym is a
    /// blend, not in capitals alone (initials name places as often: `Bupati Ogan Ilir (OI)`), and its expansion is a
    /// name — capitalised words the lexicon does not know, or knows as names — after a title or a form of address (a
    /// capitalised word, not a company's `PT`: `layanan Amazon Web Services (AWS)` stays an acronym).
    func namesPerson(_ learned: LearnedAcronym, _ tokens: [Token]) -> Bool {
        let people = resources.gazetteer
        if people.person(named: learned.acronym) != nil || people.person(named: learned.expansion) != nil { return true }
        guard let start = tokens.firstIndex(where: { $0.span.lowerBound == learned.span.lowerBound }),
              let close = tokens[start...].firstIndex(where: { $0.span.upperBound == learned.span.upperBound }) else { return false }
        if close + 1 < tokens.count, isCapitalised(tokens[close + 1]),
           people.person(named: learned.expansion + " " + tokens[close + 1].text) != nil { return true }
        guard learned.acronym != learned.acronym.uppercased(),
              let open = tokens[start..<close].lastIndex(where: { $0.text == "(" }) else { return false }
        // `Ustaz Abdul Somad (UAS)`: a form of address opening the expansion is its context.
        var first = start
        while first < open, rules.honorifics.contains(tokens[first].normalized) { first += 1 }
        if first == start {
            guard start > 0, isCapitalised(tokens[start - 1]), !rules.companyForms.contains(tokens[start - 1].normalized) else { return false }
        }
        return first < open && tokens[first..<open].allSatisfy { t in
            isCapitalised(t) && (rules.nameWords.contains(t.normalized) || !resources.analyzer.isKnownWord(t.normalized))
        }
    }

    mutating func matchEntities() {
        var extra: [(surface: String, id: String, kind: EntityKind, caseSensitive: Bool)] = []
        for a in learned where resources.gazetteer.entry(a.id) == nil {
            extra.append((a.acronym, a.id, a.kind, true))
            extra.append((a.expansion, a.id, a.kind, false))
        }
        let matcher = extra.isEmpty ? resources.matcher : resources.matcher.adding(extra)
        for i in analyzed.indices {
            let tokens = analyzed[i].sentence.tokens
            let found = matcher.matches(in: tokens)
            analyzed[i].entities = specificOrganizations(found.filter { $0.kind != .position }, tokens)
            analyzed[i].positions = deputies(found.filter { $0.kind == .position }, tokens)
        }
    }

    /// `Wakil Menteri Luar Negeri`, `Wakil Kepala Dinas Sosial`: a title after `wakil` (words.tsv's `deputy_prefix`) is
    /// its deputy's office, the gazetteer's `Wakil` + the title's first word (`Wakil Menteri`, `Wakil Kepala`), not the
    /// office the longer match names. Without such an office (`Wakil Sekretaris Jenderal`) the title is dropped: a deputy
    /// is never the head.
    func deputies(_ positions: [EntityMatch], _ tokens: [Token]) -> [EntityMatch] {
        positions.compactMap { p in
            let k = p.tokenRange.lowerBound
            // (`Deputi` is a title alone too, `Deputi Penindakan KPK`: one word of its own does not keep it from making a deputy.)
            guard k > 0, rules.deputyPrefixes.contains(tokens[k - 1].normalized),
                  !positions.contains(where: { $0.tokenRange.contains(k - 1) && $0.tokenRange.count > 1 }) else { return p }
            guard let deputy = resources.lookup(tokens[k - 1].normalized + " " + tokens[k].normalized, caseSensitive: false)
                .first(where: { $0.kind == .position }) else { return nil }
            let range = (k - 1)..<p.tokenRange.upperBound
            return EntityMatch(id: deputy.id, kind: .position, tokenRange: range,
                               span: tokens[k - 1].span.lowerBound..<p.span.upperBound, surface: EntityMatcher.surface(tokens[range]),
                               viaAcronym: false, alternatives: [])
        }
    }

    /// The entities found, as mentions; in a document about elsewhere, without Jakarta's offices named without Jakarta.
    mutating func recordMentions() {
        for s in analyzed {
            for m in s.entities where !isJakartaDefault(m, s.tokens) {
                facts.mentions.append(EntityMention(id: m.id, kind: m.kind.rawValue, name: name(of: m.id) ?? m.surface,
                                                    surface: slice(m.span), span: [m.span.lowerBound, m.span.upperBound]))
            }
        }
    }

    /// Whether the document is about somewhere outside Jakarta: its sentences name places outside it (words.tsv's
    /// `province`, `region` and `country`: `Kalsel`, `Jawa Tengah`, `Palu`, `AS`; regencies it introduces: `Magetan`)
    /// more often than Jakarta (a place of Jakarta, or an organization named with one: `Dinas Sosial DKI Jakarta`).
    /// National news names other places; Jakarta's releases name Jakarta. Ties are Jakarta's.
    func isAboutElsewhere() -> Bool {
        var elsewhere = 0
        for k in analyzed.indices {
            let tokens = analyzed[k].sentence.tokens
            var i = 0
            while i < tokens.count {
                // Every such name starts with an ASCII capital, and with one of a few words: most tokens fail both cheaply.
                guard tokens[i].kind == .word, let first = tokens[i].text.utf8.first, first >= 0x41 && first <= 0x5A else {
                    i += 1
                    continue
                }
                if rules.outsideJakartaFirstWords.contains(tokens[i].normalized),
                   let length = rules.outsideJakartaLength(tokens[i...].prefix(while: { $0.kind == .word }).lazy.map(\.normalized)) {
                    elsewhere += 1
                    i += length
                } else if !documentRegions.isEmpty, documentRegions.contains(tokens[i].normalized) {
                    elsewhere += 1
                    i += 1
                } else {
                    i += 1
                }
            }
        }
        guard elsewhere > 0 else { return false }
        var jakarta = 0
        for s in analyzed {
            for e in s.entities where e.kind == .place ? resources.jakarta.places.contains(e.id) : e.kind == .organization && namesJakarta(e, s.tokens) {
                jakarta += 1
            }
        }
        return elsewhere > jakarta
    }

    /// In a document about somewhere outside Jakarta, an office of Jakarta named without Jakarta (`Dinas Sosial`,
    /// `Pemprov`, `BPBD` alone): the province's own, not Jakarta's.
    func isJakartaDefault(_ e: EntityMatch, _ tokens: [Token]) -> Bool {
        aboutElsewhere && e.kind == .organization && isJakartaOrganization(e.id) && !namesJakarta(e, tokens)
    }

    /// Whether an organization's words name a place of Jakarta (`Dinas Sosial DKI Jakarta`, `Pemkot Jakpus`), unlike
    /// `Dinas Sosial` or `Pemprov` alone.
    func namesJakarta(_ organization: EntityMatch, _ tokens: [Token]) -> Bool {
        resources.matcher.matches(in: Array(tokens[organization.tokenRange]), kinds: [.place]).contains { resources.jakarta.places.contains($0.id) }
    }

    /// `Suku Dinas Sosial (Sudinsos) Kota Administrasi Jakarta Pusat`: a generic organization followed by a region is
    /// that region's office, and the match grows to cover the region.
    func specificOrganizations(_ matches: [EntityMatch], _ tokens: [Token]) -> [EntityMatch] {
        var result: [EntityMatch] = []
        var skip = Set<Int>()
        for (k, m) in matches.enumerated() where !skip.contains(k) {
            guard m.kind == .organization, let generic = resources.gazetteer.entry(m.id) else { result.append(m); continue }
            var next = m.tokenRange.upperBound
            if next < tokens.count, tokens[next].text == "(", let close = tokens[next...].firstIndex(where: { $0.text == ")" }), close - next <= 4 {
                next = close + 1
            }
            guard let placeIndex = matches.firstIndex(where: { $0.kind == .place && $0.tokenRange.lowerBound == next }) else { result.append(m); continue }
            let place = matches[placeIndex]
            let specific = resources.gazetteer.organizations.first { e in
                e.id != generic.id && e.name.hasPrefix(generic.name) && e.isIn(place: place.id, resources.gazetteer)
            }
            guard let specific else { result.append(m); continue }
            var merged = m
            merged.id = specific.id
            merged.tokenRange = m.tokenRange.lowerBound..<place.tokenRange.upperBound
            merged.span = m.span.lowerBound..<place.span.upperBound
            merged.surface = slice(merged.span)
            merged.alternatives = []
            // Any acronym in between (`(Sudinsos)`) belongs to the same organization.
            for (j, other) in matches.enumerated() where other.tokenRange.lowerBound >= m.tokenRange.upperBound && other.tokenRange.upperBound <= place.tokenRange.upperBound {
                skip.insert(j)
            }
            result.append(merged)
        }
        return result
    }

    /// The canonical name of an id from the gazetteer or the document's own acronyms.
    func name(of id: String) -> String? {
        if let e = resources.gazetteer.entry(id) { return e.name }
        return (learned.first { $0.id == id } ?? knownAcronyms.first { $0.id == id })?.expansion
    }

    func acronym(of id: String) -> String? {
        if let e = resources.gazetteer.entry(id) { return e.acronyms.first }
        return (learned.first { $0.id == id } ?? knownAcronyms.first { $0.id == id })?.acronym
    }
}

/// A sentence with the language layer's mentions and the entity matches inside it.
struct AnalyzedSentence {
    var sentence: Sentence
    var numbers: [NumberMention]
    var money: [MoneyMention]
    var dates: [DateMention]
    var entities: [EntityMatch] = []
    var positions: [EntityMatch] = []
    /// Whether a quotation opened in an earlier sentence is still open at this one's start.
    var startsInQuote = false

    var tokens: [Token] { sentence.tokens }

    /// Index of the first token that starts at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        tokens.firstIndex { $0.span.lowerBound >= offset } ?? tokens.count
    }

    /// Token indices covered by a source range.
    func tokenRange(of span: Range<Int>) -> Range<Int> {
        let lo = tokenIndex(atOrAfter: span.lowerBound)
        var hi = lo
        while hi < tokens.count, tokens[hi].span.upperBound <= span.upperBound { hi += 1 }
        return lo..<max(lo, hi)
    }

    func entity(at index: Int) -> EntityMatch? {
        entities.first { $0.tokenRange.contains(index) }
    }

    func isInsideQuote(_ index: Int) -> Bool {
        var open = startsInQuote
        // Quotes are punctuation tokens: other tokens are passed over without comparing strings (or copying them).
        let tokens = sentence.tokens
        for k in 0..<min(index, tokens.count) where tokens[k].kind == .punctuation {
            switch tokens[k].text {
            case "“": open = true
            case "”": open = false
            case "\"": open.toggle()
            default: break
            }
        }
        return open
    }
}
