public import Corpus

/// Everything `kb extract` reports about one document: the contract in `docs/extraction-format.md`.
public struct Extraction: Sendable, Codable {
    public struct DocumentInfo: Sendable, Codable, Equatable {
        public var id: String
        public var source: String
        public var title: String?
        public var published: String?
        public var reporter: String?
        public var editor: String?
        public var outlet: String?
        public var url: String?
        public var photoCredits: [String]?
        public var nearDuplicates: [String]?
        public var warnings: [String]?

        enum CodingKeys: String, CodingKey {
            case id, source, title, published, reporter, editor, outlet, url
            case photoCredits = "photo_credits", nearDuplicates = "near_duplicates", warnings
        }

        public init(_ document: Document) {
            id = document.id
            source = document.source
            title = document.title
            published = document.published?.iso
            reporter = document.reporter
            editor = document.editor
            outlet = document.outlet
            url = document.url
            photoCredits = document.photoCredits.isEmpty ? nil : document.photoCredits
            warnings = document.warnings.isEmpty ? nil : document.warnings
        }

        /// Keys of the contract are always written, as null when unknown.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(source, forKey: .source)
            try c.encode(title, forKey: .title)
            try c.encode(published, forKey: .published)
            try c.encode(reporter, forKey: .reporter)
            try c.encode(editor, forKey: .editor)
            try c.encode(outlet, forKey: .outlet)
            try c.encodeIfPresent(url, forKey: .url)
            try c.encodeIfPresent(photoCredits, forKey: .photoCredits)
            try c.encodeIfPresent(nearDuplicates, forKey: .nearDuplicates)
            try c.encodeIfPresent(warnings, forKey: .warnings)
        }
    }

    public var document: DocumentInfo
    public var officials: [OfficialFact] = []
    public var programs: [ProgramFact] = []
    public var figures: [FigureFact] = []
    public var money: [MoneyFact] = []
    public var dates: [DateFact] = []
    public var locations: [LocationFact] = []
    public var events: [EventFact] = []

    public init(document: DocumentInfo) {
        self.document = document
    }
}

/// A person with a position, as `Kepala Dinas Sosial DKI Jakarta, Premi Lasari`.
public struct OfficialFact: Sendable, Codable, Hashable {
    public var name: String
    public var title: String?
    public var org: String?
    public var entity: String?
    public var surface: String
    public var span: [Int]
    /// Canonical ids of the position and organization, when known.
    public var positionID: String?
    public var orgID: String?
    /// True for a former holder (`mantan Gubernur Jawa Barat, Heryawan`): the text names the office, not a term in it.
    /// Absent otherwise.
    public var former: Bool?
    /// The day the document evidences the office on (ISO 8601): its publication date, else the latest day of its own
    /// time it gives (`DocumentExtractor`'s `dateOfficials`). Absent when it gives none.
    public var date: String?

    enum CodingKeys: String, CodingKey {
        case name, title, org, entity, surface, span, positionID = "position_id", orgID = "org_id", former, date
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(org, forKey: .org)
        try c.encode(entity, forKey: .entity)
        try c.encode(surface, forKey: .surface)
        try c.encode(span, forKey: .span)
        try c.encode(positionID, forKey: .positionID)
        try c.encode(orgID, forKey: .orgID)
        try c.encodeIfPresent(former, forKey: .former)
        try c.encodeIfPresent(date, forKey: .date)
    }
}

/// A program or target group (`Karang Taruna`, `TKSK`).
public struct ProgramFact: Sendable, Codable, Hashable {
    public var name: String
    public var acronym: String?
    public var entity: String?
    public var surface: String
    public var span: [Int]

    enum CodingKeys: String, CodingKey {
        case name, acronym, entity, surface, span
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(acronym, forKey: .acronym)
        try c.encode(entity, forKey: .entity)
        try c.encode(surface, forKey: .surface)
        try c.encode(span, forKey: .span)
    }
}

/// A counted figure: `lebih dari 400 tenaga sosial`.
public struct FigureFact: Sendable, Codable, Hashable {
    public var value: Double?
    public var max: Double?
    public var unit: String?
    public var qualifier: String?
    public var about: String?
    public var surface: String
    public var span: [Int]

    enum CodingKeys: String, CodingKey {
        case value, max, unit, qualifier, about, surface, span
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(max, forKey: .max)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(about, forKey: .about)
        try c.encode(surface, forKey: .surface)
        try c.encode(span, forKey: .span)
    }
}

/// An amount of money: `Rp1,6 triliun`.
public struct MoneyFact: Sendable, Codable, Hashable {
    public var value: Double?
    public var max: Double?
    public var currency: String
    public var qualifier: String?
    public var per: String?
    public var about: String?
    public var surface: String
    public var span: [Int]

    enum CodingKeys: String, CodingKey {
        case value, max, currency, qualifier, per, about, surface, span
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(max, forKey: .max)
        try c.encode(currency, forKey: .currency)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(per, forKey: .per)
        try c.encode(about, forKey: .about)
        try c.encode(surface, forKey: .surface)
        try c.encode(span, forKey: .span)
    }
}

/// A date normalized against the publication date.
public struct DateFact: Sendable, Codable, Hashable {
    public var surface: String
    public var normalized: String?
    public var granularity: String
    public var warning: String?
    public var span: [Int]

    enum CodingKeys: String, CodingKey {
        case surface, normalized, granularity, warning, span
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(surface, forKey: .surface)
        try c.encode(normalized, forKey: .normalized)
        try c.encode(granularity, forKey: .granularity)
        try c.encode(warning, forKey: .warning)
        try c.encode(span, forKey: .span)
    }
}

/// A place: a region of Jakarta, a building, a street.
public struct LocationFact: Sendable, Codable, Hashable {
    public var name: String
    public var type: String?
    public var code: String?
    public var parent: String?
    public var surface: String
    public var span: [Int]

    enum CodingKeys: String, CodingKey {
        case name, type, code, parent, surface, span
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(code, forKey: .code)
        try c.encode(parent, forKey: .parent)
        try c.encode(surface, forKey: .surface)
        try c.encode(span, forKey: .span)
    }
}

/// A participant figure of an event.
public struct Participants: Sendable, Codable, Hashable {
    public var value: Double?
    public var unit: String?

    enum CodingKeys: String, CodingKey {
        case value, unit
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
    }
}

/// Who did what, in which program, when and where.
public struct EventFact: Sendable, Codable, Hashable {
    public var actor: String?
    public var action: String
    public var program: String?
    public var date: String?
    public var location: String?
    public var participants: [Participants]
    public var sentence: String
    public var span: [Int]
    /// Every program of the sentence, the main one first.
    public var programs: [String]?
    public var programIDs: [String]?
    /// `day`, `month`, `year` or `range`: how precisely `date` is known.
    public var datePrecision: String?

    enum CodingKeys: String, CodingKey {
        case actor, action, program, date, location, participants, sentence, span, programs
        case programIDs = "program_ids", datePrecision = "date_precision"
    }

    public init(actor: String?, action: String, program: String?, date: String?, location: String?,
                participants: [Participants], sentence: String, span: [Int]) {
        self.actor = actor
        self.action = action
        self.program = program
        self.date = date
        self.location = location
        self.participants = participants
        self.sentence = sentence
        self.span = span
    }

    /// The contract's keys are always written, as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(actor, forKey: .actor)
        try c.encode(action, forKey: .action)
        try c.encode(program, forKey: .program)
        try c.encode(date, forKey: .date)
        try c.encode(location, forKey: .location)
        try c.encode(participants, forKey: .participants)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(span, forKey: .span)
        try c.encodeIfPresent(programs, forKey: .programs)
        try c.encodeIfPresent(programIDs, forKey: .programIDs)
        try c.encodeIfPresent(datePrecision, forKey: .datePrecision)
    }
}
