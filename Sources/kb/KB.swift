import ArgumentParser
// Imported for its malloc, which replaces glibc's in the whole process (see Package.swift): the import is what links
// jemalloc, nothing calls it by name. `Tests/kbTests/AllocatorTests.swift` checks that kb runs on it.
import CJemalloc

@main
struct KB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "A knowledge base of Indonesian government press releases.",
        discussion: """
            kb reads press releases (text, HTML, JSON lines), finds who did what, in which program, \
            when, where and with what figures, and keeps every fact tied to the words it came from.
            """,
        version: KBVersion.string,
        subcommands: [Extract.self, Analyze.self, Eval.self, Ingest.self, Query.self, Show.self, Entities.self, Stats.self, Check.self, Conflicts.self, Timeline.self, Export.self]
    )
}
