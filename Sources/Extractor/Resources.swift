import Foundation
import Corpus

/// Everything extraction reads from `gazetteer/` and the system, loaded once and shared by all documents.
public struct ExtractionResources: Sendable {
    public var analyzer: LanguageAnalyzer
    public var gazetteer: Gazetteer
    /// Places, organizations, programs and positions; positions are resolved as their own layer,
    /// since `Kepala Dinas Sosial` overlaps the organization `Dinas Sosial`.
    public var matcher: EntityMatcher
    public var rules: RuleWords
    /// Which rules extract: `DocumentExtractor.rulesRevision` and, when loaded from files, a digest of the files
    /// extraction reads (the gazetteer folder's `.tsv` and `.txt` files, the hunspell word list). A knowledge base extracts
    /// a stored document again when its version differs, so an edited gazetteer or a newer kb reaches what is stored.
    public var rulesVersion = "r\(DocumentExtractor.rulesRevision)"
    /// Lowercased names and aliases → ids.
    var names: [String: [String]] = [:]
    /// Acronyms as written → ids.
    var acronyms: [String: [String]] = [:]
    /// Which gazetteer entries are Jakarta's.
    public private(set) var jakarta = JakartaEntries()

    public init(analyzer: LanguageAnalyzer, gazetteer: Gazetteer) {
        self.analyzer = analyzer
        self.gazetteer = gazetteer
        self.matcher = EntityMatcher(gazetteer: gazetteer)
        self.rules = RuleWords(gazetteer.words)
        for entry in gazetteer.entries.values.sorted(by: { $0.id < $1.id }) {
            for n in [entry.name] + entry.aliases { names[Gazetteer.nameKey(n), default: []].append(entry.id) }
            for a in entry.acronyms { acronyms[a, default: []].append(entry.id) }
        }
        let province = lookup("DKI Jakarta", caseSensitive: false).first { $0.kind == .place }?.id
        jakarta.government = lookup("Pemprov DKI", caseSensitive: false).first?.id
        for entry in gazetteer.entries.values {
            let lineage = gazetteer.lineage(of: entry.id)
            switch entry.kind {
            case .place where lineage.contains { $0.id == province }:
                jakarta.places.insert(entry.id)
            case .organization where lineage.contains { $0.id == jakarta.government || $0.name.split(separator: " ").contains { $0 == "DKI" || $0 == "Jakarta" } }:
                jakarta.organizations.insert(entry.id)
            default:
                break
            }
        }
    }

    /// Entries whose name, alias (case-insensitive) or acronym (as written, when `caseSensitive`) is `text`.
    public func lookup(_ text: String, caseSensitive: Bool) -> [GazetteerEntry] {
        let ids = caseSensitive ? (acronyms[text] ?? []) + (names[Gazetteer.nameKey(text)] ?? []) : (names[Gazetteer.nameKey(text)] ?? [])
        return ids.compactMap { gazetteer.entry($0) }
    }

    /// Loads the gazetteer folder and the hunspell word list.
    public static func load(gazetteerFolder: String, hunspellDictionary: String = "/usr/share/hunspell/id_ID.dic") throws(GazetteerError) -> ExtractionResources {
        let analyzer = try LanguageAnalyzer.load(gazetteerFolder: gazetteerFolder, hunspellDictionary: hunspellDictionary)
        let gazetteer = try Gazetteer.load(folder: gazetteerFolder)
        var resources = ExtractionResources(analyzer: analyzer, gazetteer: gazetteer)
        resources.rulesVersion = rulesVersion(gazetteerFolder: gazetteerFolder, hunspellDictionary: hunspellDictionary)
        return resources
    }

    /// The revision of the code, ICU's version (its segmentation and country names) and a digest of each file
    /// extraction reads, by name (not by where the folder is).
    public static func rulesVersion(gazetteerFolder: String, hunspellDictionary: String = "/usr/share/hunspell/id_ID.dic") -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: gazetteerFolder)) ?? [])
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".tsv") || $0.hasSuffix(".txt")) }.sorted()
        let files = names.map { ($0, (gazetteerFolder as NSString).appendingPathComponent($0)) }
            + [((hunspellDictionary as NSString).lastPathComponent, hunspellDictionary)]
        var digest = Array("revision \(DocumentExtractor.rulesRevision) icu \(ICUSegmenter.icuVersion)\n".utf8)
        for (name, path) in files {
            let hash = ContentHash.fnv1a(FileManager.default.contents(atPath: path) ?? Data())
            digest += Array("\(name) \(hash)\n".utf8)
        }
        return "r\(DocumentExtractor.rulesRevision)-" + ContentHash.hex(digest)
    }
}

/// The gazetteer entries that are Jakarta's, worked out once.
public struct JakartaEntries: Sendable {
    /// Pemerintah Provinsi DKI Jakarta.
    public var government: String?
    /// DKI Jakarta and every place in it.
    public var places: Set<String> = []
    /// The provincial government or below it, or named for DKI Jakarta (`DPRD DKI Jakarta`, `BPS Provinsi DKI Jakarta`),
    /// or below one that is.
    public var organizations: Set<String> = []
}

/// The rule vocabularies of `words.tsv`, by role.
public struct RuleWords: Sendable {
    public var speechVerbs: Set<String>
    public var actions: WordSet
    public var passiveAgents: Set<String>
    public var actingPrefixes: Set<String>
    /// Words before a position that make its holder a former one (`mantan`, `eks`).
    public var formerPrefixes: Set<String>
    /// Words before a position that make it no one's office: the person named is a candidate for it (`calon`), or it
    /// is many holders' (`para`).
    public var noHolderPrefixes: Set<String>
    /// Words from which a sentence speaks of another time than its activity's: a comparison (`dibandingkan`), a start
    /// (`sejak`) when the date after it is more than a year from the publication.
    public var comparisonWords: WordSet
    public var sinceWords: WordSet
    /// Words in or right after a title that make the person named its holder elect (`terpilih`).
    public var electWords: Set<String>
    /// Words before a position that make a name set off by a comma after it a relative's of the holder (`istri`).
    public var relativePrefixes: Set<String>
    /// Words that open a company's name after a title (`PT`), and words that close one (`Tbk`).
    public var companyForms: Set<String>
    public var companyCloses: Set<String>
    /// Words after which a name is the principal's, part of the title (`Sekretaris Pribadi BJ Habibie`).
    public var principalIntros: Set<String>
    /// Words before a title that make its holder the deputy (`wakil`).
    public var deputyPrefixes: Set<String>
    public var honorifics: Set<String>
    /// Police and military ranks, which open a name (words.tsv's `rank`).
    public var ranks: Set<String>
    public var listIntros: Set<String>
    public var unitNouns: Set<String>
    public var participantUnits: Set<String>
    /// Counted nouns that say only that people are counted (`orang`, `jiwa`).
    public var peopleClassifiers: Set<String>
    public var vague: Set<String>
    public var titleWords: Set<String>
    public var notNames: Set<String>
    /// Names the lexicon also knows as words (`Bambang`): never an office word.
    public var nameWords: Set<String>
    /// Short words that continue a title as its field (`Menteri Agama`), never a name.
    public var fieldWords: Set<String>
    /// Provinces and cities outside Jakarta and countries, lowercased, that continue a position (`Wali Kota Malang`):
    /// words.tsv's `region`, `province`, `country` and `home_region`, and every country ICU names in Indonesian
    /// (`Presiden Zimbabwe`).
    public var regions: Set<String>
    /// The regions but words.tsv's `home_region` (Indonesia, Metro Jaya), lowercased: a document that names them more
    /// often than Jakarta is about them (`ExtractionRun.isAboutElsewhere`).
    public var outsideJakarta: Set<String>
    /// Countries other than Indonesia (words.tsv's `country` and ICU's, but `home_region`), lowercased: a title naming
    /// one is that country's office, not an Indonesian body's (`Jaksa Agung Israel`).
    public var foreignCountries: Set<String>
    /// The first words of `regions` and of `outsideJakarta`: most words start none (cheap tests before `regionLength`
    /// and `outsideJakartaLength`).
    var regionFirstWords: WordSet
    var outsideJakartaFirstWords: WordSet
    /// Compass words that continue a region's name (`Mamuju Tengah`).
    public var regionSuffixes: Set<String>
    /// Words after which a capitalised word names a regency or city (`Kabupaten`, `Pemkot`, `Polres`).
    public var regionIntros: WordSet
    /// Words that open the name of a building, an area or a natural place (`Gedung`, `Kompleks`, `Danau`).
    public var placeWords: Set<String>
    /// Longest unit noun in words, to bound the lookahead.
    public var maxUnitWords: Int

    /// The number of words (up to three) of the longest region that `words` (lowercased) start with, or nil:
    /// 2 for `jawa barat ridwan`, 1 for `malang kota`.
    public func regionLength(_ words: some Sequence<String>) -> Int? {
        Gazetteer.longestPhrase(words) { regions.contains($0) }
    }

    /// As `regionLength`, for the regions outside Jakarta alone.
    public func outsideJakartaLength(_ words: some Sequence<String>) -> Int? {
        Gazetteer.longestPhrase(words) { outsideJakarta.contains($0) }
    }

    /// ICU's Indonesian country names, lowercased, those made of words alone (not `Kongo - Kinshasa`).
    static let countries: Set<String> = Set(ICUCountries.names(locale: "id").compactMap { name in
        let words = name.lowercased().split(separator: " ")
        return words.allSatisfy({ $0.allSatisfy(\.isLetter) }) ? words.joined(separator: " ") : nil
    })

    init(_ words: [String: Set<String>]) {
        func role(_ r: String) -> Set<String> {
            precondition(Gazetteer.wordRoles.contains(r), "words.tsv role '\(r)' is missing from Gazetteer.wordRoles")
            return Set((words[r] ?? []).map { $0.lowercased() })
        }
        speechVerbs = role("speech_verb")
        actions = WordSet(role("action"))
        passiveAgents = role("passive_agent")
        actingPrefixes = role("acting_prefix")
        formerPrefixes = role("former_prefix")
        noHolderPrefixes = role("candidate_prefix").union(role("plural_prefix"))
        relativePrefixes = role("relative_prefix")
        electWords = role("elect_word")
        comparisonWords = WordSet(role("comparison_word"))
        sinceWords = WordSet(role("since_word"))
        companyForms = role("company_form")
        companyCloses = role("company_close")
        principalIntros = role("principal_intro")
        deputyPrefixes = role("deputy_prefix")
        honorifics = role("honorific")
        ranks = role("rank")
        listIntros = role("list_intro")
        unitNouns = role("unit_noun")
        participantUnits = role("participant_unit")
        peopleClassifiers = role("people_classifier")
        vague = role("vague")
        titleWords = role("title_word")
        notNames = role("not_name")
        nameWords = role("name_word")
        fieldWords = role("field_word")
        foreignCountries = role("country").union(Self.countries).subtracting(role("home_region"))
        outsideJakarta = role("region").union(role("province")).union(role("country")).union(Self.countries).subtracting(role("home_region"))
        regions = outsideJakarta.union(role("home_region"))
        func firstWords(_ phrases: Set<String>) -> WordSet { WordSet(Set(phrases.map { String($0.prefix { $0 != " " }) })) }
        regionFirstWords = firstWords(regions)
        outsideJakartaFirstWords = firstWords(outsideJakarta)
        regionSuffixes = role("region_suffix")
        regionIntros = WordSet(role("region_intro"))
        placeWords = role("place_word")
        maxUnitWords = unitNouns.map { $0.split(separator: " ").count }.max() ?? 1
    }
}
