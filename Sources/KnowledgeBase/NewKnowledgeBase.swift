import Foundation
import Glibc
import GRDB

/// A knowledge base that does not exist yet, built by one ingest in a file of its own beside `path`
/// (`path` + `.building`) and moved to `path` by `publish()`.
///
/// A shared file is kept in WAL mode, so that readers can query it while an ingest writes and a power cut never breaks
/// it. That costs every page written twice (into the WAL at each commit, into the file at each checkpoint) and a wait
/// for the disk at each checkpoint: 8–12% of a first ingest of the news corpus (BENCHMARKS.md, twelfth round). A file
/// that nobody else can see yet needs neither. Its rollback journal is kept in memory (a document that cannot be
/// stored still rolls back alone, and so does a group of documents), every page is written once into the file, and
/// nothing waits for the disk until `publish()` syncs the finished file and renames it into place; the next opening
/// turns it into a shared file.
///
/// What a failure leaves: an ingest that ends with an error still publishes the documents it committed (as an ingest
/// into a shared file keeps them), once SQLite's quick check finds the file sound. A process killed, or a power cut,
/// before `publish()` leaves no knowledge base at `path`, only the unfinished staging file, which the next
/// `NewKnowledgeBase` at `path` discards: a first ingest is then run again from the start, and nothing that existed
/// before is lost.
///
/// Only one process builds a given path at a time: the staging file is locked (`flock`, apart from the `fcntl` locks
/// SQLite takes) while it is built, and a second one is refused with an error naming it.
public final class NewKnowledgeBase {
    /// The knowledge base being built, to ingest into.
    public let kb: KnowledgeBase
    /// Where the knowledge base goes when it is published.
    public let path: String
    /// Where it is built.
    public let stagingPath: String
    /// The staging file, open and locked until it is published. (Closing it while `kb` is open would also drop the
    /// `fcntl` locks SQLite holds on the file, as closing any descriptor of a file does: `publish()` closes `kb` first.)
    private var lockedFile: Int32

    /// Starts a new knowledge base for `path`; nil when something is already there (the caller opens it instead),
    /// also when another process has just published a knowledge base there.
    public init?(path: String) throws(KnowledgeBaseError) {
        self.path = path
        stagingPath = path + ".building"
        guard !Self.exists(path) else { return nil }
        lockedFile = open(stagingPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockedFile >= 0 else {
            throw .cannotOpen(path: path, reason: "cannot create \(stagingPath) to build it in: \(String(cString: strerror(errno)))")
        }
        do throws(KnowledgeBaseError) {
            guard flock(lockedFile, LOCK_EX | LOCK_NB) == 0 else {
                throw .cannotOpen(path: stagingPath, reason: errno == EWOULDBLOCK ? "another kb ingest is building this knowledge base"
                                                                                 : String(cString: strerror(errno)))
            }
            // The file locked may be one another process has just renamed to `path` (it opened it, built and published
            // it between this process's check and its lock): then `path` is taken, and that file is not touched.
            var locked = stat()
            var named = stat()
            guard fstat(lockedFile, &locked) == 0, stat(stagingPath, &named) == 0,
                  locked.st_dev == named.st_dev, locked.st_ino == named.st_ino, !Self.exists(path) else {
                Glibc.close(lockedFile)
                return nil
            }
            // What a killed build left is discarded (the file emptied), and so is any journal or WAL left beside `path`
            // by a knowledge base since removed: SQLite would play it into the new file when it is first opened.
            guard ftruncate(lockedFile, 0) == 0 else {
                throw .cannotOpen(path: stagingPath, reason: String(cString: strerror(errno)))
            }
            for file in [path, stagingPath] {
                for suffix in ["-journal", "-wal", "-shm"] { unlink(file + suffix) }
            }
            kb = try KnowledgeBase(path: stagingPath, mode: .building)
        } catch {
            Glibc.close(lockedFile)
            throw error
        }
    }

    /// Whether anything is at `path`, a dangling symbolic link included (SQLite would create the file it names).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Runs `ingest` into the knowledge base being built, then publishes it. When `ingest` throws, what it committed is
    /// published all the same (as an ingest into a shared file keeps it), if the file passes the quick check; the
    /// error thrown is the ingest's, joined by the publishing's when that failed too.
    public func publishing<T>(after ingest: () async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await ingest()
        } catch {
            do throws(KnowledgeBaseError) {
                try publish(checking: true)
            } catch let failure {
                throw KnowledgeBaseError.storage(reason: "\(error); and \(failure)")
            }
            throw error
        }
        try publish()
        return result
    }

    /// Closes the knowledge base, syncs its file to the disk and moves it to `path`. Once only. With `checking`, the
    /// file is moved only if SQLite's quick check finds it sound (after an ingest that failed, in case a rollback in
    /// memory did not complete); else it stays where it was built, and the error names it.
    public func publish(checking: Bool = false) throws(KnowledgeBaseError) {
        guard lockedFile >= 0 else { throw .storage(reason: "\(path): the knowledge base was already published") }
        if checking {
            let verdict = try kb.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard verdict == ["ok"] else {
                throw .storage(reason: "\(stagingPath): the knowledge base being built is damaged, not moved to \(path): \(verdict.prefix(3).joined(separator: "; "))")
            }
        }
        try kb.close()
        defer {
            Glibc.close(lockedFile)
            lockedFile = -1
        }
        guard fsync(lockedFile) == 0 else { throw .storage(reason: "\(stagingPath): \(String(cString: strerror(errno)))") }
        // `path` stays free while this process holds the lock, unless something other than kb put a file there.
        guard !Self.exists(path) else {
            throw .storage(reason: "\(path): a file appeared there during the ingest; the new knowledge base is left in \(stagingPath)")
        }
        guard rename(stagingPath, path) == 0 else {
            throw .storage(reason: "\(path): cannot move \(stagingPath) there: \(String(cString: strerror(errno)))")
        }
        // The rename itself on the disk: the folder synced. Best effort: the file is already synced, and where a folder
        // cannot be synced the rename is as durable as the file system makes it.
        let folder = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            Glibc.close(folder)
        }
    }

    deinit {
        if lockedFile >= 0 { Glibc.close(lockedFile) }
    }
}
