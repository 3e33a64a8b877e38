import Foundation
import GRDB
import GRDBSQLite

/// Binds values to a GRDB-prepared statement and steps it through SQLite's C API.
///
/// The hot loop of a batch write runs one statement per annotation. GRDB's `StatementArguments`
/// box every value in an existential array, which cost as much as SQLite's own insert (measured
/// with perf); binding straight into the prepared statement roughly halves the time per row. The
/// statement stays GRDB's (cached, finalized by GRDB); this only binds, steps and resets it.
struct StatementBinder {
  private let statement: OpaquePointer
  private var index: Int32 = 0

  init(_ statement: Statement) {
    self.statement = statement.sqliteStatement
  }

  mutating func bind(_ value: String) {
    index += 1
    var value = value
    value.withUTF8 { bytes in
      _ = sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), transient)
    }
  }

  mutating func bind(_ value: String?) {
    guard let value else { return bindNull() }
    bind(value)
  }

  mutating func bind(_ value: Double?) {
    guard let value else { return bindNull() }
    index += 1
    sqlite3_bind_double(statement, index, value)
  }

  mutating func bind(_ value: Int?) {
    guard let value else { return bindNull() }
    index += 1
    sqlite3_bind_int64(statement, index, sqlite3_int64(value))
  }

  /// Binds text to the column at `position` (1-based). For writers that bind only what changed
  /// since the previous row: SQLite keeps a statement's bindings across a reset.
  mutating func bind(at position: Int32, _ value: String) {
    var value = value
    value.withUTF8 { bytes in
      _ = sqlite3_bind_text(statement, position, bytes.baseAddress, Int32(bytes.count), transient)
    }
  }

  /// Binds text or NULL to the column at `position` (1-based).
  mutating func bind(at position: Int32, optional value: String?) {
    guard let value else {
      sqlite3_bind_null(statement, position)
      return
    }
    bind(at: position, value)
  }

  /// Binds a number or NULL to the column at `position` (1-based).
  mutating func bind(at position: Int32, _ value: Double?) {
    guard let value else {
      sqlite3_bind_null(statement, position)
      return
    }
    sqlite3_bind_double(statement, position, value)
  }

  /// Binds an integer to the column at `position` (1-based).
  mutating func bind(at position: Int32, _ value: Int) {
    sqlite3_bind_int64(statement, position, sqlite3_int64(value))
  }

  private mutating func bindNull() {
    index += 1
    sqlite3_bind_null(statement, index)
  }

  /// Runs the statement to completion and resets it for the next row; a failure is GRDB's
  /// `DatabaseError`, so it is translated like any other.
  mutating func execute() throws {
    let code = sqlite3_step(statement)
    index = 0
    guard code == SQLITE_DONE else {
      let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
      sqlite3_reset(statement)
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
    sqlite3_reset(statement)
  }
}

/// SQLITE_TRANSIENT: SQLite copies the bytes, since Swift's buffer lives only during the call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
