import Testing
@testable import Extractor

@Suite("ICU behind the C shim")
struct ICUSegmenterTests {
    private func words(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return ICUSegmenter.segments(scalars[...], kind: .word).compactMap { segment in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[segment.range])
            let word = String(view)
            return word.allSatisfy(\.isWhitespace) ? nil : word
        }
    }

    @Test("word boundaries come back as scalar offsets, also after characters outside the BMP")
    func scalarOffsets() {
        // 🙏 is two UTF-16 units but one scalar: the offsets after it must not shift.
        let text = "Terima kasih 🙏 Dinas Sosial"
        let scalars = Array(text.unicodeScalars)
        let segments = ICUSegmenter.segments(scalars[...], kind: .word)
        #expect(segments.last?.range.upperBound == scalars.count)
        #expect(words(text) == ["Terima", "kasih", "🙏", "Dinas", "Sosial"])
    }

    @Test("sentence boundaries")
    func sentences() {
        let text = "Premi hadir. Ia membuka acara! Peserta senang?"
        let scalars = Array(text.unicodeScalars)
        let ends = ICUSegmenter.segments(scalars[...], kind: .sentence).map(\.range.upperBound)
        #expect(ends == [13, 31, scalars.count])
    }

    @Test("words and sentence ends from one conversion are those of the two separate calls, beyond the BMP too",
          arguments: ["Premi hadir 🙏. Ia membuka acara! Peserta 1.600 orang?", "🙏🙏 Terima kasih.", "", "Satu"])
    func wordsAndSentenceEnds(text: String) {
        let scalars = Array(text.unicodeScalars)
        let both = ICUSegmenter.wordsAndSentenceEnds(scalars[...])
        #expect(both.words == ICUSegmenter.segments(scalars[...], kind: .word))
        #expect(both.sentenceEnds == ICUSegmenter.segments(scalars[...], kind: .sentence).map(\.range.upperBound))
        #expect(both.sentenceEnds.last == (scalars.isEmpty ? nil : scalars.count))
    }

    @Test("each thread reuses its own iterators: many texts segmented at once give the boundaries of one at a time")
    func concurrent() async {
        let texts = (0..<200).map { i in
            String(repeating: "Dinsos DKI menyalurkan \(i * 37) paket 🙏 kepada warga. Kegiatan ke-\(i) selesai! ", count: 1 + i % 5)
        }
        func boundaries(_ text: String) -> [Int] {
            let scalars = Array(text.unicodeScalars)
            return ICUSegmenter.segments(scalars[...], kind: .word).map(\.range.upperBound)
                + ICUSegmenter.segments(scalars[...], kind: .sentence).map(\.range.upperBound)
        }
        let serial = texts.map(boundaries)
        let parallel = await withTaskGroup(of: (Int, [Int]).self) { group in
            for (i, text) in texts.enumerated() { group.addTask { (i, boundaries(text)) } }
            var out = [[Int]](repeating: [], count: texts.count)
            for await (i, b) in group { out[i] = b }
            return out
        }
        #expect(parallel == serial)
    }

    @Test("ICU marks numbers and letters with its rule status")
    func statuses() {
        let text = "1.600 peserta"
        let scalars = Array(text.unicodeScalars)
        let segments = ICUSegmenter.segments(scalars[...], kind: .word)
        #expect(segments.first?.range == 0..<5)
        #expect(segments.first.map { (100..<200).contains($0.status) } == true)
        #expect(segments.last.map { (200..<300).contains($0.status) } == true)
        #expect(!ICUSegmenter.icuVersion.isEmpty)
    }

    @Test("ICU names the world's countries in Indonesian, in full and without cuts")
    func countries() {
        let names = ICUCountries.names(locale: "id")
        #expect(names.count > 200)
        for expected in ["Zimbabwe", "Korea Selatan", "Tiongkok", "Amerika Serikat", "Selandia Baru", "Arab Saudi"] {
            #expect(names.contains(expected), "\(expected)")
        }
        #expect(Set(names).count == names.count)
        #expect(ICUCountries.names(locale: "en").contains("South Korea"))
    }
}
