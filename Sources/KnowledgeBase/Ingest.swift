public import Corpus
public import Extractor
public import Foundation
import Synchronization

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
        /// Stored before by other rules (another kb, an edited gazetteer), and extracted again.
        public var reextracted = 0
        public var skipped = 0
        public var failed = 0
        public var entities = 0
        public var facts = 0
        public var seconds = 0.0
        public var failures: [String] = []
    }

    /// Progress after each document: done, total.
    public typealias Progress = @Sendable (Int, Int) -> Void

    /// What a worker made of one pending document.
    enum Prepared: Sendable {
        case failed(String)
        /// Already in the knowledge base: skipped before extraction. With its publication date, for those that wait.
        case known(CalendarDate?)
        /// Without a date: extracted after the others (`DocumentExtractor.extractUnlessDatedByOthers`).
        case waiting
        case extracted(KnowledgeBase.Storable)
    }

    /// How documents are grouped into commits, and how far extraction runs ahead of the writer.
    struct Batching: Sendable {
        private static let defaultCommit = 512
        /// Documents stored per commit: each still in its own savepoint (see `KnowledgeBase.store`). Each commit writes
        /// the pages it touched to the WAL (the indexes' and tables' last pages again and again) and adds a segment to
        /// the full-text index: 512 took the whole news corpus about 4% less time than 128, for 30 MB more in flight.
        var documentsPerCommit = Self.defaultCommit
        /// Documents launched ahead of each worker while the writer stores them one by one. Swift's executor resumes
        /// the writer behind every job already queued, so the queue is kept short: the writer stays a few documents
        /// behind the workers and has little left to store alone once they have finished. (Launched in a window of
        /// three commits instead, the writer trailed by that window and stored it alone at the end: 0.7 s of one idle
        /// core of two on the news corpus, BENCHMARKS.md.)
        var queuedPerWorker = 16
        /// Documents launched ahead before a commit, which keeps the writer's core from the workers for a while
        /// (longer when SQLite merges full-text segments or checkpoints): enough to keep the other cores busy meanwhile.
        var queuedWhileCommitting = Self.defaultCommit
        /// Documents launched and not yet stored, at most: bounds memory when one slow document holds up the writer.
        var inFlight = 3 * Self.defaultCommit
    }

    var batching = Batching()

    /// The documents under `paths`, in order, not yet read: the files listed, and a JSON lines corpus read (and
    /// decompressed) and split into its lines. Serial; `kb ingest` runs it while the extraction resources load.
    public static func pending(under paths: [String], reader: CorpusReader) -> [CorpusReader.PendingDocument] {
        var pending: [CorpusReader.PendingDocument] = []
        for path in paths { reader.forEachPending(at: path) { pending.append($0) } }
        return pending
    }

    /// Ingests every document under `paths`. `failAfter` stops with an error after that many stored documents (for tests of interruption).
    public func run(paths: [String], progress: Progress? = nil, failAfter: Int? = nil) async throws -> Summary {
        let started = Date()
        return try await run(pending: Self.pending(under: paths, reader: reader), progress: progress, failAfter: failAfter, since: started)
    }

    /// Ingests the documents listed by `pending(under:reader:)`; the summary's seconds count from `started` (when the
    /// caller began, listing included).
    ///
    /// Reading, extraction and near-duplicate signatures run in parallel on all cores; one writer stores the results
    /// in input order, so runs are repeatable; a document is held only while in flight. Documents without a date wait:
    /// they are read again and extracted after the others, with the publication years those gave
    /// (`DocumentExtractor.dating(alongside:)`), and stored after them, in input order too.
    public func run(pending: [CorpusReader.PendingDocument], progress: Progress? = nil, failAfter: Int? = nil,
                    since started: Date = Date()) async throws -> Summary {
        var summary = Summary()
        try kb.refreshGazetteerEntities(extractor.resources.gazetteer)
        let known = try kb.documentIDs(rulesVersion: extractor.resources.rulesVersion)
        if !pending.isEmpty { try kb.prepareIndexesForIngest() }
        let total = pending.count
        var done = 0
        progress?(done, total)

        // The stored documents' signatures, loaded when the first new document needs them (a re-run that finds
        // nothing new never reads them).
        var nearDuplicates: NearDuplicateIndex?

        // Acronyms earlier documents defined serve this run too.
        let extractor = try kb.knowingAcronyms(self.extractor)
        let reader = self.reader
        let gazetteer = extractor.resources.gazetteer
        var stored = 0
        var batch: [KnowledgeBase.Storable] = []
        let batching = self.batching
        let queuedWhileStoring = batching.queuedPerWorker * max(1, ProcessInfo.processInfo.activeProcessorCount)
        // The publication dates of the documents read, stored or known, for those that wait.
        var published: [CalendarDate] = []

        func commit() throws {
            guard !batch.isEmpty else { return }
            let outcomes = try kb.store(batch, gazetteer: gazetteer)
            for (storable, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .new: summary.new += 1
                case .updated: summary.updated += 1
                case .reextracted: summary.reextracted += 1
                case .skipped: summary.skipped += 1
                }
                let e = storable.facts.extraction
                summary.facts += e.officials.count + e.figures.count + e.money.count + e.dates.count + e.events.count + e.locations.count + e.programs.count
            }
            stored += batch.count
            batch.removeAll(keepingCapacity: true)
        }

        /// Reads, extracts and stores `items` (indices into `pending`) in their order; returns those that wait for
        /// the others' dates, when `deferring`.
        func pass(_ items: [Int], extractor: DocumentExtractor, deferring: Bool) async throws -> [Int] {
            var waiting: [Int] = []
            try await withThrowingTaskGroup(of: (Int, Prepared).self) { group in
                var next = 0
                var ready: [Int: Prepared] = [:]
                var expected = 0
                let begun = StartCounter()
                func launch() {
                    let position = next
                    let item = pending[items[position]]
                    group.addTask {
                        begun.increment()
                        switch reader.read(item) {
                        case .failure(let error): return (position, .failed(error.description))
                        case .success(let document):
                            if known.contains(document.id) { return (position, .known(document.published)) }
                            if !deferring { return (position, .extracted(KnowledgeBase.Storable(facts: extractor.extract(document)))) }
                            guard let facts = extractor.extractUnlessDatedByOthers(document) else { return (position, .waiting) }
                            return (position, .extracted(KnowledgeBase.Storable(facts: facts)))
                        }
                    }
                    next += 1
                }
                // Launches documents until `depth` of them wait for a worker or `inFlight` are out; at least one, when
                // the writer has taken every result (the group would end there).
                func keepQueued(_ depth: Int) {
                    while next < items.count, next == expected || (next - begun.value < depth && next - expected < batching.inFlight) {
                        launch()
                    }
                }
                keepQueued(queuedWhileStoring)
                while let (position, prepared) = try await group.next() {
                    ready[position] = prepared
                    // One writer, in input order.
                    while let prepared = ready.removeValue(forKey: expected) {
                        expected += 1
                        switch prepared {
                        case .waiting:
                            waiting.append(items[expected - 1])
                            continue
                        case .failed(let reason):
                            summary.failed += 1
                            summary.failures.append(reason)
                        case .known(let date):
                            summary.skipped += 1
                            if let date { published.append(date) }
                        case .extracted(var storable):
                            if let date = storable.facts.document.published { published.append(date) }
                            if let failAfter, stored + batch.count >= failAfter {
                                try commit()
                                throw KnowledgeBaseError.storage(reason: "interrupted after \(stored) documents")
                            }
                            if nearDuplicates == nil {
                                nearDuplicates = try kb.nearDuplicateIndex()
                                // When none is stored with these rules (an empty base, or one extracted again), every
                                // pending document is added: the table is made its final size at once. Other runs may
                                // re-read stored documents; their table grows as needed.
                                if known.isEmpty, let stored = nearDuplicates?.count { nearDuplicates?.reserveCapacity(stored + pending.count) }
                            }
                            storable.nearDuplicates = nearDuplicates?.add(id: storable.facts.document.id, signature: storable.signature) ?? []
                            batch.append(storable)
                            if batch.count >= batching.documentsPerCommit {
                                keepQueued(batching.queuedWhileCommitting)
                                try commit()
                            }
                        }
                        done += 1
                        progress?(done, total)
                    }
                    keepQueued(queuedWhileStoring)
                }
            }
            return waiting
        }

        // Stopped by an error, the documents stored so far still get their office terms and name variants.
        do {
            let waiting = try await pass(Array(pending.indices), extractor: extractor, deferring: true)
            if !waiting.isEmpty {
                _ = try await pass(waiting, extractor: extractor.dating(alongside: published), deferring: false)
            }
            try commit()
        } catch {
            // Always rebuilt here: a group that failed part-way committed the documents before the failing one, which
            // `stored` does not count.
            try? kb.finishIngest(rebuildingDerived: true, pruning: true)
            throw error
        }
        try kb.finishIngest(rebuildingDerived: stored > 0, pruning: summary.updated + summary.reextracted > 0)
        summary.entities = try kb.stats().entities
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// How many extraction jobs have started, read by the writer to keep the queue of waiting jobs short.
private final class StartCounter: Sendable {
    private let count = Atomic<Int>(0)
    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
