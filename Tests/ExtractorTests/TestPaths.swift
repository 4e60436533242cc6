import Foundation
@testable import Extractor

enum TestPaths {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The project's tokenizer (abbreviations from the gazetteer, no stemmer).
    static let tokenizer: Tokenizer = {
        let abbreviations = (try? Abbreviations.load(path: repoRoot.appendingPathComponent("gazetteer/abbreviations.tsv").path)) ?? Abbreviations()
        return Tokenizer(abbreviations: abbreviations)
    }()

    /// The tokens of a text as the language layer sees them.
    static func tokens(_ text: String) -> [Token] {
        tokenizer.tokenize(Array(text.unicodeScalars))
    }

    static func fixture(_ name: String) -> URL {
        repoRoot.appendingPathComponent("Tests/Fixtures/\(name)")
    }
}
