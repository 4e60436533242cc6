import Corpus
import Foundation
import Testing
@testable import Extractor

@Suite("kb analyze's view of a text")
struct AnalysisTests {
    @Test("sentences with tokens, numbers, money and dates, in the JSON shape kb analyze prints")
    func shape() throws {
        let text = "Selasa (21/1), Dinsos menyalurkan Rp1,6 triliun kepada lebih dari 400 warga."
        let doc = Document(id: "t", source: "argument", format: .text, text: text, published: CalendarDate(iso: "2025-01-22"),
                           paragraphs: [Paragraph(text: text, sourceRange: 0..<text.unicodeScalars.count)])
        let analysis = Analysis(document: doc, analyzer: Extraction4.resources.analyzer, today: Extraction4.today)
        let object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(analysis)) as? [String: Any])
        #expect(Set(object.keys) == ["sentences", "numbers", "money", "dates"])
        let sentence = try #require((object["sentences"] as? [[String: Any]])?.first)
        #expect(Set(sentence.keys) == ["text", "span", "tokens"])
        let token = try #require((sentence["tokens"] as? [[String: Any]])?.first { $0["text"] as? String == "menyalurkan" })
        #expect(token["stem"] as? String == "salur")
        #expect(token["kind"] as? String == "word")
        #expect(analysis.money.map(\.value) == [1.6e12])
        #expect(analysis.money.first?.surface == "Rp1,6 triliun")
        #expect(analysis.numbers.contains { $0.value == 400 && $0.qualifier == "lebih dari" })
        #expect(analysis.dates.map(\.normalized) == ["2025-01-21"])
        let scalars = Array(text.unicodeScalars)
        for n in analysis.numbers { #expect(ScalarText.string(scalars[n.span[0]..<n.span[1]]) == n.surface) }
    }
}
