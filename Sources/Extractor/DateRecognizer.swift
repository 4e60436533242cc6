public import Corpus
import Foundation

/// How precisely a date mention pins down time.
public enum DateGranularity: String, Sendable, Codable {
    case day, month, year, range, unknown
}

/// A date expression found in a text, normalized to ISO 8601 when the text (and its anchor) allow it.
public struct DateMention: Sendable, Hashable, Codable {
    /// The text as written (for dates in parentheses without a weekday: without the parentheses).
    public var surface: String
    /// Half-open range of Unicode scalar offsets into the text's `unicodeScalars`.
    public var span: Range<Int>
    /// `2025-01-21`, `2025-07`, `2025`, or a range `2024-05-31/2024-06-30`, `2024-01/2024-04`, `2023/2028`;
    /// nil when the year or the span cannot be known.
    public var normalized: String?
    public var granularity: DateGranularity
    /// Set when the text contradicts itself, e.g. a weekday that does not fit the date.
    public var warning: String?
    /// First day covered, when known.
    public var start: CalendarDate?
    /// Last day covered, when known.
    public var end: CalendarDate?
}

/// What a document tells about its own time, used to complete partial and relative dates.
public struct DateContext: Sendable {
    /// Publication date of the document; the anchor for `(21/1)`, `kemarin`, `tahun lalu`.
    public var published: CalendarDate?
    /// Upper bound for guessing years when there is no publication date (news reports the past).
    public var today: CalendarDate
    /// Explicit years the document mentions; with a year either side, candidate years for a weekday when there is no
    /// publication date.
    public var documentYears: [Int]
    /// The publication years of the documents read with this one (`DocumentExtractor.dating(alongside:)`): the other
    /// candidate years for a weekday when there is no publication date.
    public var batchYears: [Int]

    public init(published: CalendarDate? = nil, today: CalendarDate = .today, documentYears: [Int] = [], batchYears: [Int] = []) {
        self.published = published
        self.today = today
        self.documentYears = documentYears
        self.batchYears = batchYears
    }
}

/// Finds Indonesian date expressions with a hand-written scalar lexer (no regular expressions: it runs on whole corpora).
public struct DateRecognizer: Sendable {
    public init() {}

    public func dates(in text: String, context: DateContext) -> [DateMention] {
        let scalars = ScalarText.scalars(text)
        let parser = DateParser(scalars: scalars, tokens: DateLexer.tokens(of: scalars), context: context)
        return parser.run().map { parser.mention(for: $0) }
    }

    /// Whether a sentence with these tokens can hold a date at all. Every rule starts from a number or from one of
    /// `triggerWords`, so a sentence with neither is skipped without lexing it again (most sentences of the news).
    public func mayHoldDate(_ tokens: [Token]) -> Bool {
        let triggerWords = Self.triggerWords  // once, not a lazy global's check per word
        for token in tokens {
            var letterCount = 0
            var others = 0
            var ascii = true
            for byte in token.normalized.utf8 {
                if byte >= 0x30 && byte <= 0x39 { return true }
                if byte >= 0x61 && byte <= 0x7A { letterCount += 1 } else if byte < 0x80 { others += 1 } else { ascii = false }
            }
            if ascii {
                if letterCount == 0 { continue }  // punctuation and symbols
                if others == 0 {
                    if triggerWords.contains(token.normalized) { return true }
                    continue
                }
            }
            // Hyphenated, abbreviated, quoted or non-ASCII words: each run of letters, as the date lexer reads it.
            var letters = String.UnicodeScalarView()
            for scalar in token.normalized.unicodeScalars {
                if scalar.properties.numericType != nil { return true }
                if scalar.properties.isAlphabetic || scalar == "'" || scalar == "\u{2019}" {
                    letters.append(scalar == "\u{2019}" ? "'" : scalar)
                } else {
                    if !letters.isEmpty, Self.isTrigger(String(letters)) { return true }
                    letters.removeAll()
                }
            }
            if !letters.isEmpty, Self.isTrigger(String(letters)) { return true }
        }
        return false
    }

    /// `jum'at` is one word; a quote at either end is not part of one.
    private static func isTrigger(_ word: String) -> Bool {
        triggerWords.contains(word)
            || (word.utf8.contains(UInt8(ascii: "'")) && word.contains("'") && word.split(separator: "'").contains { triggerWords.contains(String($0)) })
    }

    /// The words a date can be read from without a number: month and weekday names and the rule words, less those
    /// that only lead to a number or a unit word (`nomor`, `dua`, `pada` …), which then trigger by themselves.
    static let triggerWords = WordSet(DateLexer.monthNames.union(DateLexer.weekdayNames)
        .union(DateParser.ruleWords.subtracting(DateParser.regulationWords).subtracting(DateParser.countWords.keys)
            .subtracting(DateParser.yearPrepositions)))

    /// Explicit 4-digit years (1900–2100) that appear in date-like positions in `text`, for building DateContext.documentYears.
    /// Unique, in order of first appearance; regulation years (`Nomor 81 Tahun 2022`) are not included.
    public func explicitYears(in text: String) -> [Int] {
        guard Self.mayHoldExplicitYear(text) else { return [] }
        let scalars = ScalarText.scalars(text)
        /// A fixed `today` keeps this independent of the clock; explicit years never depend on it.
        let context = DateContext(published: nil, today: CalendarDate(daysSinceEpoch: 0), documentYears: [])
        let parser = DateParser(scalars: scalars, tokens: DateLexer.tokens(of: scalars), context: context)
        var seen = Set<Int>()
        var years: [Int] = []
        for found in parser.run() {
            for year in found.years where seen.insert(year).inserted {
                years.append(year)
            }
        }
        return years
    }

    /// Whether `text` can hold an explicit year: each is a `year`, four digits in a row (`21/1/25` has none). Most
    /// paragraphs have none and are not lexed (for a document without a publication date, `explicitYears` reads
    /// every paragraph).
    static func mayHoldExplicitYear(_ text: String) -> Bool {
        var digitsInARow = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digitsInARow += 1
                if digitsInARow == 4 { return true }
            } else {
                digitsInARow = 0
            }
        }
        return false
    }
}

extension CalendarDate {
    /// The current day in Western Indonesian Time (UTC+7), where the press releases are written.
    public static var today: CalendarDate {
        CalendarDate(westernIndonesianDayOf: Int(Date().timeIntervalSince1970.rounded(.down)))
    }
}
