import Foundation

enum TestPaths {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> URL {
        repoRoot.appendingPathComponent("Tests/Fixtures/\(name)")
    }
}
