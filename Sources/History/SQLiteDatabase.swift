import CSQLite
import Foundation

/// A SQLite connection (the system libsqlite3). Safe to share: it is opened in serialized threading mode and
/// used by one audit at a time; the handle is owned here and closed in `deinit`.
final class SQLiteDatabase: @unchecked Sendable {
    private var handle: OpaquePointer?
    let path: String

    /// Opens (creating when missing) a database file in WAL mode, waiting up to 10 s for a concurrent writer.
    init(path: String) throws(HistoryError) {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw HistoryError(path: path, message: message)
        }
        sqlite3_busy_timeout(handle, 10_000)
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=NORMAL")
    }

    deinit { sqlite3_close(handle) }

    /// Runs SQL without results.
    func execute(_ sql: String) throws(HistoryError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw HistoryError(path: path, message: message)
        }
    }

    /// Runs a statement once per row of bound text values (nil binds NULL); returns the rows it selects.
    @discardableResult
    func run(_ sql: String, _ rows: [[String?]] = [[]]) throws(HistoryError) -> [[String?]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
        defer { sqlite3_finalize(statement) }
        var result: [[String?]] = []
        for values in rows {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (index, value) in values.enumerated() {
                if let value {
                    sqlite3_bind_text(statement, Int32(index + 1), value, -1, omniaudit_sqlite_transient())
                } else {
                    sqlite3_bind_null(statement, Int32(index + 1))
                }
            }
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw failure() }
                result.append((0..<sqlite3_column_count(statement)).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) }
                })
            }
        }
        return result
    }

    /// Runs `body` in one immediate transaction: all of it is written, or none of it.
    func transaction(_ body: () throws(HistoryError) -> Void) throws(HistoryError) {
        try execute("BEGIN IMMEDIATE")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func failure() -> HistoryError {
        HistoryError(path: path, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "error")
    }
}

/// A history database that could not be opened, read or written.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    /// The database file.
    public var path: String
    /// What SQLite said.
    public var message: String
    public var description: String { "\(path): \(message)" }

    /// Creates an error for a file.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
