import EspoMailCore
import Foundation
internal import GRDB
internal import GRDBSQLite

/// The SQLite engine's connection: GRDB's `Database` inside the transaction the store opened.
/// Every statement stays prepared for the connection's lifetime (the import path runs the same
/// statements thousands of times; preparing each anew costs more than running it). Values are
/// bound and rows read through SQLite's own calls on GRDB's prepared statements: GRDB's
/// `StatementArguments` and `Row` cost the first sync's writer about a fifth of its time.
final class SQLiteConnection: SQLConnection {
  /// The GRDB connection, inside its transaction.
  let db: Database
  /// Row changes queued for the end of the transaction (`executeBeforeCommit`).
  private var queued: [(sql: String, arguments: SQLArguments)] = []

  /// Wraps a GRDB connection.
  init(_ db: Database) { self.db = db }

  /// Always SQLite.
  var engine: StoreEngine { .sqlite }

  /// Runs a statement; returns how many rows it changed.
  @discardableResult
  func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
    try runQueued(before: sql)
    try step(sql, arguments) { _ in }
    return db.changesCount
  }

  /// Runs a row change at once: an embedded engine has no round trip to save.
  func executeUnanswered(_ sql: String, _ arguments: SQLArguments) throws {
    try step(sql, arguments) { _ in }
  }

  /// Queues a row change for the end of the transaction.
  func executeBeforeCommit(_ sql: String, _ arguments: SQLArguments) {
    queued.append((sql, arguments))
  }

  /// Runs the queued row changes first when `sql` reads the search index, so a transaction
  /// finds the words it stored.
  private func runQueued(before sql: String) throws {
    if !queued.isEmpty, sql.contains("email_search") { try runQueued() }
  }

  /// Runs the row changes queued for the end of the transaction, in order; the store's write
  /// calls it after the transaction's work, before the commit.
  func runQueued() throws {
    let changes = queued
    queued = []
    for change in changes { try executeUnanswered(change.sql, change.arguments) }
  }

  /// Runs an `INSERT`; the new row's id is the connection's last inserted rowid.
  func insertRow(_ sql: String, _ arguments: SQLArguments) throws -> Int64? {
    try execute(sql, arguments) > 0 ? db.lastInsertedRowID : nil
  }

  /// None: SQLite's id comes from the insert itself, with no round trip to save.
  func reservedID(for table: String) -> Int64? { nil }

  /// Runs a query; returns all its rows.
  func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
    try runQueued(before: sql)
    var columns: SQLColumns?
    var rows: [SQLRow] = []
    try step(sql, arguments) { statement in
      let count = sqlite3_column_count(statement)
      let names = columns ?? SQLColumns((0..<count).map { String(cString: sqlite3_column_name(statement, $0)) })
      columns = names
      rows.append(SQLRow(columns: names, values: (0..<count).map { Self.value(statement, column: $0) }))
    }
    return rows
  }

  /// Binds `arguments` to the cached statement for `sql` and steps it to its end, calling `row`
  /// for each row; an error is GRDB's `DatabaseError`, as from GRDB's own calls.
  private func step(_ sql: String, _ arguments: SQLArguments, row: (OpaquePointer) throws -> Void) throws {
    let statement = try db.cachedStatement(sql: sql).sqliteStatement
    defer { sqlite3_reset(statement) }
    sqlite3_reset(statement)
    let values = arguments.values
    guard sqlite3_bind_parameter_count(statement) == Int32(values.count) else {
      throw EspoMailError(
        .internalError, "\(values.count) values for \(sqlite3_bind_parameter_count(statement)) parameters in: \(sql)")
    }
    for (index, value) in values.enumerated() {
      let position = Int32(index + 1)
      let code: Int32
      switch value {
      case .null: code = sqlite3_bind_null(statement, position)
      case .integer(let number): code = sqlite3_bind_int64(statement, position, number)
      case .real(let number): code = sqlite3_bind_double(statement, position, number)
      case .text(let text):
        code = Self.bind(text, to: statement, at: position)
      case .searchWords(let document):
        code = Self.bind(document.text, to: statement, at: position)
      case .blob(let bytes):
        // Empty bytes are an empty blob, never NULL (which a null pointer would bind).
        code = bytes.withUnsafeBytes { raw in
          guard let start = raw.baseAddress, !raw.isEmpty else { return sqlite3_bind_zeroblob(statement, position, 0) }
          return sqlite3_bind_blob(statement, position, start, Int32(raw.count), Self.transient)
        }
      }
      guard code == SQLITE_OK else { throw failure(sql) }
    }
    while true {
      switch sqlite3_step(statement) {
      case SQLITE_DONE: return
      case SQLITE_ROW: try row(statement)
      default: throw failure(sql)
      }
    }
  }

  /// SQLite copies a value bound with this before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  /// Binds `text` as UTF-8 text (copied by SQLite) to parameter `position`.
  private static func bind(_ text: String, to statement: OpaquePointer, at position: Int32) -> Int32 {
    var text = text
    return text.withUTF8 { utf8 in
      utf8.withMemoryRebound(to: CChar.self) { chars in
        guard let start = chars.baseAddress else { return sqlite3_bind_text(statement, position, "", 0, transient) }
        return sqlite3_bind_text(statement, position, start, Int32(chars.count), transient)
      }
    }
  }

  /// The error of the call that just failed on `sql`, with SQLite's extended code and message.
  private func failure(_ sql: String) -> DatabaseError {
    let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
    return DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)), message: message, sql: sql)
  }

  /// Runs `body` in a savepoint.
  func savepoint<T>(_ body: () throws -> T) throws -> T {
    var result: Result<T, any Error> = .failure(EspoMailError(.internalError, "savepoint did not run"))
    let queuedBefore = queued.count
    try db.inSavepoint {
      result = Result { try body() }
      if case .failure = result { return .rollback }
      return .commit
    }
    if case .failure = result { queued.removeSubrange(queuedBefore...) }
    return try result.get()
  }

  /// Column `column` of the statement's current row.
  private static func value(_ statement: OpaquePointer, column: Int32) -> SQLValue {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_NULL: return .null
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
    case SQLITE_TEXT:
      let text = sqlite3_column_text(statement, column)
      let count = Int(sqlite3_column_bytes(statement, column))
      return .text(text.map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? "")
    default:
      let bytes = sqlite3_column_blob(statement, column)
      let count = Int(sqlite3_column_bytes(statement, column))
      return .blob(bytes.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? [])
    }
  }
}
