import EspoMailCore
import Foundation
internal import GRDB

/// The SQLite engine's connection: GRDB's `Database` inside the transaction the store opened.
/// Every statement stays prepared for the connection's lifetime (the import path runs the same
/// statements thousands of times; preparing each anew costs more than running it).
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
    try db.cachedStatement(sql: sql).execute(arguments: Self.bound(arguments))
    return db.changesCount
  }

  /// Runs a row change at once: an embedded engine has no round trip to save.
  func executeUnanswered(_ sql: String, _ arguments: SQLArguments) throws {
    try db.cachedStatement(sql: sql).execute(arguments: Self.bound(arguments))
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

  /// Runs a query; returns all its rows.
  func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
    try runQueued(before: sql)
    let statement = try db.cachedStatement(sql: sql)
    let columns = SQLColumns(statement.columnNames)
    let cursor = try Row.fetchCursor(statement, arguments: Self.bound(arguments))
    var rows: [SQLRow] = []
    while let row = try cursor.next() {
      rows.append(SQLRow(columns: columns, values: row.databaseValues.map(Self.value)))
    }
    return rows
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

  private static func bound(_ arguments: SQLArguments) -> StatementArguments {
    StatementArguments(
      arguments.values.map { value -> (any DatabaseValueConvertible)? in
        switch value {
        case .null: nil
        case .integer(let number): number
        case .real(let number): number
        case .text(let text): text
        case .blob(let bytes): Data(bytes)
        }
      })
  }

  private static func value(_ value: DatabaseValue) -> SQLValue {
    switch value.storage {
    case .null: .null
    case .int64(let number): .integer(number)
    case .double(let number): .real(number)
    case .string(let text): .text(text)
    case .blob(let data): .blob([UInt8](data))
    }
  }
}
