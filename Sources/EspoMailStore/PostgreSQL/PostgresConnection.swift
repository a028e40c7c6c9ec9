internal import CLibPQ
import EspoMailCore
import Foundation

/// The PostgreSQL engine's connection: one libpq connection, used by one thread at a time (the
/// pool hands it out). Parameters go as text, bytes as binary `bytea`; results come as text and
/// are read by their column types into the values both engines share. Not thread-safe: the pool
/// hands each connection to one thread at a time, hence `@unchecked Sendable`.
final class PostgresConnection: SQLConnection, @unchecked Sendable {
  private let handle: OpaquePointer
  private var savepointDepth = 0
  /// The SQL of each statement already rewritten for PostgreSQL, by the store's SQL text.
  private var rewritten: [String: String] = [:]
  /// The names of the statements prepared on this connection, by their SQL and parameter types.
  private var prepared: [String: String] = [:]
  /// At most this many statements are prepared per connection; others are sent unprepared.
  private static let preparedLimit = 1000
  /// Statements sent in pipeline mode whose answers are not read yet (`executeUnanswered`).
  private var unanswered = 0
  /// At most this many statements wait for their answers: the answers (a few dozen bytes each)
  /// then always fit the socket's buffers, so a blocking connection cannot deadlock on them.
  private static let unansweredLimit = 256
  /// Ids reserved from each table's sequence in the current transaction and not used yet
  /// (`reservedID(for:)`). Before the commit the sequence is set back to the first of them, so
  /// ids stay as dense as without reservations (no other writer takes ids while this one holds
  /// the writers' lock); ids keep following the order in which writers commit.
  private var reservedIDs: [String: ArraySlice<Int64>] = [:]
  /// How many ids the next reservation for a table takes: it doubles up to `reservationLimit`, so
  /// a transaction inserting one row wastes few and one inserting thousands asks a few times.
  private var reservationSizes: [String: Int] = [:]
  private static let reservationLimit = 512
  /// Plain row inserts sent unanswered and held back to go several rows a statement; made when
  /// the first one comes, with the schema's foreign keys.
  private var held: PostgresHeldInserts?
  /// The shape of each statement sent unanswered, or nil for one that is not a plain row insert.
  private var insertShapes: [String: PostgresInsertShape?] = [:]

  /// Connects with a libpq connection URI or `key=value` string; a refusal is an I/O error naming
  /// the server's reason (never the password).
  init(connecting uri: String) throws {
    guard let handle = PQconnectdb(uri) else {
      throw EspoMailError(.ioError, "cannot connect to PostgreSQL: out of memory")
    }
    guard PQstatus(handle) == CONNECTION_OK else {
      let reason = Self.trimmed(PQerrorMessage(handle))
      PQfinish(handle)
      throw EspoMailError(
        .ioError, "cannot connect to the PostgreSQL store: \(reason)",
        hint: "check the URI given with --store or ESPOMAIL_STORE, and that the server is running")
    }
    self.handle = handle
    // Messages in English and timestamps in UTC whatever the server's defaults are.
    try execute("SET client_min_messages = warning")
    try execute("SET TIME ZONE 'UTC'")
  }

  deinit { PQfinish(handle) }

  /// Always PostgreSQL.
  var engine: StoreEngine { .postgresql }

  /// Whether the connection still works (a pool drops broken ones).
  var isUsable: Bool { PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE }

  /// Runs several statements without parameters (a schema script) in one round trip.
  func executeScript(_ sql: String) throws {
    try sendHeld()
    try readAnswers()
    guard let result = PQexec(handle, sql) else {
      throw EspoMailError(.ioError, "the PostgreSQL store did not answer: \(Self.trimmed(PQerrorMessage(handle)))")
    }
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK else {
      throw PostgresError(result: result, connectionMessage: Self.trimmed(PQerrorMessage(handle))).storeError
    }
  }

  /// Runs a statement; returns how many rows it inserted, changed or deleted.
  @discardableResult
  func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
    let result = try run(sql, arguments)
    defer { PQclear(result) }
    return Int(String(cString: PQcmdTuples(result))) ?? 0
  }

  /// Runs an `INSERT … RETURNING id`.
  func insertRow(_ sql: String, _ arguments: SQLArguments) throws -> Int64? {
    try rows(sql + " RETURNING id", arguments).first.map { $0[0] }
  }

  /// An id from a block of `table`'s identity sequence reserved in this transaction, so that
  /// the row's insert, and the rows naming it, can be sent unanswered.
  func reservedID(for table: String) throws -> Int64? {
    if let next = reservedIDs[table]?.first {
      reservedIDs[table] = reservedIDs[table]?.dropFirst()
      return next
    }
    let size = reservationSizes[table] ?? 8
    reservationSizes[table] = min(size * 2, Self.reservationLimit)
    let ids = try rows(
      "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)", [table, size]
    ).map { $0[0] as Int64 }
    guard let first = ids.first else { return nil }
    reservedIDs[table] = ids.dropFirst()
    return first
  }

  /// Sets each sequence ids were reserved from back to the first id not used, so the next
  /// transaction's rows get it (a transaction that fails leaves a gap, as PostgreSQL's inserts do).
  private func returnReservedIDs() throws {
    for (table, unused) in reservedIDs.sorted(by: { $0.key < $1.key }) {
      guard let first = unused.first else { continue }
      try executeUnanswered("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, false)", [table, first])
    }
  }

  /// Sends a row change at once, unanswered: PostgreSQL's search index has no reason to wait.
  func executeBeforeCommit(_ sql: String, _ arguments: SQLArguments) throws {
    try executeUnanswered(sql, arguments)
  }

  /// Sends a prepared row change in pipeline mode without waiting for its answer: an import's
  /// inserts (recipients, decisions, the raw message, the search words, the ledger) no longer
  /// cost a round trip each. The answers are read, and the first error thrown, before the next
  /// statement whose answer matters (`run`), at the latest at `COMMIT`.
  func executeUnanswered(_ sql: String, _ arguments: SQLArguments) throws {
    guard let shape = try insertShape(sql) else {
      try sendHeld()
      try send(sql, arguments, typedByPlace: false)
      return
    }
    // A row that cannot wait behind what is held goes after it, into the emptied hold.
    if held?.hold(shape, arguments) != true {
      try sendHeld()
      _ = held?.hold(shape, arguments)
    }
    if let count = held?.rowCount, count >= PostgresHeldInserts.rowLimit { try sendHeld() }
  }

  /// The shape of `sql` if it is a plain row insert, the first time with the hold it goes in.
  private func insertShape(_ sql: String) throws -> PostgresInsertShape? {
    if let known = insertShapes[sql] { return known }
    let shape = PostgresInsertShape(sql)
    insertShapes[sql] = shape
    if shape != nil, held == nil { held = PostgresHeldInserts(parents: try foreignKeyParents()) }
    return shape
  }

  /// The tables each table of the store's schema refers to by a foreign key.
  private func foreignKeyParents() throws -> [String: Set<String>] {
    var parents: [String: Set<String>] = [:]
    let rows = try rows(
      """
      SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = CAST(current_schema() AS regnamespace)
      """, [])
    for row in rows { parents[row["child"], default: []].insert(row["parent"]) }
    return parents
  }

  /// Sends the held inserts, several rows a statement, unanswered.
  private func sendHeld() throws {
    guard let statements = held?.take() else { return }
    for statement in statements { try send(statement.sql, statement.arguments, typedByPlace: true) }
  }

  /// Sends one statement in pipeline mode without waiting for its answer. `typedByPlace` leaves
  /// numbers for the server to type from their column too, as it does text and NULL: a statement of
  /// several rows is then prepared once whichever of its values are NULL.
  private func send(_ sql: String, _ arguments: SQLArguments, typedByPlace: Bool) throws {
    let text = statementText(sql)
    let parameters = PostgresParameters(arguments, typingNumbersByPlace: typedByPlace)
    // Preparing is a synchronous call, which pipeline mode does not allow.
    if unanswered > 0, !isPrepared(text, parameters) { try readAnswers() }
    guard let name = try preparedStatement(text, parameters) else {
      try execute(sql, arguments)
      return
    }
    if unanswered == 0, PQenterPipelineMode(handle) != 1 {
      throw EspoMailError(.ioError, "the PostgreSQL store did not answer: \(Self.trimmed(PQerrorMessage(handle)))")
    }
    let sent = parameters.withPointers { _, values, lengths, formats in
      PQsendQueryPrepared(handle, name, Int32(parameters.count), values, lengths, formats, 0)
    }
    unanswered += 1
    guard sent == 1 else {
      let reason = Self.trimmed(PQerrorMessage(handle))
      try? readAnswers()
      throw EspoMailError(.ioError, "the PostgreSQL store did not answer: \(reason)")
    }
    if unanswered >= Self.unansweredLimit { try readAnswers() }
  }

  /// Ends pipeline mode: reads the answers of the statements sent unanswered and throws the
  /// first error among them. The connection is back in its ordinary mode either way.
  private func readAnswers() throws {
    guard unanswered > 0 else { return }
    let count = unanswered
    unanswered = 0
    var firstError: EspoMailError?
    if PQpipelineSync(handle) != 1 {
      firstError = EspoMailError(.ioError, "the PostgreSQL store did not answer: \(Self.trimmed(PQerrorMessage(handle)))")
    }
    // Each statement's results end with a NULL; the sync point's result comes last. A broken
    // connection answers NULL at once, so the loop ends either way.
    for _ in 0..<count {
      while let result = PQgetResult(handle) {
        let status = PQresultStatus(result)
        if firstError == nil, status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK, status != PGRES_PIPELINE_ABORTED {
          firstError = PostgresError(result: result, connectionMessage: Self.trimmed(PQerrorMessage(handle))).storeError
        }
        PQclear(result)
      }
    }
    if let sync = PQgetResult(handle) {
      PQclear(sync)
      while let extra = PQgetResult(handle) { PQclear(extra) }
    } else if firstError == nil {
      firstError = EspoMailError(.ioError, "the PostgreSQL store did not answer: \(Self.trimmed(PQerrorMessage(handle)))")
    }
    PQexitPipelineMode(handle)
    if let firstError { throw firstError }
  }

  /// Runs a query; returns all its rows.
  func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
    let result = try run(sql, arguments)
    defer { PQclear(result) }
    let fieldCount = PQnfields(result)
    let columns = SQLColumns((0..<fieldCount).map { String(cString: PQfname(result, $0)) })
    let types = (0..<fieldCount).map { PQftype(result, $0) }
    var rows: [SQLRow] = []
    rows.reserveCapacity(Int(PQntuples(result)))
    for row in 0..<PQntuples(result) {
      var values: [SQLValue] = []
      values.reserveCapacity(Int(fieldCount))
      for field in 0..<fieldCount {
        if PQgetisnull(result, row, field) == 1 {
          values.append(.null)
        } else {
          let length = Int(PQgetlength(result, row, field))
          let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, field), count: length)
          values.append(Self.value(bytes, type: types[Int(field)]))
        }
      }
      rows.append(SQLRow(columns: columns, values: values))
    }
    return rows
  }

  /// Runs `body` in a transaction: a write transaction first takes the writers' lock (writers take
  /// turns, as on SQLite) unless `inTurn` is false; a read is a snapshot that sees one moment of
  /// the store. On error the transaction is rolled back and the error rethrown.
  func inTransaction<T>(writing: Bool, inTurn: Bool = true, _ body: () throws -> T) throws -> T {
    try execute(writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    defer {
      reservedIDs = [:]
      reservationSizes = [:]
    }
    do {
      if writing && inTurn {
        try execute("SELECT pg_advisory_xact_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))", [PostgresLocks.store, PostgresLocks.writers])
      }
      let value = try body()
      try returnReservedIDs()
      try execute("COMMIT")
      return value
    } catch {
      held?.discard()
      try? readAnswers()
      _ = try? execute("ROLLBACK")
      throw error
    }
  }

  /// Runs `body` in a savepoint: on error only its own changes are undone, and the error is rethrown.
  func savepoint<T>(_ body: () throws -> T) throws -> T {
    savepointDepth += 1
    defer { savepointDepth -= 1 }
    let name = "espomail_\(savepointDepth)"
    try execute("SAVEPOINT \(name)")
    do {
      let value = try body()
      try execute("RELEASE SAVEPOINT \(name)")
      return value
    } catch {
      held?.discard()
      try? readAnswers()
      try execute("ROLLBACK TO SAVEPOINT \(name)")
      try execute("RELEASE SAVEPOINT \(name)")
      throw error
    }
  }

  /// Runs `sql` with `arguments`; a failure becomes the store's error for its SQLSTATE.
  private func run(_ sql: String, _ arguments: SQLArguments) throws -> OpaquePointer {
    try sendHeld()
    try readAnswers()
    let text = statementText(sql)
    let parameters = PostgresParameters(arguments)
    let name = try preparedStatement(text, parameters)
    let result = parameters.withPointers { types, values, lengths, formats in
      if let name {
        PQexecPrepared(handle, name, Int32(parameters.count), values, lengths, formats, 0)
      } else {
        PQexecParams(handle, text, Int32(parameters.count), types, values, lengths, formats, 0)
      }
    }
    guard let result else { throw EspoMailError(.ioError, "the PostgreSQL store did not answer: \(Self.trimmed(PQerrorMessage(handle)))") }
    switch PQresultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
      return result
    default:
      let error = PostgresError(result: result, connectionMessage: Self.trimmed(PQerrorMessage(handle)))
      PQclear(result)
      throw error.storeError
    }
  }

  /// The store's SQL rewritten for PostgreSQL (placeholders), once per connection.
  private func statementText(_ sql: String) -> String {
    if let known = rewritten[sql] { return known }
    let text = PostgresPlaceholders.rewrite(sql)
    rewritten[sql] = text
    return text
  }

  /// Whether `text` is prepared on this connection for these parameters' types.
  private func isPrepared(_ text: String, _ parameters: PostgresParameters) -> Bool {
    prepared[parameters.typeKey + "\u{0}" + text] != nil
  }

  /// The name of `text` prepared on this connection for these parameters' types, preparing it the
  /// first time: the server then parses and analyses each of the store's statements once per
  /// connection instead of once per call, the largest cost of an import (Docs/performance.md).
  /// Only queries and row changes are prepared (never `BEGIN`, savepoints or role commands);
  /// nil sends the statement unprepared.
  private func preparedStatement(_ text: String, _ parameters: PostgresParameters) throws -> String? {
    let verb = text.drop { $0 == " " || $0 == "\n" }.prefix(6).uppercased()
    guard ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH "].contains(where: verb.hasPrefix) else { return nil }
    let key = parameters.typeKey + "\u{0}" + text
    if let name = prepared[key] { return name }
    guard prepared.count < Self.preparedLimit else { return nil }
    let name = "espomail_\(prepared.count + 1)"
    let result = parameters.withPointers { types, _, _, _ in
      PQprepare(handle, name, text, Int32(parameters.count), types)
    }
    guard let result else { throw EspoMailError(.ioError, "the PostgreSQL store did not answer: \(Self.trimmed(PQerrorMessage(handle)))") }
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_COMMAND_OK else {
      throw PostgresError(result: result, connectionMessage: Self.trimmed(PQerrorMessage(handle))).storeError
    }
    prepared[key] = name
    return name
  }

  /// A column value as the shared value kinds: integers, booleans (as 0/1), reals, bytes, text.
  private static func value(_ bytes: UnsafeRawBufferPointer, type: Oid) -> SQLValue {
    let text = String(decoding: bytes, as: UTF8.self)
    switch type {
    case PostgresType.int8, PostgresType.int4, PostgresType.int2, PostgresType.oid:
      return Int64(text).map(SQLValue.integer) ?? .text(text)
    case PostgresType.bool:
      return .integer(text == "t" ? 1 : 0)
    case PostgresType.float4, PostgresType.float8:
      return Double(text).map(SQLValue.real) ?? .text(text)
    case PostgresType.numeric:
      if let integer = Int64(text) { return .integer(integer) }
      return Double(text).map(SQLValue.real) ?? .text(text)
    case PostgresType.bytea:
      return .blob(PostgresBytea.decode(bytes))
    default:
      return .text(text)
    }
  }

  private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
    message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
  }
}

/// The advisory-lock keys of a PostgreSQL store (two 32-bit numbers: espomail's space, then the
/// lock within it).
enum PostgresLocks {
  /// espomail's space for store-wide locks ("espo" in ASCII), apart from other applications'.
  static let store: Int32 = 0x6573_706F
  /// The writers' lock in `store`, held for each write transaction.
  static let writers: Int32 = 0
  /// espomail's space for account leases ("espa"): the second key is the account id.
  static let accounts: Int32 = 0x6573_7061
}

/// The type ids (OIDs) of the built-in PostgreSQL types the store reads and sends.
enum PostgresType {
  static let bool: Oid = 16
  static let bytea: Oid = 17
  static let int8: Oid = 20
  static let int2: Oid = 21
  static let int4: Oid = 23
  static let text: Oid = 25
  static let oid: Oid = 26
  static let float4: Oid = 700
  static let float8: Oid = 701
  static let numeric: Oid = 1700
  static let tsvector: Oid = 3614
  /// Left for the server to infer from where the parameter stands (text, and NULL).
  static let unknown: Oid = 0
}
