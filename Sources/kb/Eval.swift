import ArgumentParser
import Corpus
import Extractor
import Foundation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure extraction against gold files: precision, recall and F1 per fact type.",
        discussion: "Each gold file NAME.json (the extraction format) belongs to the document NAME.* in --docs."
    )

    @Option(help: ArgumentHelp("Folder of gold files (NAME.json).", valueName: "dir"))
    var gold: String

    @Option(help: ArgumentHelp("Folder of the documents.", valueName: "dir"))
    var docs: String

    @Flag(help: "List what extraction missed and what it added.")
    var verbose = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let reader = try reading.corpusReader()
        let extractor = DocumentExtractor(resources: try reading.extractionResources())
        do {
            let evaluation = try EvaluationRun(reader: reader, extractor: extractor).run(goldFolder: gold, documentFolder: docs)
            print(evaluation.report(verbose: verbose))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
