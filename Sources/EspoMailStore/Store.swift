import EspoMailCore
import Foundation
internal import GRDB

/// The shared store, in one of two engines (Docs/architecture.md, "Store engines"):
/// - an SQLite file, opened in WAL mode with a busy timeout so that concurrent runs (cron, admins,
///   scripts) wait for each other instead of failing; one writer connection and a pool of readers:
///   reads see the last commit and never wait for a write in progress (the fetch plans chunk N+1
///   while chunk N is being written);
/// - a PostgreSQL database named by a connection URI, shared by several hosts: writes take one
///   transaction-scoped advisory lock, so they are serialised exactly as SQLite's are, and reads
///   are snapshots that never wait.
public final class Store: Sendable {
  /// Where the store lives: the file, or the PostgreSQL URI without its password.
  public let path: String
  /// The engine holding the store.
  public let engine: StoreEngine
  /// The file holding the key that seals stored passwords: beside an SQLite store unless given;
  /// for PostgreSQL always given (the key never goes into the database).
  public let keyFile: String
  private let backend: Backend
  /// A writable SQLite store's checkpointer (Docs/architecture.md, "Transactions").
  let checkpointer: WALCheckpointer?

  /// The engines' connections.
  private enum Backend: Sendable {
    case sqlite(DatabasePool)
    case postgresql(PostgresPool)
  }

  /// The PostgreSQL store's connection pool; only for a PostgreSQL store.
  var postgresPool: PostgresPool {
    guard case .postgresql(let pool) = backend else { preconditionFailure("not a PostgreSQL store") }
    return pool
  }

  /// How long a writer waits for another before giving up with "try again later".
  public static let busyTimeout: TimeInterval = 10

  /// Opens an existing store (a file, or a PostgreSQL URI), running pending migrations. Throws a
  /// configuration error when the store does not exist or was written by a newer espomail.
  /// `keyFile` overrides where the sealing key is (required in effect for PostgreSQL).
  public convenience init(openingAt path: String, keyFile: String? = nil) throws {
    if let uri = StoreLocation.postgresURI(path) {
      try self.init(postgresURI: uri, keyFile: keyFile, creating: false)
      return
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw EspoMailError.configuration(
        "no store at \(path)", hint: "create one with 'espomail init', or point --store or ESPOMAIL_STORE at it")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw EspoMailError(
        .permissionDenied, "this operating-system user may not open the store at \(path)",
        hint: "the store belongs to the user who created it (Docs/security.md, \"Trust model\"); run espomail as that user")
    }
    try Self.requireSQLiteFile(at: path)
    try Self.requireStoreSchema(at: path)
    // SQLite writes the WAL and shared-memory files beside the store: without a writable file and
    // folder the store is opened read-only, so reading commands still work.
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let writable =
      FileManager.default.isWritableFile(atPath: path) && FileManager.default.isWritableFile(atPath: folder)
    do {
      try self.init(path: path, keyFile: keyFile, readOnly: writable ? nil : .notWritable)
    } catch let error as EspoMailError where error.status == .ioError && Self.diskIsFull(holding: path) {
      // SQLite cannot grow its shared-memory file on a full disk; reading needs none of that.
      try self.init(path: path, keyFile: keyFile, readOnly: .diskFull)
    }
  }

  /// Why the store was opened read-only, or nil when it is writable.
  public let readOnly: ReadOnlyReason?

  /// Creates a new store: a file (mode 0600, its directory created if needed), or the schema in an
  /// empty PostgreSQL database; then migrates it. Throws a data error when a store is already there.
  public static func create(at path: String, keyFile: String? = nil) throws -> Store {
    if let uri = StoreLocation.postgresURI(path) {
      return try Store(postgresURI: uri, keyFile: keyFile, creating: true)
    }
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw EspoMailError(.ioError, "cannot create the directory \(directory): \(error.localizedDescription)")
    }
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw EspoMailError(.dataError, "a store already exists at \(path)", hint: "use it, or choose another --store")
      }
      throw EspoMailError(.ioError, "cannot create \(path): \(String(cString: strerror(errno)))")
    }
    close(descriptor)
    do {
      return try Store(path: path, keyFile: keyFile)
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
  }

  private init(path: String, keyFile: String?, readOnly: ReadOnlyReason? = nil) throws {
    self.path = path
    self.engine = .sqlite
    self.keyFile = keyFile ?? path + ".key"
    self.readOnly = readOnly
    var configuration = Configuration()
    configuration.readonly = readOnly != nil
    configuration.journalMode = readOnly != nil ? .default : .wal
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.label = "espomail"
    // With WAL, NORMAL never corrupts the store; a power cut may undo the last transactions,
    // which the fetch ledger then settles again (rows and ledger go together), so nothing is
    // duplicated or lost.
    // A 64 MiB page cache and reads through mmap keep the indexes every import probes (Message-ID,
    // addresses, parents) in memory as the store grows, instead of SQLite's default 2 MiB cache
    // and a read system call per page; both are bounds, used only as the store needs them.
    // A new store gets 16 KiB pages (SQLite's default is 4 KiB; an existing store keeps its
    // own): a message's raw bytes take a quarter of the pages and log writes (first sync +10 %).
    // The writer leaves checkpoints to a thread of their own (WALCheckpointer).
    let checkpointer = readOnly == nil ? WALCheckpointer(path: path) : nil
    self.checkpointer = checkpointer
    configuration.prepareDatabase { db in
      try db.execute(
        sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824")
      if !db.configuration.readonly { checkpointer?.attach(to: db) }
    }
    do {
      let queue =
        try readOnly != nil ? Self.openReadOnly(path, configuration) : DatabasePool(path: path, configuration: configuration)
      backend = .sqlite(queue)
      let migrator = Schema.migrator()
      let superseded = try queue.read { try migrator.hasBeenSuperseded($0) }
      if superseded {
        throw EspoMailError.configuration(
          "the store at \(path) was written by a newer espomail",
          hint: "upgrade espomail; this binary knows schema up to \(Schema.latestMigration)")
      }
      if let readOnly {
        guard try queue.read({ try migrator.hasCompletedMigrations($0) }) else {
          throw Self.readOnlyError(path, readOnly, doing: "bring it up to this espomail's schema (\(Schema.latestMigration))")
        }
      } else {
        try migrator.migrate(queue)
      }
    } catch let error as EspoMailError {
      throw error
    } catch {
      throw Self.mapped(error, path: path)
    }
  }

  /// Opens (or with `creating`, creates) a PostgreSQL store.
  private init(postgresURI uri: String, keyFile: String?, creating: Bool) throws {
    path = StoreLocation.redacted(uri)
    engine = .postgresql
    readOnly = nil
    checkpointer = nil
    let pool = PostgresPool(uri: uri)
    backend = .postgresql(pool)
    self.keyFile = keyFile ?? StoreLocation.defaultPostgresKeyFile
    try pool.withConnection { connection in
      try PostgresMigrator(connection: connection, location: path).prepare(creating: creating)
    }
  }

  /// Runs `body` in one write transaction: all of it is stored, or none of it. Writers take turns
  /// (SQLite's IMMEDIATE transaction; PostgreSQL's advisory lock), so a transaction sees no
  /// other writer's changes appear while it runs.
  public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
    if let readOnly { throw Self.readOnlyError(path, readOnly, doing: "store this command's changes") }
    switch backend {
    case .postgresql(let pool):
      return try pool.withConnection { connection in
        try connection.inTransaction(writing: true) { try body(Transaction(db: connection)) }
      }
    case .sqlite(let queue):
      do {
        return try queue.writeWithoutTransaction { db in
          var result: Result<T, any Error> = .failure(EspoMailError(.internalError, "transaction did not run"))
          try db.inTransaction(.immediate) {
            result = Result {
              let connection = SQLiteConnection(db)
              let value = try body(Transaction(db: connection))
              try connection.runQueued()
              return value
            }
            if case .failure = result { return .rollback }
            return .commit
          }
          return try result.get()
        }
      } catch let error as EspoMailError {
        throw error
      } catch {
        throw Self.mapped(error, path: path)
      }
    }
  }

  /// Whether raw messages are best stored ahead of the transaction importing them
  /// (`storeRawMessagesAhead`): on PostgreSQL, where a second server backend stores them while the
  /// writer's transaction goes on; not on SQLite, whose one writer would only take them in turn.
  public var storesRawMessagesAhead: Bool { engine == .postgresql }

  /// Stores raw messages in a transaction of their own, outside the writers' turn: a raw message is
  /// keyed by its content, so two hosts storing the same one settle on the unique index, not by
  /// turns. PostgreSQL only (`storesRawMessagesAhead`). One whose email never commits stays
  /// unreferenced (Docs/postgresql.md, "Raw messages stored ahead").
  public func storeRawMessagesAhead(_ messages: [(sha256: String, bytes: [UInt8])]) throws {
    if let readOnly { throw Self.readOnlyError(path, readOnly, doing: "store raw messages") }
    guard case .postgresql(let pool) = backend else { preconditionFailure("raw messages go ahead on PostgreSQL only") }
    guard !messages.isEmpty else { return }
    try pool.withConnection { connection in
      try connection.inTransaction(writing: true, inTurn: false) {
        let tx = Transaction(db: connection)
        for message in messages { try tx.storeRaw(sha256: message.sha256, bytes: message.bytes) }
      }
    }
  }

  /// Runs `body` with a consistent read-only view of the store.
  public func read<T>(_ body: (Transaction) throws -> T) throws -> T {
    switch backend {
    case .postgresql(let pool):
      return try pool.withConnection { connection in
        try connection.inTransaction(writing: false) { try body(Transaction(db: connection)) }
      }
    case .sqlite(let queue):
      do {
        return try queue.read { db in try body(Transaction(db: SQLiteConnection(db))) }
      } catch let error as EspoMailError {
        throw error
      } catch {
        throw Self.mapped(error, path: path)
      }
    }
  }

  /// The names of the applied migrations, oldest first.
  public func appliedMigrations() throws -> [String] {
    switch backend {
    case .sqlite(let queue): try queue.read { try Schema.migrator().appliedMigrations($0) }
    case .postgresql(let pool): try pool.withConnection { try PostgresMigrator(connection: $0, location: path).applied() }
    }
  }

  /// Turns a database error into a user-facing one, never showing bound arguments.
  static func mapped(_ error: any Error, path: String) -> EspoMailError {
    guard let error = error as? DatabaseError else {
      return EspoMailError(.internalError, "store error: \(error)")
    }
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return EspoMailError(.tryAgain, "the store is busy (another espomail is writing)", hint: "try again shortly")
    case .SQLITE_FULL:
      return EspoMailError(.ioError, "the disk holding \(path) is full")
    case .SQLITE_READONLY:
      return readOnlyError(path, .notWritable, doing: "store this command's changes")
    case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM:
      return EspoMailError(.ioError, "cannot use the store at \(path): \(error.message ?? "I/O error")")
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return EspoMailError.configuration("\(path) is not an espomail store or is damaged")
    case .SQLITE_CONSTRAINT:
      return EspoMailError(.dataError, "the store refused the change: \(error.message ?? "constraint failed")")
    default:
      return EspoMailError(.internalError, "store error: \(error.message ?? "\(error.resultCode)")")
    }
  }
}

/// A transaction on the store. Every store operation is a method on it, so a command's whole
/// work shares one transaction.
public struct Transaction {
  /// The engine's connection, inside its transaction.
  let db: any SQLConnection
  /// Keys looked up ahead and found absent (`lookAhead`), for this transaction only.
  let absent = AbsentKeys()
  /// Ids of addresses looked up ahead (`lookAhead`), for this transaction only.
  let addressIDs = KnownAddressIDs()

  /// The current time as the store writes it (UTC, seconds: `2026-12-03T21:06:00Z`), bound as a
  /// parameter so that both engines store the same text.
  static var now: String { Date().formatted(.iso8601) }
}
