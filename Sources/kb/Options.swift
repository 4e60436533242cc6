import ArgumentParser
import Corpus
import Extractor
import Foundation

enum KBVersion {
    static let number = "0.1.0"
    static var string: String { number }
}

/// Options every command that reads documents shares.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of gazetteer and rule files.", valueName: "dir"))
    var gazetteer: String = "gazetteer"

    @Option(name: .long, help: ArgumentHelp("Publication date for documents that state none, in their text, metadata or URL (YYYY-MM-DD).", valueName: "date"))
    var published: String?

    func publishedDate() throws -> CalendarDate? {
        guard let published else { return nil }
        guard let date = CalendarDate(iso: published) else {
            throw ValidationError("--published '\(published)' is not a date in the form YYYY-MM-DD")
        }
        return date
    }

    /// The gazetteer folder: as given, else `gazetteer/` beside the executable's package.
    func gazetteerFolder() throws -> String {
        try Self.gazetteerFolder(gazetteer)
    }

    static func gazetteerFolder(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return path
        }
        throw ValidationError("--gazetteer '\(path)' is not a folder (run kb from the project folder or pass --gazetteer PATH)")
    }

    func languageAnalyzer() throws -> LanguageAnalyzer {
        do {
            return try LanguageAnalyzer.load(gazetteerFolder: try gazetteerFolder())
        } catch let error as GazetteerError {
            throw ValidationError(error.description)
        }
    }

    func extractionResources() throws -> ExtractionResources {
        do {
            return try ExtractionResources.load(gazetteerFolder: try gazetteerFolder())
        } catch let error as GazetteerError {
            throw ValidationError(error.description)
        }
    }

    func corpusReader() throws -> CorpusReader {
        let folder = try gazetteerFolder()
        let rules: BoilerplateRules
        do {
            rules = try BoilerplateRules.load(path: (folder as NSString).appendingPathComponent("boilerplate.tsv"))
        } catch {
            throw ValidationError(error.description)
        }
        return CorpusReader(boilerplate: rules, defaultPublished: try publishedDate())
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text
}

/// Standard error, for warnings and failures.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
}

/// JSON as kb prints it: sorted keys, slashes unescaped; pretty for a person, one line for a pipe of records.
enum JSONOutput {
    static func string(_ value: some Encodable, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
