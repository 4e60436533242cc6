import Foundation
import Testing

@Suite("The kb executable's allocator")
struct AllocatorTests {
    /// The kb binary `swift test` built beside the test bundle.
    static var kbBinary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kb")
    }

    // kb links jemalloc only for its malloc (nothing calls it by name), so a linker that dropped the library, or a
    // library order that let glibc's malloc win, would go unnoticed but for the lost speed. Asked to, jemalloc prints
    // its statistics when the process exits: only if it is the allocator kb runs with.
    @Test("kb allocates through jemalloc")
    func kbAllocatesThroughJemalloc() throws {
        let binary = Self.kbBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no kb binary at \(binary.path)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--version"]
        process.environment = ["MALLOC_CONF": "stats_print:true"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.contains("Begin jemalloc statistics"), "kb --version printed no jemalloc statistics: \(stderr.prefix(300))")
    }
}
