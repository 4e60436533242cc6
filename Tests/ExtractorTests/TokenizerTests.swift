import Corpus
import Foundation
import Testing
@testable import Extractor

private let tokenizer = TestPaths.tokenizer

private func texts(_ text: String) -> [String] {
    tokenizer.tokenize(Array(text.unicodeScalars)).map(\.text)
}

@Suite("Indonesian tokens")
struct TokenizerTests {
    @Test("abbreviations and titles stay one token", arguments: [
        ("Dr. Premi hadir", ["Dr.", "Premi", "hadir"]),
        ("Drs. H. Abdul Salam, S.Sos., M.Si. hadir", ["Drs.", "H.", "Abdul", "Salam", ",", "S.Sos.", ",", "M.Si.", "hadir"]),
        ("Hj. Ani, S.H., M.M.", ["Hj.", "Ani", ",", "S.H.", ",", "M.M."]),
        ("Ir. Budi, S.Kom. dan Prof. Sari", ["Ir.", "Budi", ",", "S.Kom.", "dan", "Prof.", "Sari"]),
        ("Plt. Kasudin dan Pj. Gubernur", ["Plt.", "Kasudin", "dan", "Pj.", "Gubernur"]),
        ("di Jl. Tanah Abang No. 1 Kab. Bogor", ["di", "Jl.", "Tanah", "Abang", "No.", "1", "Kab.", "Bogor"]),
        ("Kec. Gambir, Kel. Petojo dll. dsb.", ["Kec.", "Gambir", ",", "Kel.", "Petojo", "dll.", "dsb."]),
        ("a.n. Kepala PT Maju Tbk. hadir", ["a.n.", "Kepala", "PT", "Maju", "Tbk.", "hadir"]),
        ("oleh M. Ridwan", ["oleh", "M.", "Ridwan"]),
        // Initials with periods before a name; two titles written as one word.
        ("Presiden B.J. Habibie wafat", ["Presiden", "B.J.", "Habibie", "wafat"]),
        ("oleh Ir.H. Joko Widodo", ["oleh", "Ir.H.", "Joko", "Widodo"]),
        // Not before a capitalised word: a sentence end.
        ("kata A.B. lalu", ["kata", "A.B", ".", "lalu"]),
    ])
    func abbreviations(_ text: String, _ expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test("reduplication and hyphenated forms stay whole", arguments: [
        ("pilar-pilar sosial", ["pilar-pilar", "sosial"]),
        ("anak-anak dan sayur-mayur", ["anak-anak", "dan", "sayur-mayur"]),
        ("e-KTP, Covid-19 dan HUT ke-29", ["e-KTP", ",", "Covid-19", "dan", "HUT", "ke-29"]),
        ("titik-titik keramaian", ["titik-titik", "keramaian"]),
        // A range's second amount is not part of a hyphenated form.
        ("5 juta-Rp20 juta", ["5", "juta", "-", "Rp", "20", "juta"]),
        ("5 juta-Rp 20 juta", ["5", "juta", "-", "Rp", "20", "juta"]),
    ])
    func hyphens(_ text: String, _ expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test("numbers, currency and dates", arguments: [
        ("1.600 peserta dan 2.116 UKKT", ["1.600", "peserta", "dan", "2.116", "UKKT"]),
        ("126,65 ton dan 3.000.000 jiwa", ["126,65", "ton", "dan", "3.000.000", "jiwa"]),
        ("Rp1,6 triliun", ["Rp", "1,6", "triliun"]),
        ("Rp.1.500.000 per bulan", ["Rp.", "1.500.000", "per", "bulan"]),
        ("Selasa (21/1) dan Kamis (22/5/2025)", ["Selasa", "(", "21/1", ")", "dan", "Kamis", "(", "22/5/2025", ")"]),
        ("naik ,77 persen", ["naik", ",77", "persen"]),
        ("periode 2018-2022", ["periode", "2018", "-", "2022"]),
    ])
    func numbers(_ text: String, _ expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test("hashtags, URLs and e-mail addresses stay whole; curly quotes are punctuation")
    func atomic() {
        let tokens = tokenizer.tokenize(Array("semangat #jagajakarta, lihat https://dinsos.jakarta.go.id/berita?id=5. Tulis ke pusdatin@jakarta.go.id “Bersama”".unicodeScalars))
        #expect(tokens.map(\.text) == ["semangat", "#jagajakarta", ",", "lihat", "https://dinsos.jakarta.go.id/berita?id=5", ".", "Tulis", "ke", "pusdatin@jakarta.go.id", "“", "Bersama", "”"])
        #expect(tokens.map(\.kind) == [.word, .hashtag, .punctuation, .word, .url, .punctuation, .word, .word, .email, .punctuation, .word, .punctuation])
    }

    @Test("kinds, normalized forms and spans")
    func spans() {
        let text = "“Kami” memberi Rp1,6 triliun"
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenizer.tokenize(scalars)
        for token in tokens {
            #expect(ScalarText.string(scalars[token.span]) == token.text)
        }
        #expect(tokens.map(\.kind) == [.punctuation, .word, .punctuation, .word, .symbol, .number, .word])
        #expect(tokens[1].normalized == "kami")
    }
}

@Suite("Sentences")
struct SentenceTests {
    @Test("an abbreviation does not end a sentence; real sentence ends do")
    func abbreviationsInside() {
        let text = "Acara dibuka oleh Dr. Premi Lasari, M.Si. di Jl. Tanah Abang. Turut dihadiri. Kepala Dinas Sosial Iqbal Akbarudin hadir."
        let sentences = tokenizer.sentences(text)
        #expect(sentences.map(\.text) == [
            "Acara dibuka oleh Dr. Premi Lasari, M.Si. di Jl. Tanah Abang.",
            "Turut dihadiri.",
            "Kepala Dinas Sosial Iqbal Akbarudin hadir.",
        ])
    }

    @Test("sentence and token spans are offsets into the text plus the base")
    func base() {
        let text = "Premi hadir. Ia membuka acara."
        let sentences = tokenizer.sentences(text, base: 100)
        #expect(sentences.map(\.span) == [100..<112, 113..<130])
        #expect(sentences[1].tokens.first?.span == 113..<115)
    }
}

@Suite("Vocabulary filters")
struct WordFilterTests {
    static let words = ["dr.", "s.sos.", "jl.", "kel.", "m.si.", "plt.", "tahun", "pertama", "é.", "ibu"]

    @Test("a filter never rejects a word it holds, nor any casing of it; it rejects other shapes")
    func noFalseRejections() {
        let filter = WordFilter(Self.words)
        for word in Self.words {
            for variant in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
                #expect(filter.mayContainLowercased(variant), "\(variant)")
            }
            #expect(filter.mayContain(word))
        }
        for other in ["", "x", "kegiatan", "Kegiatan", "2025", "DR", "dr,"] {
            #expect(!filter.mayContainLowercased(other), "\(other)")
        }
        #expect(filter.mayContainLowercased("É."), "text beyond ASCII is let through")
    }

    @Test("abbreviations are found in any casing, and only they", arguments: ["Dr.", "DR.", "dr.", "S.Sos.", "Jl.", "M.Si.", "Plt."])
    func abbreviationKinds(_ text: String) throws {
        let abbreviations = TestPaths.tokenizer.abbreviations
        #expect(abbreviations.kind(of: text) == abbreviations.kinds[text.lowercased()])
        #expect(abbreviations.kind(of: text) != nil)
        #expect(abbreviations.kind(of: text.dropLast() + ",") == nil)
    }
}

@Suite("Word tables")
struct WordTableTests {
    @Test("a word table answers as a dictionary does, through growth, replacement and clearing")
    func asADictionary() {
        var table = WordTable<Int>(capacity: 2)
        var reference: [String: Int] = [:]
        let words = (0..<5_000).map { "kata\($0 % 1_700)" } + ["", "é", "Rp1,6", "pilar-pilar", String(repeating: "panjang", count: 9)]
        for (i, word) in words.enumerated() {
            #expect(table[word] == reference[word], "\(word)")
            table.insert(word, i)
            reference[word] = i
        }
        #expect(table.count == reference.count)
        for (word, value) in reference { #expect(table[word] == value, "\(word)") }
        #expect(table["kata1700"] == nil && table["Kata1"] == nil)
        table.removeAll()
        #expect(table.count == 0 && table["kata1"] == nil)
        table.insert("kata1", 7)
        #expect(table["kata1"] == 7)
    }
}
