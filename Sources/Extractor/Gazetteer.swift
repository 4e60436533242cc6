import Foundation

/// What a gazetteer entry names.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case place, organization, program, position, person

    /// The id prefix of the kind (`place:31.71.01`, `org:dinsos-dki`).
    public var idPrefix: String {
        switch self {
        case .place: return "place:"
        case .organization: return "org:"
        case .program: return "program:"
        case .position: return "position:"
        case .person: return "person:"
        }
    }

    /// The `type` values a row of this kind may have.
    public var types: Set<String> {
        switch self {
        case .place: return ["provinsi", "kota", "kabupaten", "kecamatan", "kelurahan", "landmark", "building", "area"]
        case .organization: return ["organization", "dinas", "suku-dinas", "pusat", "bidang", "panti", "pemda", "legislatif", "kementerian", "badan", "lembaga"]
        case .program: return ["program", "target-group", "data", "aid"]
        case .position: return ["position"]
        case .person: return ["person"]
        }
    }
}

/// A row of `places.tsv`, `organizations.tsv`, `programs.tsv`, `positions.tsv` or `people.tsv`.
public struct GazetteerEntry: Sendable, Hashable {
    public var id: String
    public var kind: EntityKind
    public var type: String
    /// Canonical name, as the news writes it.
    public var name: String
    /// Alternative names, matched case-insensitively.
    public var aliases: [String]
    /// Short forms, matched case-sensitively (`TKSK`, `Jakpus`).
    public var acronyms: [String]
    /// Kemendagri code of an official region.
    public var code: String?
    /// Id of the enclosing place or the parent organization or program.
    public var parent: String?
    /// For a position that names its office (`Kadinsos`), that organization as positions.tsv writes it
    /// (`Dinas Sosial`): a name, alias or acronym of an organization, checked at load.
    public var impliedOrg: String?

    /// Every name the entry is known by, with whether it is matched case-sensitively: the name and the aliases (not),
    /// then the acronyms (they are).
    public var names: [(name: String, caseSensitive: Bool)] {
        ([name] + aliases).map { ($0, false) } + acronyms.map { ($0, true) }
    }

    public init(id: String, kind: EntityKind, type: String, name: String, aliases: [String] = [], acronyms: [String] = [],
                code: String? = nil, parent: String? = nil, impliedOrg: String? = nil) {
        self.id = id
        self.kind = kind
        self.type = type
        self.name = name
        self.aliases = aliases
        self.acronyms = acronyms
        self.code = code
        self.parent = parent
        self.impliedOrg = impliedOrg
    }

    /// Rank among entries with the same surface: lower wins (a larger region before a smaller one).
    var priority: Int {
        let kindRank: Int
        switch kind {
        case .organization: kindRank = 0
        case .program: kindRank = 100
        case .place: kindRank = 200
        case .position: kindRank = 300
        case .person: kindRank = 400
        }
        let typeRank = ["provinsi": 0, "kota": 1, "kabupaten": 1, "kecamatan": 2, "kelurahan": 3,
                        "area": 4, "landmark": 5, "building": 6][type] ?? 0
        return kindRank + typeRank
    }
}

/// The entity gazetteers and rule vocabularies of a `gazetteer/` folder.
public struct Gazetteer: Sendable {
    /// Entries by id; setting them (to keep some kinds only, say) rebuilds the child index.
    public var entries: [String: GazetteerEntry] {
        didSet {
            childIDs = Self.childIndex(entries)
            organizations = Self.organizations(entries)
            positionNames = Self.positionNames(entries)
        }
    }
    /// Role → lowercased words (from `words.tsv`).
    public var words: [String: Set<String>]
    /// A word of a `words.tsv` row that lists several spellings (`jawa barat|jabar`) → all of them, the first the full one.
    public var spellings: [String: [String]]
    /// Abbreviations that end in a period (from `abbreviations.tsv`); the matcher tokenizes names with them.
    public var abbreviations: Abbreviations
    /// People known by several names (from `people.tsv`: `Jokowi` is Joko Widodo), by id. Not matched in text: an
    /// official's name as found is looked up (`person(named:)`).
    public private(set) var people: [String: GazetteerEntry] = [:]
    /// A person's name or alias, lowercased with single spaces → the person's id.
    private var personNames: [String: String] = [:]
    /// Parent id → ids of its children, sorted; built when entries change so `children(of:)` is a lookup.
    private var childIDs: [String: [String]]
    /// The organizations sorted by id, for rules that pick one by type and place: scanned in a fixed order, the
    /// first match does not depend on the dictionary's hashing, and the other kinds are not scanned at all.
    public private(set) var organizations: [GazetteerEntry]
    /// Position id → its name and the set of its name and aliases, normalized (`Gazetteer.normalize`), for `officeKey`,
    /// which every official asks.
    private var positionNames: [String: (name: String, all: Set<String>)]

    /// A gazetteer from entries already in memory (tests, or entries built elsewhere); the first of two equal ids wins.
    public init(entries: [GazetteerEntry], words: [String: Set<String>] = [:], spellings: [String: [String]] = [:],
                abbreviations: Abbreviations = Abbreviations()) {
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.entries = byID
        self.words = words
        self.spellings = spellings
        self.abbreviations = abbreviations
        self.childIDs = Self.childIndex(byID)
        self.organizations = Self.organizations(byID)
        self.positionNames = Self.positionNames(byID)
    }

    private static func positionNames(_ entries: [String: GazetteerEntry]) -> [String: (name: String, all: Set<String>)] {
        entries.values.filter { $0.kind == .position }.reduce(into: [:]) { names, entry in
            names[entry.id] = (normalize(entry.name), Set(([entry.name] + entry.aliases).map(normalize)))
        }
    }

    private static func organizations(_ entries: [String: GazetteerEntry]) -> [GazetteerEntry] {
        entries.values.filter { $0.kind == .organization }.sorted { $0.id < $1.id }
    }

    private static func childIndex(_ entries: [String: GazetteerEntry]) -> [String: [String]] {
        var children: [String: [String]] = [:]
        for entry in entries.values {
            if let parent = entry.parent { children[parent, default: []].append(entry.id) }
        }
        return children.mapValues { $0.sorted() }
    }

    public func entry(_ id: String) -> GazetteerEntry? { entries[id] ?? people[id] }

    /// The person of `people.tsv` a name as found in text is the name or an alias of (`Jokowi` → Joko Widodo).
    public func person(named name: String) -> GazetteerEntry? {
        personNames[Self.nameKey(name)].flatMap { people[$0] }
    }

    /// Sets the people known by several names, as read at `file`'s lines; a name or alias given to two of them is refused.
    mutating func setPeople(_ rows: [(entry: GazetteerEntry, file: String, line: Int)]) throws(GazetteerError) {
        people = [:]
        personNames = [:]
        for (entry, file, line) in rows {
            people[entry.id] = entry
            for name in [entry.name] + entry.aliases {
                if let other = personNames[Self.nameKey(name)], other != entry.id {
                    throw .malformedLine(file: file, line: line, reason: "the name '\(name)' of '\(entry.id)' is also one of '\(other)'")
                }
                personNames[Self.nameKey(name)] = entry.id
            }
        }
    }

    /// A name lowercased, its words separated by single spaces: the key names are looked up by (people, and the
    /// gazetteer's names in `ExtractionResources.lookup`).
    static func nameKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Lowercase letters and digits, the words separated by single spaces (`Menteri Perhubungan (Menhub)` → `menteri
    /// perhubungan menhub`).
    public static func normalize(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// The office a title names, as a key: offices are compared by canonical position and organization when known.
    /// Without an organization the title as written tells the offices apart: `Gubernur Jawa Barat` and `Gubernur Jawa
    /// Tengah` are two. A place written in one of its other spellings is written in its full one (`fullSpellings`):
    /// `Gubernur Jabar` is `Gubernur Jawa Barat`. A title that is the position's name or one of its aliases, with or
    /// without a word naming Indonesia's government after it (words.tsv's `national_suffix`), is written as the name:
    /// `Menhub`, `Menteri Perhubungan` and `Menteri Perhubungan RI` are one office.
    public func officeKey(positionID: String?, title: String?, orgID: String?) -> String {
        func written() -> String { fullSpellings(Self.normalize(title ?? "")) }
        switch (positionID, orgID) {
        case (let position?, nil):
            let title = written()
            guard let names = positionNames[position] else { return "\(position)@\(title)" }
            let suffix = (words["national_suffix"] ?? []).filter { title.hasSuffix(" " + $0) }.max { $0.count < $1.count }
            let bare = suffix.map { String(title.dropLast($0.count + 1)) } ?? title
            return "\(position)@\(names.all.contains(title) || names.all.contains(bare) ? names.name : title)"
        default:
            return "\(positionID ?? written())@\(orgID ?? "")"
        }
    }

    /// The number of words (up to `limit`) of the longest phrase that `words` start with and `isPhrase` accepts, or nil.
    /// The phrase grows a word at a time, its words joined by single spaces.
    public static func longestPhrase(_ words: some Sequence<String>, upTo limit: Int = 3, where isPhrase: (String) -> Bool) -> Int? {
        var phrase = ""
        var longest: Int?
        for (n, word) in words.prefix(limit).enumerated() {
            phrase += n == 0 ? word : " " + word
            if isPhrase(phrase) { longest = n + 1 }
        }
        return longest
    }

    /// The spellings of a lowercase phrase (`jabar` → `jawa barat`, `jabar`): its row's in `words.tsv`, else itself.
    public func spellings(of phrase: String) -> [String] {
        spellings[phrase] ?? [phrase]
    }

    /// `text` (lowercase words separated by single spaces) with each run that is one of several spellings (the
    /// longest, up to three words) in its full spelling: `gubernur jabar` → `gubernur jawa barat`.
    public func fullSpellings(_ text: String) -> String {
        guard !spellings.isEmpty else { return text }
        let words = text.split(separator: " ").map(String.init)
        var result: [String] = []
        var k = 0
        while k < words.count {
            let n = Self.longestPhrase(words[k...]) { spellings[$0] != nil } ?? 1
            let run = words[k..<(k + n)].joined(separator: " ")
            result.append(spellings[run]?[0] ?? run)
            k += n
        }
        return result.joined(separator: " ")
    }

    /// The entry and its ancestors through the parent column, nearest first (loading refuses cycles).
    public func lineage(of id: String) -> [GazetteerEntry] {
        var result: [GazetteerEntry] = []
        var current = entries[id]
        while let entry = current {
            result.append(entry)
            current = entry.parent.flatMap { entries[$0] }
        }
        return result
    }

    /// Direct children of an entry (kecamatan of a kota, Suku Dinas of Dinas Sosial), sorted by id.
    public func children(of id: String) -> [GazetteerEntry] {
        (childIDs[id] ?? []).compactMap { entries[$0] }
    }

    /// The files `load(folder:)` reads, with the kind of their rows.
    static let entityFiles: [(file: String, kind: EntityKind)] = [
        ("places.tsv", .place), ("organizations.tsv", .organization), ("programs.tsv", .program), ("positions.tsv", .position),
        ("people.tsv", .person),
    ]
    static let entityHeader = ["id", "type", "name", "aliases", "acronyms", "code", "parent", "note"]
    static let positionHeader = ["id", "name", "aliases", "implied_org", "note"]
    static let peopleHeader = ["id", "name", "aliases", "note"]
    static let wordsHeader = ["word", "role", "note"]
    /// The roles of `words.tsv` rows that the rules read (`RuleWords`, the matcher's ambiguous places, the office key):
    /// a row of any other role would be read by nothing, so it is an error (a misspelled `natonal_suffix`).
    static let wordRoles: Set<String> = [
        "acting_prefix", "action", "ambiguous_place", "candidate_prefix", "company_close", "company_form",
        "comparison_word", "country", "deputy_prefix", "elect_word", "field_word", "former_prefix", "home_region",
        "honorific", "list_intro", "name_word", "national_suffix", "not_name", "participant_unit", "passive_agent",
        "people_classifier", "place_context", "place_word", "plural_prefix", "principal_intro", "province", "rank",
        "region", "region_intro", "region_suffix", "relative_prefix", "since_word", "speech_verb", "title_word",
        "unit_noun", "vague",
    ]

    /// Loads places.tsv, organizations.tsv, programs.tsv, positions.tsv, people.tsv, words.tsv and abbreviations.tsv from
    /// a folder.
    /// A malformed line (wrong header, too few fields, unknown type, duplicate id, a parent or implied
    /// organization that does not exist, an empty name) throws `GazetteerError.malformedLine` naming file and line.
    public static func load(folder: String) throws(GazetteerError) -> Gazetteer {
        func path(_ file: String) -> String { (folder as NSString).appendingPathComponent(file) }
        var entries: [GazetteerEntry] = []
        var people: [(entry: GazetteerEntry, file: String, line: Int)] = []
        // Where each entry was read, to report a duplicate or a dangling parent at its own line.
        var origin: [String: (file: String, line: Int)] = [:]

        for (file, kind) in entityFiles {
            let filePath = path(file)
            let header = switch kind {
            case .position: positionHeader
            case .person: peopleHeader
            default: entityHeader
            }
            for row in try TSVFile.read(path: filePath, header: header) {
                let entry = try parseEntry(row, kind: kind, file: filePath)
                if let first = origin[entry.id] {
                    throw .malformedLine(file: filePath, line: row.line,
                                         reason: "duplicate id '\(entry.id)' (first at \((first.file as NSString).lastPathComponent):\(first.line))")
                }
                origin[entry.id] = (filePath, row.line)
                // People are looked up by name, never matched in text: they are kept apart from the entries.
                if kind == .person { people.append((entry, filePath, row.line)) } else { entries.append(entry) }
            }
        }

        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var organizationNames: [String: String] = [:]
        var organizationAcronyms: [String: String] = [:]
        for entry in entries where entry.kind == .organization {
            for name in [entry.name] + entry.aliases { organizationNames[name.lowercased()] = entry.id }
            for acronym in entry.acronyms { organizationAcronyms[acronym] = entry.id }
        }
        for entry in entries {
            guard let at = origin[entry.id] else { continue }
            if let parent = entry.parent {
                guard let parentEntry = byID[parent] else {
                    throw .malformedLine(file: at.file, line: at.line, reason: "parent '\(parent)' of '\(entry.id)' does not exist")
                }
                guard parentEntry.kind == entry.kind else {
                    throw .malformedLine(file: at.file, line: at.line,
                                         reason: "parent '\(parent)' of '\(entry.id)' is of kind \(parentEntry.kind.rawValue), not \(entry.kind.rawValue)")
                }
                // A cycle would make walks up the hierarchy endless.
                var steps = 0
                var ancestor: String? = parent
                while let current = ancestor, steps <= byID.count {
                    if current == entry.id {
                        throw .malformedLine(file: at.file, line: at.line, reason: "'\(entry.id)' is its own ancestor through '\(parent)'")
                    }
                    ancestor = byID[current]?.parent
                    steps += 1
                }
            }
            if let org = entry.impliedOrg, organizationNames[org.lowercased()] == nil, organizationAcronyms[org] == nil {
                throw .malformedLine(file: at.file, line: at.line,
                                     reason: "implied_org '\(org)' of '\(entry.id)' is not a name, alias or acronym of organizations.tsv")
            }
        }

        let (words, spellings) = try loadWords(path: path("words.tsv"))
        let abbreviations = try Abbreviations.load(path: path("abbreviations.tsv"))
        var gazetteer = Gazetteer(entries: entries, words: words, spellings: spellings, abbreviations: abbreviations)
        try gazetteer.setPeople(people)
        return gazetteer
    }

    /// One row of an entity file.
    static func parseEntry(_ row: TSVFile.Row, kind: EntityKind, file: String) throws(GazetteerError) -> GazetteerEntry {
        func fail(_ reason: String) -> GazetteerError { .malformedLine(file: file, line: row.line, reason: reason) }
        func optional(_ s: String) -> String? { s.isEmpty ? nil : s }
        let f = row.fields
        let id = f[0]
        guard id.hasPrefix(kind.idPrefix), id.count > kind.idPrefix.count else {
            throw fail("id '\(id)' must start with '\(kind.idPrefix)' followed by a slug")
        }
        let slug = id.dropFirst(kind.idPrefix.count)
        guard slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_" }) else {
            throw fail("id '\(id)': the slug may hold only a-z, 0-9, '-', '.' and '_'")
        }
        if kind == .position || kind == .person {
            guard !f[1].isEmpty else { throw fail("the name of '\(id)' is empty") }
            return GazetteerEntry(id: id, kind: kind, type: kind.rawValue, name: f[1], aliases: list(f[2]),
                                  impliedOrg: kind == .position ? optional(f[3]) : nil)
        }
        let type = f[1]
        guard kind.types.contains(type) else {
            throw fail("unknown type '\(type)' for a \(kind.rawValue); expected one of \(kind.types.sorted().joined(separator: ", "))")
        }
        guard !f[2].isEmpty else { throw fail("the name of '\(id)' is empty") }
        let code = optional(f[5])
        if kind == .place, ["provinsi", "kota", "kabupaten", "kecamatan", "kelurahan"].contains(type), code == nil {
            throw fail("the official region '\(id)' needs its Kemendagri code")
        }
        return GazetteerEntry(id: id, kind: kind, type: type, name: f[2], aliases: list(f[3]), acronyms: list(f[4]),
                              code: code, parent: optional(f[6]))
    }

    /// `a|b|c` → the non-empty trimmed values, without repeats.
    static func list(_ field: String) -> [String] {
        var result: [String] = []
        for part in field.split(separator: "|") {
            let value = part.trimmingCharacters(in: .whitespaces)
            if !value.isEmpty, !result.contains(value) { result.append(value) }
        }
        return result
    }

    /// `words.tsv`: role → lowercased words, and the spellings of rows that list several (`jawa barat|jabar`); a role
    /// is a lowercase identifier (`speech_verb`).
    static func loadWords(path: String) throws(GazetteerError) -> (words: [String: Set<String>], spellings: [String: [String]]) {
        var words: [String: Set<String>] = [:]
        var spellings: [String: [String]] = [:]
        for row in try TSVFile.read(path: path, header: wordsHeader) {
            let role = row.fields[1]
            guard !role.isEmpty, role.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) else {
                throw .malformedLine(file: path, line: row.line, reason: "role '\(role)' must be a lowercase name such as speech_verb")
            }
            guard wordRoles.contains(role) else {
                throw .malformedLine(file: path, line: row.line,
                                     reason: "unknown role '\(role)'; the roles are \(wordRoles.sorted().joined(separator: ", "))")
            }
            let spelled = list(row.fields[0]).map { $0.lowercased().split(separator: " ").joined(separator: " ") }
            words[role, default: []].formUnion(spelled)
            if spelled.count > 1 {
                for word in spelled { spellings[word] = spelled }
            }
        }
        return (words, spellings)
    }
}
