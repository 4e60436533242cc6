// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "kb",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kb", targets: ["kb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The only code that includes ICU headers; its public header includes <stdint.h> alone.
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // SQLite's process-wide settings (sqlite3_config is variadic, out of Swift's reach): memory statistics off.
        .target(name: "CSQLiteShim", linkerSettings: [.linkedLibrary("sqlite3")]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // jemalloc, the allocator of kb and kb-bench: their `import CJemalloc` links it (the dependency alone does not),
        // and its malloc replaces glibc's in the whole process; only kb-bench calls it by name, for its version. The
        // ingest ran 6-10% faster with it (BENCHMARKS.md, sixth round); Tests/kbTests/AllocatorTests checks kb runs on it.
        .systemLibrary(name: "CJemalloc", providers: [.apt(["libjemalloc-dev"])]),
        // The MinHash signature's inner loop, on eight slots at a time where the processor has AVX-512 (Swift cannot
        // ask for an instruction set per function); the same arithmetic as a plain loop elsewhere.
        .target(name: "CMinHash"),
        .target(name: "Corpus", dependencies: ["CLibXML2", "CZlib", "CMinHash"], swiftSettings: strict),
        .target(name: "Extractor", dependencies: ["Corpus", "CICUShim"], swiftSettings: strict),
        .target(
            name: "KnowledgeBase",
            dependencies: [
                "Corpus", "Extractor", "CSQLiteShim", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the writer's statements (see WriterStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kb",
            dependencies: [
                "Corpus", "Extractor", "KnowledgeBase", "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // `make bench`: throughput, latency and memory on a real corpus; never run by the tests (kbBenchTests
        // checks its verdicts and its measuring in turns on the seeds).
        .executableTarget(
            name: "kb-bench",
            dependencies: [
                "Corpus", "Extractor", "KnowledgeBase", "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "CMinHash"], swiftSettings: strict),
        .testTarget(
            name: "kbTests",
            dependencies: ["kb", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "kbBenchTests",
            dependencies: ["kb-bench", "Corpus", "Extractor", "KnowledgeBase", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .testTarget(name: "ExtractorTests", dependencies: ["Extractor", "Corpus"], swiftSettings: strict),
        .testTarget(
            name: "KnowledgeBaseTests",
            dependencies: [
                "KnowledgeBase", "Extractor", "Corpus", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
    ]
)
