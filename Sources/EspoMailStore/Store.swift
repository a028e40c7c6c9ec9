import EspoMailCore
import Foundation
internal import GRDB

/// The shared SQLite store: one file, opened in WAL mode with a busy timeout so that concurrent
/// runs (cron, admins, scripts) wait for each other instead of failing. One writer connection
/// and a pool of readers: reads see the last commit and never wait for a write in progress (the
/// fetch plans chunk N+1 while chunk N is being written).
public final class Store: Sendable {
  /// Where the store lives.
  public let path: String
  private let queue: DatabasePool

  /// How long a writer waits for another before giving up with "try again later".
  public static let busyTimeout: TimeInterval = 10

  /// Opens an existing store, running pending migrations. Throws a configuration error when the
  /// store does not exist or was written by a newer espomail.
  public convenience init(openingAt path: String) throws {
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
      try self.init(path: path, readOnly: writable ? nil : .notWritable)
    } catch let error as EspoMailError where error.status == .ioError && Self.diskIsFull(holding: path) {
      // SQLite cannot grow its shared-memory file on a full disk; reading needs none of that.
      try self.init(path: path, readOnly: .diskFull)
    }
  }

  /// Why the store was opened read-only, or nil when it is writable.
  public let readOnly: ReadOnlyReason?

  /// Creates a new store file (mode 0600, its directory created if needed) and migrates it.
  /// Throws a data error when a store is already there.
  public static func create(at path: String) throws -> Store {
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
      return try Store(path: path)
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
  }

  private init(path: String, readOnly: ReadOnlyReason? = nil) throws {
    self.path = path
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
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824")
    }
    do {
      queue =
        try readOnly != nil ? Self.openReadOnly(path, configuration) : DatabasePool(path: path, configuration: configuration)
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

  /// Runs `body` in one IMMEDIATE write transaction: all of it is stored, or none of it.
  public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
    if let readOnly { throw Self.readOnlyError(path, readOnly, doing: "store this command's changes") }
    do {
      return try queue.writeWithoutTransaction { db in
        var result: Result<T, any Error> = .failure(EspoMailError(.internalError, "transaction did not run"))
        try db.inTransaction(.immediate) {
          result = Result { try body(Transaction(db: SQLiteConnection(db))) }
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

  /// Runs `body` with a consistent read-only view of the store.
  public func read<T>(_ body: (Transaction) throws -> T) throws -> T {
    do {
      return try queue.read { db in try body(Transaction(db: SQLiteConnection(db))) }
    } catch let error as EspoMailError {
      throw error
    } catch {
      throw Self.mapped(error, path: path)
    }
  }

  /// The names of the applied migrations, oldest first.
  public func appliedMigrations() throws -> [String] {
    try queue.read { try Schema.migrator().appliedMigrations($0) }
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
}
