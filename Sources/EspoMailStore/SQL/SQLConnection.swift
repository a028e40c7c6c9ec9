import EspoMailCore

/// The engines a store can live in.
public enum StoreEngine: String, Sendable, CaseIterable {
  /// An embedded SQLite file: one trust domain, its owner and cron (Docs/security.md).
  case sqlite
  /// A PostgreSQL database shared by several hosts and users (Docs/architecture.md, "Store engines").
  case postgresql
}

/// One engine's connection inside a transaction: the only way the store's SQL reaches a database.
/// The SQL is written once for both engines (Docs/architecture.md, "Store engines"); each
/// connection turns `?`/`?N` parameters into its own and keeps repeated statements prepared.
protocol SQLConnection: AnyObject {
  /// The engine behind the connection.
  var engine: StoreEngine { get }

  /// Runs a statement; returns how many rows it inserted, changed or deleted.
  @discardableResult
  func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int

  /// Runs a query; returns all its rows.
  func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow]

  /// Runs a row change inside a transaction whose answer nobody reads: an engine may send it on
  /// and learn its outcome later (PostgreSQL's pipeline), at the latest at the next statement
  /// whose answer is read, so its error, if any, ends the transaction all the same.
  func executeUnanswered(_ sql: String, _ arguments: SQLArguments) throws

  /// Runs a row change whose answer nobody reads after the transaction's other statements, just
  /// before it commits: SQLite queues it until then, PostgreSQL sends it at once (as
  /// `executeUnanswered`). For SQLite's search index: FTS5 writes the words it holds in memory as
  /// a new index segment at every statement savepoint, and every insert into an AUTOINCREMENT
  /// table takes one, so a search insert between others cost a segment, and merging it, per
  /// email (Docs/performance.md, "First sync"). A statement that reads the search index runs
  /// what is queued first; a savepoint that is rolled back drops what it queued.
  func executeBeforeCommit(_ sql: String, _ arguments: SQLArguments) throws

  /// Runs an `INSERT` into a table keyed by `id INTEGER PRIMARY KEY` and returns the new row's id,
  /// or nil when it inserted none (`ON CONFLICT DO NOTHING`). SQLite reads the id back from the
  /// connection: `RETURNING` made its import's email insert half again as slow; PostgreSQL uses
  /// `RETURNING id`.
  func insertRow(_ sql: String, _ arguments: SQLArguments) throws -> Int64?

  /// The id a new row of `table` (keyed by an identity `id`) is to have, known before its insert
  /// so that the insert needs no answer: PostgreSQL takes it from a block of the table's sequence
  /// reserved in the transaction (Docs/performance.md, "First sync into PostgreSQL"); nil where
  /// the engine gives an id only as the row goes in (SQLite, where `insertRow` is a local call).
  func reservedID(for table: String) throws -> Int64?

  /// Runs `body` in a savepoint: on error only its own changes are undone, and the error is rethrown.
  func savepoint<T>(_ body: () throws -> T) throws -> T
}

extension SQLConnection {
  /// The first row of a query, or nil when it has none.
  func row(_ sql: String, _ arguments: SQLArguments = []) throws -> SQLRow? {
    try rows(sql, arguments).first
  }

  /// The first column of every row.
  func values<Value: SQLDecodable>(_ type: Value.Type, _ sql: String, _ arguments: SQLArguments = []) throws -> [Value] {
    try rows(sql, arguments).map { $0[0] }
  }

  /// The first column of the first row; nil when there is no row or the value is NULL.
  func value<Value: SQLDecodable>(_ type: Value.Type, _ sql: String, _ arguments: SQLArguments = []) throws -> Value? {
    guard let row = try rows(sql, arguments).first else { return nil }
    let value: Value? = row[0]
    return value
  }
}

extension SQLConnection {
  /// Runs a statement without parameters; returns how many rows it changed.
  @discardableResult
  func execute(_ sql: String) throws -> Int { try execute(sql, []) }

  /// Runs a query without parameters.
  func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }

  /// Runs an `INSERT` and returns the new row's key (its `id`, or the key column named).
  func insert(_ sql: String, _ arguments: SQLArguments, returning key: String = "id") throws -> Int64 {
    let id: Int64? = key == "id" ? try insertRow(sql, arguments) : try rows(sql + " RETURNING " + key, arguments).first?[0]
    guard let id else { throw EspoMailError(.internalError, "the store inserted no row") }
    return id
  }

  /// Runs an `INSERT … ON CONFLICT DO NOTHING`; returns the new row's id, or nil when a row with
  /// the same key was there already.
  func insertIfAbsent(_ sql: String, _ arguments: SQLArguments) throws -> Int64? {
    try insertRow(sql, arguments)
  }
}
