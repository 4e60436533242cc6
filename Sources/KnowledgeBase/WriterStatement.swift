import Foundation
import GRDB
import GRDBSQLite

/// One of the writer's statements, looked up once per group of documents and run through SQLite's C interface.
///
/// The writer runs the same few statements for every row of every document. Through `Statement.execute(arguments:)`
/// each run hashed the SQL text to find the statement, boxed its values in an array of existentials, checked them,
/// bound them through nested closures and went through GRDB's observation bookkeeping: as much CPU as SQLite's
/// insert itself. Here the values are bound in order, as GRDB binds them (so a row holds exactly what GRDB would have
/// stored: see `WriterValue`), and the statement is stepped and reset directly.
///
/// The statement stays GRDB's (prepared once per connection, finalized by it). Only plain statements go through here:
/// no transaction or savepoint statements, and the knowledge base has no transaction observers to notify.
struct WriterStatement {
    private let statement: Statement

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Runs the statement to its end with the values bound in order.
    func execute<each Value: WriterValue>(_ values: repeat each Value) throws {
        try run(repeat each values) { _ in }
    }

    /// Runs an INSERT and returns the rowid of the row it inserted.
    func insert<each Value: WriterValue>(_ values: repeat each Value) throws -> Int64 {
        try run(repeat each values) { handle in sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) }
    }

    /// Whether the query returns a row.
    func exists<each Value: WriterValue>(_ values: repeat each Value) throws -> Bool {
        try run(repeat each values, untilRow: true) { handle in sqlite3_data_count(handle) > 0 }
    }

    /// The first column of every row the query returns, as text.
    func strings<each Value: WriterValue>(_ values: repeat each Value) throws -> [String] {
        var strings: [String] = []
        try run(repeat each values, eachRow: { handle in
            guard let text = sqlite3_column_text(handle, 0) else { return }
            strings.append(String(cString: text))
        }) { _ in }
        return strings
    }

    /// The first column of every row the query returns, as integers.
    func integers<each Value: WriterValue>(_ values: repeat each Value) throws -> [Int64] {
        var integers: [Int64] = []
        try run(repeat each values, eachRow: { handle in integers.append(sqlite3_column_int64(handle, 0)) }) { _ in }
        return integers
    }

    /// The first column of the query's first row, as an integer (0 when it returns none).
    func integer<each Value: WriterValue>(_ values: repeat each Value) throws -> Int64 {
        try run(repeat each values, untilRow: true) { handle in sqlite3_data_count(handle) > 0 ? sqlite3_column_int64(handle, 0) : 0 }
    }

    /// Binds the values, steps through the rows (all of them, or up to the first when `untilRow`), reads the result
    /// and resets the statement, which leaves no read or write in progress.
    private func run<each Value: WriterValue, Result>(
        _ values: repeat each Value, untilRow: Bool = false, eachRow: (SQLiteStatement) -> Void = { _ in },
        result: (SQLiteStatement) -> Result
    ) throws -> Result {
        let handle = statement.sqliteStatement
        var index: CInt = 0
        var bindingCode = SQLITE_OK
        for value in repeat each values {
            index += 1
            let code = value.bindValue(to: handle, at: index)
            if code != SQLITE_OK { bindingCode = code }
        }
        precondition(index == sqlite3_bind_parameter_count(handle), "\(index) values for \(statement.sql)")
        // Reset and unbound after each run: SQLite keeps no copy of the last document's text.
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard bindingCode == SQLITE_OK else { throw failure(bindingCode) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE:
                return result(handle)
            case SQLITE_ROW:
                if untilRow { return result(handle) }
                eachRow(handle)
            case let code:
                throw failure(code)
            }
        }
    }

    private func failure(_ code: CInt) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))),
                      sql: statement.sql)
    }
}

/// A value the writer binds: as GRDB's `StatementBinding` does, except that text is bound straight from the string's
/// UTF-8 (GRDB's `String.bind` first copies it into a `ContiguousArray` through `utf8CString`). Both hand SQLite the
/// same NUL-terminated bytes, with length -1 and `SQLITE_TRANSIENT`.
protocol WriterValue {
    func bindValue(to handle: SQLiteStatement, at index: CInt) -> CInt
}

/// `SQLITE_TRANSIENT`, which C macros keep from Swift: SQLite copies the value before the call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension String: WriterValue {
    func bindValue(to handle: SQLiteStatement, at index: CInt) -> CInt {
        withCString { sqlite3_bind_text(handle, index, $0, -1, transient) }
    }
}

/// The other values as GRDB binds them.
extension WriterValue where Self: StatementBinding {
    func bindValue(to handle: SQLiteStatement, at index: CInt) -> CInt { bind(to: handle, at: index) }
}

extension Int: WriterValue {}
extension Int64: WriterValue {}
extension Double: WriterValue {}
extension Bool: WriterValue {}
extension Data: WriterValue {}

extension Optional: WriterValue where Wrapped: WriterValue {
    func bindValue(to handle: SQLiteStatement, at index: CInt) -> CInt {
        switch self {
        case .some(let value): value.bindValue(to: handle, at: index)
        case .none: sqlite3_bind_null(handle, index)
        }
    }
}
