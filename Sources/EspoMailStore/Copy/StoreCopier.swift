import EspoMailCore
import Foundation

/// One table as a copy carried it: its rows and the checksum both stores agreed on.
public struct TableCopy: Sendable {
  /// The table.
  public var table: String
  /// Rows copied.
  public var rows: Int
  /// The order-independent SHA-256 checksum of its rows, the same in both stores.
  public var checksum: String
}

/// How far a copy has come, for a progress display.
public struct CopyProgress: Sendable {
  /// The table being copied (`email_search` while the search index is rebuilt).
  public var table: String
  /// Rows done in it.
  public var done: Int
  /// Rows it has.
  public var total: Int
}

extension Store {
  /// Copies every row of this store into `target`, an empty store of the same schema (either
  /// engine), in one write transaction of the target: all of it arrives, or none of it. Reads one
  /// snapshot of this store, so writes made here meanwhile are not in the copy. Each table is
  /// then read back from the target and compared with this store by row count and checksum before
  /// the copy commits; the search index, which SQLite's FTS5 keeps no text of, is rebuilt from the
  /// copied emails. Identity counters carry over, so no deleted row's number is handed out again.
  public func copy(to target: Store, progress: (CopyProgress) -> Void) throws -> [TableCopy] {
    try withoutActuallyEscaping(progress) { progress in
      try read { source in
        try target.write { destination in
          try StoreCopier(source: source.db, target: destination.db, targetPath: target.path, progress: progress).run()
        }
      }
    }
  }

  /// The store a copy goes into: created when `location` holds none, else opened (the copy then
  /// requires it to be empty, so a copy that failed can be run again). `created` says which.
  public static func copyTarget(at location: String, keyFile: String) throws -> (store: Store, created: Bool) {
    let exists =
      StoreLocation.postgresURI(location) == nil
      ? FileManager.default.fileExists(atPath: location)
      : try PostgresPool(uri: location).withConnection {
        try $0.value(Bool.self, "SELECT to_regclass(?) IS NOT NULL", [PostgresSchema.migrationTable]) ?? false
      }
    if exists { return (try Store(openingAt: location, keyFile: keyFile), false) }
    return (try Store.create(at: location, keyFile: keyFile), true)
  }
}

/// The walk of one copy, inside the source's snapshot and the target's write transaction.
private struct StoreCopier {
  let source: any SQLConnection
  let target: any SQLConnection
  let targetPath: String
  let progress: (CopyProgress) -> Void

  /// Rows read and written at a time; tables holding raw bytes go a few rows at a time, so memory
  /// stays bounded by a few messages whatever their size.
  private static let pageRows = 500
  private static let bytePageRows = 8

  /// Columns written empty first and set once the whole table is in: an email answering one with a
  /// higher id (mail imported out of order) would otherwise point at a row not there yet.
  private static let forwardReferences = ["email": "replied_email_id"]

  /// Copies, verifies and rebuilds the search index; returns each table's count and checksum.
  func run() throws -> [TableCopy] {
    let tables = StoreCatalog.tables.filter { $0 != "email_search" }
    for table in tables + ["email_search"] where try target.row("SELECT 1 FROM \(StoreCatalog.quoted(table)) LIMIT 1") != nil {
      throw EspoMailError(
        .dataError, "the store at \(targetPath) is not empty (its table \(table) has rows); nothing was copied",
        hint: "copy into an empty database (createdb espomail_new) or a new file")
    }
    var copies: [TableCopy] = []
    for table in tables {
      do {
        copies.append(try copy(table))
      } catch let error as EspoMailError {
        throw EspoMailError(
          error.status, "copying table \(table) failed, so nothing was copied: \(error.message)", hint: error.hint)
      }
    }
    try rebuildSearchIndex()
    return copies
  }

  /// Copies one table page by page in primary-key order, then checks the target's rows.
  private func copy(_ table: String) throws -> TableCopy {
    let columns = try target.columns(of: table)
    let names = columns.map(\.name)
    let sourceNames = try source.columns(of: table).map(\.name)
    guard Set(sourceNames) == Set(names) else {
      throw EspoMailError.configuration(
        "the two stores' \(table) tables have different columns",
        hint: "both stores must be opened by the same espomail version")
    }
    let total = try source.value(Int.self, "SELECT count(*) FROM \(StoreCatalog.quoted(table))") ?? 0
    let pageRows = columns.contains(where: \.holdsBytes) ? Self.bytePageRows : Self.pageRows
    let deferred = Self.forwardReferences[table].flatMap { names.firstIndex(of: $0) }
    let idPosition = names.firstIndex(of: "id")
    var pending: [(id: SQLValue, value: SQLValue)] = []
    var checksum = TableChecksum()
    try pages(of: table, in: source, columns: names, rows: pageRows) { rows in
      var values: [SQLValue] = []
      for row in rows {
        checksum.add(row.values)
        var written = row.values
        if let deferred, let idPosition, written[deferred] != .null {
          pending.append((written[idPosition], written[deferred]))
          written[deferred] = .null
        }
        values += written
      }
      let tuple = "(" + SQLArguments.placeholders(names.count) + ")"
      try target.execute(
        "INSERT INTO \(StoreCatalog.quoted(table)) (\(names.map(StoreCatalog.quoted).joined(separator: ", "))) VALUES "
          + Array(repeating: tuple, count: rows.count).joined(separator: ", "),
        SQLArguments(values))
      progress(CopyProgress(table: table, done: checksum.rows, total: total))
    }
    if let deferred {
      for (id, value) in pending {
        try target.execute(
          "UPDATE \(StoreCatalog.quoted(table)) SET \(StoreCatalog.quoted(names[deferred])) = ? WHERE id = ?",
          SQLArguments([value, id]))
      }
    }
    if let identity = try source.identityColumn(of: table), try target.identityColumn(of: table) == identity {
      try target.raiseIdentity(of: table, column: identity, above: try source.identityHighWater(of: table, column: identity))
    }
    var copied = TableChecksum()
    try pages(of: table, in: target, columns: names, rows: pageRows) { rows in rows.forEach { copied.add($0.values) } }
    guard copied == checksum else {
      throw EspoMailError(
        .internalError,
        "the copy of \(table) does not match the source (\(copied.rows) rows, checksum \(copied.hex.prefix(12)); "
          + "the source has \(checksum.rows), \(checksum.hex.prefix(12)))",
        hint: "nothing was copied; run again with --verbose and report it")
    }
    return TableCopy(table: table, rows: checksum.rows, checksum: checksum.hex)
  }

  /// Calls `body` with a table's rows, `rows` at a time, in primary-key order (keyset paging: each
  /// page starts after the last key seen, so no page costs more than its own rows).
  private func pages(
    of table: String, in connection: any SQLConnection, columns: [String], rows pageRows: Int,
    _ body: ([SQLRow]) throws -> Void
  ) throws {
    let key = try connection.primaryKey(of: table)
    let keyPositions = key.compactMap { columns.firstIndex(of: $0) }
    guard !key.isEmpty, keyPositions.count == key.count else {
      throw EspoMailError(.internalError, "the table \(table) has no primary key to copy it by")
    }
    let keyList = key.map(StoreCatalog.quoted).joined(separator: ", ")
    let select = "SELECT \(columns.map(StoreCatalog.quoted).joined(separator: ", ")) FROM \(StoreCatalog.quoted(table))"
    var after: [SQLValue]?
    while true {
      let rows =
        if let after {
          try connection.rows(
            "\(select) WHERE (\(keyList)) > (\(SQLArguments.placeholders(key.count))) ORDER BY \(keyList) LIMIT \(pageRows)",
            SQLArguments(after))
        } else {
          try connection.rows("\(select) ORDER BY \(keyList) LIMIT \(pageRows)")
        }
      guard let last = rows.last else { return }
      try body(rows)
      after = keyPositions.map { last.values[$0] }
    }
  }

  /// Indexes every copied email for search from its stored subject, plain body and addresses, as
  /// the import indexed it, and checks that each email has its entry.
  private func rebuildSearchIndex() throws {
    let total = try SearchIndexRebuild.run(target) { done, total in
      progress(CopyProgress(table: "email_search", done: done, total: total))
    }
    let indexed = try target.value(Int.self, "SELECT count(*) FROM email_search") ?? 0
    guard indexed == total else {
      throw EspoMailError(
        .internalError, "the rebuilt search index holds \(indexed) emails of \(total)",
        hint: "nothing was copied; run again with --verbose and report it")
    }
  }
}
