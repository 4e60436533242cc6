public import Corpus
import Foundation

/// The Indonesian language layer as one value: tokens and sentences, stems, numbers, money and dates.
public struct LanguageAnalyzer: Sendable {
    public var tokenizer: Tokenizer
    public var numbers: NumberRecognizer
    public var dates: DateRecognizer
    /// Whether a lowercase word is in the root-word lexicon (a word of the language rather than a name).
    public var isKnownWord: @Sendable (String) -> Bool

    public init(tokenizer: Tokenizer, numbers: NumberRecognizer = NumberRecognizer(), dates: DateRecognizer = DateRecognizer(),
                isKnownWord: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.tokenizer = tokenizer
        self.numbers = numbers
        self.dates = dates
        self.isKnownWord = isKnownWord
    }

    /// Loads the abbreviations and root words of a gazetteer folder and the hunspell Indonesian word list.
    public static func load(gazetteerFolder: String, hunspellDictionary: String = "/usr/share/hunspell/id_ID.dic") throws(GazetteerError) -> LanguageAnalyzer {
        let abbreviations = try Abbreviations.load(path: (gazetteerFolder as NSString).appendingPathComponent("abbreviations.tsv"))
        let lexicon: Set<String>
        do {
            lexicon = try Stemmer.loadLexicon(hunspellDictionary: hunspellDictionary,
                                              extraWordFiles: [(gazetteerFolder as NSString).appendingPathComponent("root-words.txt")])
        } catch {
            throw .unreadable(file: hunspellDictionary, reason: "\(error) (install Debian's hunspell-id: apt-get install hunspell-id)")
        }
        let stemmer = Stemmer(lexicon: lexicon)
        return LanguageAnalyzer(tokenizer: Tokenizer(abbreviations: abbreviations, stem: { stemmer.stem($0) }),
                                isKnownWord: { stemmer.isKnownWord($0) })
    }

    /// One paragraph analysed; every span is a scalar offset into the source text.
    public struct ParagraphAnalysis: Sendable {
        public var sentences: [Sentence]
        public var numbers: [NumberMention]
        public var money: [MoneyMention]
        public var dates: [DateMention]
    }

    /// Sentences, tokens, numbers, money and dates of a paragraph, mapped back to the source.
    public func analyze(_ paragraph: Paragraph, context: DateContext) -> ParagraphAnalysis {
        var result = ParagraphAnalysis(sentences: tokenizer.sentences(paragraph.text), numbers: [], money: [], dates: [])
        func map(_ r: Range<Int>) -> Range<Int> { paragraph.sourceRange(of: r) }
        for k in result.sentences.indices {
            let local = result.sentences[k].span.lowerBound
            let found = numbers.mayHoldNumber(result.sentences[k].tokens)
                ? numbers.mentions(in: result.sentences[k].text) : (numbers: [], money: [])
            for n in found.numbers {
                var m = n
                m.span = map((n.span.lowerBound + local)..<(n.span.upperBound + local))
                result.numbers.append(m)
            }
            for n in found.money {
                var m = n
                m.span = map((n.span.lowerBound + local)..<(n.span.upperBound + local))
                result.money.append(m)
            }
            if dates.mayHoldDate(result.sentences[k].tokens) {
                for d in dates.dates(in: result.sentences[k].text, context: context) {
                    var m = d
                    m.span = map((d.span.lowerBound + local)..<(d.span.upperBound + local))
                    result.dates.append(m)
                }
            }
            // Spans mapped in place, so the tokens are not copied.
            result.sentences[k].span = map(result.sentences[k].span)
            for i in result.sentences[k].tokens.indices {
                result.sentences[k].tokens[i].span = map(result.sentences[k].tokens[i].span)
            }
        }
        return result
    }

    /// The date context of a document: its publication date, else the years it names and `batchYears` (the
    /// publication years of the documents read with it, `DocumentExtractor.dating(alongside:)`).
    public func dateContext(for document: Document, today: CalendarDate = .today, batchYears: [Int] = []) -> DateContext {
        // The document's own years only complete dates when there is no publication date to anchor them.
        guard document.published == nil else { return DateContext(published: document.published, today: today) }
        return DateContext(published: nil, today: today, documentYears: namedYears(document), batchYears: batchYears)
    }

    /// The explicit years a document names, in order of first appearance in each paragraph.
    public func namedYears(_ document: Document) -> [Int] {
        document.paragraphs.flatMap { dates.explicitYears(in: $0.text) }
    }
}

/// What `kb analyze` prints: the language layer's view of a text.
public struct Analysis: Sendable, Codable {
    public struct SentenceView: Sendable, Codable {
        public var text: String
        public var span: [Int]
        public var tokens: [TokenView]
    }

    public struct TokenView: Sendable, Codable {
        public var text: String
        public var span: [Int]
        public var kind: String
        public var normalized: String
        public var stem: String
    }

    public struct NumberView: Sendable, Codable {
        public var surface: String
        public var span: [Int]
        public var value: Double?
        public var max: Double?
        public var qualifier: String?
        public var unit: String?
        public var kind: String
    }

    public struct MoneyView: Sendable, Codable {
        public var surface: String
        public var span: [Int]
        public var value: Double?
        public var max: Double?
        public var currency: String
        public var qualifier: String?
        public var per: String?
    }

    public struct DateView: Sendable, Codable {
        public var surface: String
        public var span: [Int]
        public var normalized: String?
        public var granularity: String
        public var warning: String?
    }

    public var sentences: [SentenceView] = []
    public var numbers: [NumberView] = []
    public var money: [MoneyView] = []
    public var dates: [DateView] = []

    public init() {}

    /// Analyses every body paragraph of a document.
    public init(document: Document, analyzer: LanguageAnalyzer, today: CalendarDate = .today) {
        let context = analyzer.dateContext(for: document, today: today)
        for paragraph in document.paragraphs {
            append(analyzer.analyze(paragraph, context: context))
        }
    }

    mutating func append(_ p: LanguageAnalyzer.ParagraphAnalysis) {
        sentences += p.sentences.map { s in
            SentenceView(text: s.text, span: [s.span.lowerBound, s.span.upperBound], tokens: s.tokens.map {
                TokenView(text: $0.text, span: [$0.span.lowerBound, $0.span.upperBound], kind: $0.kind.rawValue,
                          normalized: $0.normalized, stem: $0.stem)
            })
        }
        numbers += p.numbers.map {
            NumberView(surface: $0.surface, span: [$0.span.lowerBound, $0.span.upperBound], value: $0.value, max: $0.max,
                       qualifier: $0.qualifier, unit: $0.unit, kind: $0.kind.rawValue)
        }
        money += p.money.map {
            MoneyView(surface: $0.surface, span: [$0.span.lowerBound, $0.span.upperBound], value: $0.value, max: $0.max,
                      currency: $0.currency, qualifier: $0.qualifier, per: $0.per)
        }
        dates += p.dates.map {
            DateView(surface: $0.surface, span: [$0.span.lowerBound, $0.span.upperBound], normalized: $0.normalized,
                     granularity: $0.granularity.rawValue, warning: $0.warning)
        }
    }
}
