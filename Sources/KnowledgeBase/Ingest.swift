public import Corpus
public import Extractor
import Foundation

/// Reads documents, extracts them in parallel on all cores, and stores each one in its own transaction.
public struct Ingestion: Sendable {
    public var reader: CorpusReader
    public var extractor: DocumentExtractor
    public var kb: KnowledgeBase

    public init(reader: CorpusReader, extractor: DocumentExtractor, kb: KnowledgeBase) {
        self.reader = reader
        self.extractor = extractor
        self.kb = kb
    }

    public struct Summary: Sendable, Codable {
        public var new = 0
        public var updated = 0
        public var skipped = 0
        public var failed = 0
        public var entities = 0
        public var facts = 0
        public var seconds = 0.0
        public var failures: [String] = []
    }

    /// Progress after each document: done, total.
    public typealias Progress = @Sendable (Int, Int) -> Void

    /// Ingests every document under `paths`. `failAfter` stops with an error after that many stored documents (for tests of interruption).
    public func run(paths: [String], progress: Progress? = nil, failAfter: Int? = nil) async throws -> Summary {
        let started = Date()
        var summary = Summary()
        var documents: [Document] = []
        for path in paths {
            reader.forEachDocument(at: path) { outcome in
                switch outcome {
                case .success(let d): documents.append(d)
                case .failure(let e):
                    summary.failed += 1
                    summary.failures.append(e.description)
                }
            }
        }
        let known = try kb.documentIDs()
        let pending = documents.filter { !known.contains($0.id) }
        summary.skipped = documents.count - pending.count
        let total = documents.count
        var done = summary.skipped
        progress?(done, total)

        var nearDuplicates = NearDuplicateIndex()
        for stored in try kb.storedBodies() { _ = nearDuplicates.add(id: stored.id, text: stored.body) }

        // Acronyms earlier documents defined serve this run too.
        let extractor = self.extractor.knowing(try kb.learnedAcronyms())
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var stored = 0
        try await withThrowingTaskGroup(of: (Int, DocumentFacts).self) { group in
            var next = 0
            var buffer: [Int: DocumentFacts] = [:]
            var expected = 0
            func launch() {
                guard next < pending.count else { return }
                let index = next
                let document = pending[index]
                group.addTask { (index, extractor.extract(document)) }
                next += 1
            }
            for _ in 0..<min(workers * 2, pending.count) { launch() }
            // One writer, in input order, so runs are repeatable.
            while let (index, facts) = try await group.next() {
                buffer[index] = facts
                launch()
                while let facts = buffer.removeValue(forKey: expected) {
                    expected += 1
                    if let failAfter, stored >= failAfter { throw KnowledgeBaseError.storage(reason: "interrupted after \(stored) documents") }
                    let outcome = try kb.store(facts, gazetteer: extractor.resources.gazetteer)
                    stored += 1
                    switch outcome {
                    case .new: summary.new += 1
                    case .updated: summary.updated += 1
                    case .skipped: summary.skipped += 1
                    }
                    let e = facts.extraction
                    summary.facts += e.officials.count + e.figures.count + e.money.count + e.dates.count + e.events.count + e.locations.count + e.programs.count
                    for match in nearDuplicates.add(id: facts.document.id, text: facts.sentences.map(\.text).joined(separator: " ")) {
                        try kb.linkNearDuplicates(facts.document.id, match.id, similarity: match.similarity)
                    }
                    done += 1
                    progress?(done, total)
                }
            }
        }
        if stored > 0 { try kb.rebuildDerived() }
        summary.entities = try kb.stats().entities
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
