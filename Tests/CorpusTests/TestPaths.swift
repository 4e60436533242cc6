import Foundation

enum TestPaths {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        repoRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
    }

    static func corpus(_ name: String) -> String {
        repoRoot.appendingPathComponent("corpus/\(name)").path
    }

    static var gazetteer: String { repoRoot.appendingPathComponent("gazetteer").path }
}
