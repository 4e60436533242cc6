import Corpus
public import Extractor
import Foundation
import GRDB

/// The answer to a claim: what the releases say about the same thing.
public struct CheckResult: Sendable, Codable {
    public enum Verdict: String, Sendable, Codable {
        case supported, contradicted, partly, notFound = "not found"
    }

    public struct Claim: Sendable, Codable {
        public var text: String
        /// `figure` (a count: `1.600 peserta`) or `money` (an amount: `Rp1,6 triliun`, its unit the currency).
        public var kind: String
        public var value: Double?
        public var max: Double?
        public var unit: String?
        public var qualifier: String?
        /// An amount's `per` (`Rp80.000 per kilogram`).
        public var per: String?
        public var year: String?
        public var subjects: [String]
        /// Provinces, cities or countries outside Jakarta the claim names (`Riau`): named in the evidence's sentence.
        public var regions: [String]?
    }

    public struct Evidence: Sendable, Codable {
        /// `same`, `same value, other qualifier`, `same value, other period` or `other value`.
        public var relation: String
        public var value: Double?
        public var max: Double?
        public var unit: String?
        public var qualifier: String?
        public var per: String?
        public var date: String?
        public var sentence: String
        public var surface: String
        public var span: [Int]
        public var document: QueryResult.Source
    }

    public var claim: Claim
    public var verdict: Verdict
    public var evidence: [Evidence]

    /// 0 supported, 1 contradicted or partly, 2 not found.
    public var exitCode: Int32 {
        switch verdict {
        case .supported: return 0
        case .contradicted, .partly: return 1
        case .notFound: return 2
        }
    }
}

/// Checks a claimed figure (or amount of money) against the figures (or amounts) the knowledge base holds about the same
/// subject: the programs the claim names; else its organizations, places and people (also those the knowledge base
/// learned: acronyms, people) and its other words, since an official or a place has many figures (`Anies Baswedan
/// mengirim 65 orang untuk membantu penanggulangan kebakaran hutan`); else its words alone (`Gempa Ambon menewaskan 20
/// orang`: figures in sentences with gempa, Ambon and tewas).
public struct FactChecker: Sendable {
    public let kb: KnowledgeBase
    public let extractor: DocumentExtractor

    public init(kb: KnowledgeBase, extractor: DocumentExtractor) {
        self.kb = kb
        self.extractor = extractor
    }

    public enum CheckError: Error, CustomStringConvertible {
        case noFigure(String)
        public var description: String {
            switch self {
            case .noFigure(let claim): return "the claim states no figure to check: \"\(claim)\" (write it with a number, as in \"Jambore Karang Taruna dihadiri 1.600 peserta\" or \"anggaran Dinas Sosial Rp1,6 triliun\")"
            }
        }
    }

    public func check(_ claimText: String) throws -> CheckResult {
        let text = claimText.trimmingCharacters(in: .whitespacesAndNewlines)
        let doc = Document(id: ContentHash.documentID(text), source: "claim", format: .text, text: text,
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        // Acronyms stored documents defined are known in the claim too (`penumpang MRT`).
        let resources = extractor.resources
        let facts = try kb.knowingAcronyms(extractor).extract(doc)
        // The claim's first figure or amount, whichever it states first (`Dana hibah Rp2 miliar untuk 120 warga` is about
        // the amount).
        let stated = facts.extraction.figures.map(Stated.init) + facts.extraction.money.map(Stated.init)
        guard let figure = stated.min(by: { $0.span[0] < $1.span[0] }) else { throw CheckError.noFigure(text) }
        // The subject: programs the claim names, else its organizations, places and people together, else what a query
        // would find named in it (people the knowledge base knows), with the claim's other words.
        let programs = Set(facts.mentions.filter { $0.kind == "program" }.map(\.id))
        var subjects = programs
        let engine = QueryEngine(kb: kb, resources: resources)
        // A program's claim that names a province, city or country outside Jakarta is about the program there; a claim
        // without a program has the region among its words.
        let regionNames = programs.isEmpty ? [] : Self.regions(in: facts, resources.rules)
        let regions = engine.ftsTerms(regionNames.joined(separator: " "))
        var terms: [String] = []
        if programs.isEmpty {
            let named = facts.mentions.filter { Self.subjectKinds.contains($0.kind) }
            subjects = Set(named.map(\.id))
            if subjects.isEmpty {
                subjects = Set(try engine.understand(text).entities.filter { Self.subjectKinds.contains($0.kind) }.map(\.id))
            }
            terms = engine.ftsTerms(Self.words(of: facts, outside: [figure.span] + named.map(\.span)).joined(separator: " "))
        }
        let year = facts.extraction.dates.compactMap(\.normalized).first.map { String($0.prefix(4)) }
            ?? Self.bareYear(in: facts, outside: stated.map(\.span))
        let claim = CheckResult.Claim(text: text, kind: figure.money ? "money" : "figure", value: figure.value, max: figure.max,
                                      unit: figure.unit, qualifier: figure.qualifier, per: figure.per, year: year, subjects: subjects.sorted(),
                                      regions: regionNames.isEmpty ? nil : regionNames)
        guard !subjects.isEmpty || !terms.isEmpty else { return CheckResult(claim: claim, verdict: .notFound, evidence: []) }

        // Figures whose sentence names the subject and has the words; failing that, figures of documents that do. A
        // document that states the claimed value in another sentence (`jumlah mahasiswa … mencapai 2.047 orang` after
        // `pulang kampung`) is evidence too, where no such sentence states it.
        // A province, city or country outside Jakarta the claim names is named in the figure's own sentence, in both
        // (`kebakaran hutan dan lahan di Riau mencapai 1.000 hektare`: not the country's total, nor Jambi's, in a report
        // that names Riau elsewhere).
        var evidence = try evidenceFor(figure, subjects: subjects, terms: terms, regions: regions, year: year, sameSentence: true)
        if !evidence.contains(where: { $0.relation == "same" }) {
            let wider = try evidenceFor(figure, subjects: subjects, terms: terms, regions: regions, year: year, sameSentence: false)
            evidence += wider.filter { found in
                (evidence.isEmpty || found.relation == "same")
                    && !evidence.contains { $0.document.id == found.document.id && $0.span == found.span }
            }
        }
        let verdict: CheckResult.Verdict
        if evidence.isEmpty {
            verdict = .notFound
        } else if evidence.contains(where: { $0.relation == "same" }) {
            verdict = .supported
        } else if evidence.contains(where: { $0.relation.hasPrefix("same value") }) {
            verdict = .partly
        } else {
            verdict = .contradicted
        }
        return CheckResult(claim: claim, verdict: verdict, evidence: evidence)
    }

    /// A year a claim writes as a bare number (`Jambore Karang Taruna 2024 dihadiri 1.600 peserta`), which the date rules
    /// leave alone in running text: four digits from 1900 to 2100, outside the claim's figures and amounts.
    static func bareYear(in facts: DocumentFacts, outside spans: [[Int]]) -> String? {
        facts.sentences.flatMap(\.tokens).first { token in
            guard token.kind == .number, token.text.utf8.count == 4, let year = Int(token.text), (1900...2100).contains(year) else { return false }
            return spans.allSatisfy { token.span.upperBound <= $0[0] || token.span.lowerBound >= $0[1] }
        }?.text
    }

    /// The regions outside Jakarta a claim names (words.tsv's and ICU's: `Riau`, `Jawa Barat`), as written.
    static func regions(in facts: DocumentFacts, _ rules: RuleWords) -> [String] {
        let tokens = facts.sentences.flatMap(\.tokens)
        var found: [String] = []
        var k = 0
        while k < tokens.count {
            if tokens[k].kind == .word, let n = rules.outsideJakartaLength(tokens[k...].lazy.map(\.normalized)) {
                found.append(tokens[k..<(k + n)].map(\.text).joined(separator: " "))
                k += n
            } else {
                k += 1
            }
        }
        return found
    }

    /// The kinds of entity a claim is about.
    static let subjectKinds: Set<String> = ["program", "organization", "place", "person"]

    /// The words of the claim outside `spans` (its figure, its subjects), but for connectives and the like
    /// (`QueryEngine.stopWords`).
    static func words(of facts: DocumentFacts, outside spans: [[Int]]) -> [String] {
        facts.sentences.flatMap(\.tokens).filter { token in
            token.kind == .word && !QueryEngine.stopWords.contains(token.normalized)
                && spans.allSatisfy { token.span.upperBound <= $0[0] || token.span.lowerBound >= $0[1] }
        }.map(\.text)
    }

    /// What a claim states: a counted figure, or an amount of money (its unit the currency).
    struct Stated {
        var value: Double?
        var max: Double?
        var unit: String?
        var qualifier: String?
        var per: String?
        var span: [Int]
        var money: Bool

        init(_ f: FigureFact) {
            (value, max, unit, qualifier, per, span, money) = (f.value, f.max, f.unit, f.qualifier, nil, f.span, false)
        }

        init(_ m: MoneyFact) {
            (value, max, unit, qualifier, per, span, money) = (m.value, m.max, m.currency, m.qualifier, m.per, m.span, true)
        }
    }

    /// Figures (amounts, for an amount) about all `subjects` (about them, or naming them in the figure's sentence, or
    /// `sameSentence` false, in its document) with all `terms` in the figure's sentence (or each in its document), and
    /// all `regions` in the figure's sentence (an amount's, as its `terms`).
    func evidenceFor(_ figure: Stated, subjects: Set<String>, terms: [String], regions: [String], year: String?,
                     sameSentence: Bool) throws -> [CheckResult.Evidence] {
        let terms = figure.money ? terms + regions.filter { !terms.contains($0) } : terms
        let candidates = try kb.read { db in
            var sql: String
            var arguments: StatementArguments = []
            // An amount's sentence is found by the full-text match when it must have the terms.
            let led = figure.money && sameSentence && !terms.isEmpty
            if figure.money {
                sql = "SELECT * FROM \(QueryEngine.amounts(led: led)) f WHERE 1 = 1"
                if led { arguments += [terms.joined(separator: " ")] }
            } else {
                sql = "SELECT f.*, \(QueryEngine.documentColumns) FROM figure f JOIN document d ON d.id = f.documentId WHERE 1 = 1"
            }
            if !subjects.isEmpty {
                let scope = sameSentence ? "AND m.start >= f.sentenceStart AND m.end <= f.sentenceEnd" : ""
                // A figure may be about a program its sentence does not name (`peserta` after `Jambore … diikuti`).
                let about = figure.money ? "" : "f.aboutId IN (SELECT value FROM json_each(?)) OR "
                sql += """
                     AND (\(about)(SELECT count(DISTINCT m.entityId) FROM mention m WHERE m.documentId = f.documentId
                              AND m.entityId IN (SELECT value FROM json_each(?)) \(scope)) = ?)
                    """
                let ids = try QueryEngine.jsonArray(subjects.sorted())
                arguments += figure.money ? [ids, subjects.count] : [ids, ids, subjects.count]
            }
            if !led {
                let (clause, termArguments) = QueryEngine.figureTermsClause(terms, sameSentence: sameSentence)
                sql += clause
                arguments += termArguments
            }
            if !figure.money {
                let (clause, regionArguments) = QueryEngine.figureTermsClause(regions, sameSentence: true)
                sql += clause
                arguments += regionArguments
            }
            sql += " ORDER BY docPublished, f.start"
            return try Row.fetchAll(db, sql: sql, arguments: arguments)
        }
        var evidence: [CheckResult.Evidence] = []
        for row in candidates {
            let unit: String? = row[figure.money ? "currency" : "unit"]
            let per: String? = figure.money ? row["per"] : nil
            let sentence: String = row["sentence"]
            guard Self.compatible(unit, figure.unit) || countsPeople(unit, as: figure.unit, in: sentence),
                  Self.compatible(per, figure.per) else { continue }
            let value: Double? = row["value"]
            let max: Double? = row["max"]
            let qualifier: String? = row["qualifier"]
            let date: String? = row["date"]
            let sameValue = value == figure.value && max == figure.max
            let samePeriod = year == nil || date == nil || date!.hasPrefix(year!) || date!.contains("/" + year!)
            let relation = !sameValue ? "other value"
                : !Self.sameBound(qualifier, figure.qualifier) ? "same value, other qualifier"
                : !samePeriod ? "same value, other period" : "same"
            evidence.append(CheckResult.Evidence(relation: relation, value: value, max: max, unit: unit, qualifier: qualifier, per: per,
                                                 date: date, sentence: sentence, surface: row["surface"], span: [row["start"], row["end"]],
                                                 document: QueryEngine.source(row)))
        }
        return evidence
    }

    /// Units (currencies, an amount's `per`) agree when equal (ignoring case) or when the claim names none.
    static func compatible(_ stored: String?, _ claimed: String?) -> Bool {
        guard let claimed else { return true }
        guard let stored else { return false }
        return stored.lowercased() == claimed.lowercased()
    }

    /// `jumlah mahasiswa … mencapai 2.047 orang`: a figure of people by a classifier (words.tsv's `people_classifier`) counts
    /// the people its sentence names, when the claim counts people (a `participant_unit`: `2.047 mahasiswa`) and the
    /// sentence names them.
    func countsPeople(_ stored: String?, as claimed: String?, in sentence: String) -> Bool {
        let rules = extractor.resources.rules
        guard let stored, let claimed = claimed?.lowercased(), rules.peopleClassifiers.contains(stored.lowercased()),
              rules.participantUnits.contains(claimed) else { return false }
        let words = extractor.resources.analyzer.tokenizer.sentences(sentence).flatMap(\.tokens).map(\.normalized)
        let wanted = claimed.split(separator: " ").map(String.init)
        return words.indices.contains { words[$0...].starts(with: wanted) }
    }

    /// `sebanyak` and `mencapai` state the value itself; other qualifiers are bounds or approximations.
    static func sameBound(_ a: String?, _ b: String?) -> Bool {
        let exact: Set<String> = ["sebanyak", "sebesar", "senilai", "mencapai", "tercatat"]
        let x = a.flatMap { exact.contains($0) ? nil : $0 }
        let y = b.flatMap { exact.contains($0) ? nil : $0 }
        return x == y
    }
}
