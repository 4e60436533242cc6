import Corpus

/// An acronym a document defines for itself: `Unit Kegiatan Karang Taruna (UKKT)`.
public struct LearnedAcronym: Sendable, Hashable, Codable {
    public var acronym: String
    public var expansion: String
    public var kind: EntityKind
    public var id: String
    /// Span of `Expansion (ACRONYM)` in the source.
    public var span: Range<Int>

    public init(acronym: String, expansion: String, kind: EntityKind, id: String, span: Range<Int>) {
        self.acronym = acronym
        self.expansion = expansion
        self.kind = kind
        self.id = id
        self.span = span
    }

    /// Whether an acronym one document defines is recognised in others (and in queries): one written with capitals
    /// inside a word (`PRSA`, `Sudin PKP`, `MenPAN RB`). One written as ordinary words (`Ibu Kota` for `Inisiatif
    /// Bersihkan Udara Koalisi Semesta`, `Hong Kong` for a university there, `Aa Gym`) is an acronym in its own
    /// document only: elsewhere the same words are mostly themselves, a capital, a place, a name.
    public static func travels(_ acronym: String) -> Bool {
        acronym.split(separator: " ").contains { word in word.unicodeScalars.count { $0.properties.isUppercase } >= 2 }
    }
}

/// Finds `Expansion (ACR)` definitions: the acronym's letters are the initials of the expansion's words
/// (`PPKS`), or appear in order in them (`Dinsos` ← `Dinas Sosial`, `Pusdatin Kesos`). For the second kind the
/// expansion is a name, every word capitalised, or a short phrase whose lowercase words follow its capitalised ones
/// (`Plh` ← `pelaksana tugas harian`, `Ruko` ← `Rumah toko`): not a clause that happens to hold the letters (`Selasa`
/// ← `selama empat hari saja dan baru aktif hari ini`, `Bella` ← `Bahkan itu tak terlihat bagus`). A weekday or a
/// month in brackets (`hari ini (Selasa)`) is a date.
struct AcronymLearner {
    /// Words that acronyms skip (`Pusat Data dan Informasi` → `Pusdatin`).
    static let connectors: Set<String> = ["dan", "dalam", "untuk", "di", "ke", "dari", "bagi", "serta", "yang", "atau", "tentang", "terhadap", "&",
                                          "the", "of", "and"]
    /// The most words a lowercase expansion has (`kebakaran hutan dan lahan`, connectors aside).
    static let lowercaseExpansionWords = 4
    /// Words that make an expansion an organization rather than a program.
    static let organizationHeads: Set<String> = ["dinas", "suku", "badan", "kantor", "lembaga", "kementerian", "pusat", "bidang", "sekretariat",
                                                 "pemerintah", "dewan", "komisi", "panti", "unit", "satuan", "polisi", "kepolisian", "rumah",
                                                 "balai", "perusahaan", "yayasan", "asosiasi", "perkumpulan", "direktorat", "inspektorat"]

    func learn(in sentence: Sentence) -> [LearnedAcronym] {
        let tokens = sentence.tokens
        var result: [LearnedAcronym] = []
        var i = 1
        while i + 2 < tokens.count + 1 {
            defer { i += 1 }
            guard i + 1 < tokens.count, tokens[i - 1].text == "(" else { continue }
            // `(ACR)` or `(Acr Acr)`: up to three tokens before `)`.
            var close = i
            while close < tokens.count, close - i < 3, tokens[close].text != ")" { close += 1 }
            guard close < tokens.count, tokens[close].text == ")" else { continue }
            let inner = tokens[i..<close]
            guard inner.allSatisfy({ $0.kind == .word }), let first = inner.first,
                  first.text.unicodeScalars.first?.properties.isUppercase == true else { continue }
            let acronym = inner.map(\.text).joined(separator: " ")
            // `hari ini (Selasa)`; an acronym in capitals may still spell a month's short name (`FEB`, a faculty).
            if acronym != acronym.uppercased(), IndonesianCalendar.weekday(named: acronym) != nil || IndonesianCalendar.month(named: acronym) != nil {
                continue
            }
            let letters = Array(inner.map(\.text).joined().lowercased())
            guard letters.count >= 2, letters.count <= 16 else { continue }
            guard let start = expansionStart(tokens, before: i - 1, letters: letters, allCaps: acronym == acronym.uppercased()) else { continue }
            let words = tokens[start..<(i - 1)].map(\.text)
            let expansion = words.joined(separator: " ")
            let isOrganization = words.contains { Self.organizationHeads.contains($0.lowercased()) }
            let kind: EntityKind = isOrganization ? .organization : .program
            let slug = Self.slug(acronym)
            result.append(LearnedAcronym(acronym: acronym, expansion: expansion, kind: kind,
                                         id: "\(kind == .organization ? "org" : "program"):\(slug)",
                                         span: tokens[start].span.lowerBound..<tokens[close].span.upperBound))
        }
        return result
    }

    /// Where the expansion starts: the fewest preceding words whose initials (all-caps acronyms)
    /// or letters in order (mixed-case acronyms) give the acronym.
    private func expansionStart(_ tokens: [Token], before open: Int, letters: [Character], allCaps: Bool) -> Int? {
        var start = open - 1
        var words: [Token] = []
        while start >= 0, open - start <= letters.count + 4 {
            let t = tokens[start]
            guard t.kind == .word else { break }
            words.insert(t, at: 0)
            let content = words.filter { !Self.connectors.contains($0.normalized) }
            if let head = content.first, !Self.connectors.contains(head.normalized), head.text.first?.isLetter == true {
                if allCaps {
                    let initials = content.compactMap { $0.normalized.first }
                    if initials == letters { return start }
                    // `KJP Plus`-style: an acronym letter may stand for a digit-free word part (`LK3`) — not handled.
                } else if Self.isOrderedSubsequence(letters, of: Array(content.map(\.normalized).joined()), firstLetter: head.normalized.first)
                            && content.count >= 2 {
                    return Self.isNameOrPhrase(content) ? start : nil
                }
            }
            start -= 1
        }
        return nil
    }

    /// Every word capitalised, or a few words, the capitalised ones first (`Rumah toko` → `Ruko`, `Pusat Kesehatan
    /// masyarakat` → `Puskesmas`). Short words and figures count as either (`System on Chip`, `BI 7-Day Reverse Repo Rate`).
    static func isNameOrPhrase(_ words: [Token]) -> Bool {
        let capitalised = words.filter { $0.text.count > 3 && $0.text.first?.isLetter == true }
            .map { $0.text.unicodeScalars.first?.properties.isUppercase == true }
        guard capitalised.contains(false) else { return true }
        return words.count <= lowercaseExpansionWords && !capitalised.drop(while: { $0 }).contains(true)
    }

    static func isOrderedSubsequence(_ needle: [Character], of hay: [Character], firstLetter: Character?) -> Bool {
        guard needle.first == firstLetter else { return false }
        var j = 0
        for c in hay where j < needle.count && c == needle[j] { j += 1 }
        return j == needle.count
    }

    static func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        for c in s.lowercased() {
            if c.isLetter || c.isNumber {
                out.append(c)
                dash = false
            } else if !dash, !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
