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

  /// Why a store was opened read-only.
  public enum ReadOnlyReason: Sendable {
    /// Its file, its folder or the file system may not be written.
    case notWritable
    /// The disk holding it is full.
    case diskFull
  }

  /// Why the store was opened read-only, or nil when it is writable.
  public let readOnly: ReadOnlyReason?

  /// Whether the disk holding `path` has no room left for an ordinary user.
  static func diskIsFull(holding path: String) -> Bool {
    var stats = statvfs()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard statvfs(folder, &stats) == 0 else { return false }
    return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024
  }

  /// Throws a configuration error naming what is at `path` when it is not an SQLite database: only
  /// `init` turns a file into a store.
  private static func requireSQLiteFile(at path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    let hint = "point --store or ESPOMAIL_STORE at the store, or remove the file and run 'espomail init'"
    if header.isEmpty {
      throw EspoMailError.configuration("\(path) is an empty file, not an espomail store", hint: hint)
    }
    guard header == Data("SQLite format 3\u{0}".utf8) else {
      throw EspoMailError.configuration("\(path) is not an espomail store (not an SQLite database)", hint: hint)
    }
  }

  /// Throws a configuration error when the SQLite database at `path` was not made by `init`,
  /// looking through a read-only connection so a foreign database is left exactly as it was.
  private static func requireStoreSchema(at path: String) throws {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    let isStore: Bool
    do {
      isStore = try readingWithFallback(path) { location in
        try DatabaseQueue(path: location, configuration: configuration).read { db in
          try db.tableExists("grdb_migrations") && Schema.migrator().appliedMigrations(db).first == "0001-initial"
        }
      }
    } catch {
      throw mapped(error, path: path)
    }
    guard isStore else {
      throw EspoMailError.configuration(
        "\(path) is an SQLite database but not an espomail store",
        hint: "point --store or ESPOMAIL_STORE at the store; only 'espomail init' makes one")
    }
  }

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
          result = Result { try body(Transaction(db: db)) }
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
      return try queue.read { db in try body(Transaction(db: db)) }
    } catch let error as EspoMailError {
      throw error
    } catch {
      throw Self.mapped(error, path: path)
    }
  }

  /// The names of the applied migrations, oldest first.
  public func appliedMigrations() throws -> [String] {
    try read { tx in try Schema.migrator().appliedMigrations(tx.db) }
  }

  /// Opens a store read-only. SQLite reads a WAL store through its shared-memory file, which it
  /// cannot create in a folder it may not write (or grow on a full disk): then, when no WAL file
  /// holds commits yet to be copied into the store (the last writer closed cleanly), the file is
  /// read as immutable.
  private static func openReadOnly(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
    try readingWithFallback(path) { location in
      let pool = try DatabasePool(path: location, configuration: configuration)
      _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return pool
    }
  }

  /// Runs `body` on the store's path, and once more on its immutable URI when that fails and the
  /// WAL file is missing or empty (see `openReadOnly`).
  private static func readingWithFallback<T>(_ path: String, _ body: (String) throws -> T) throws -> T {
    do {
      return try body(path)
    } catch let error as DatabaseError
      where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_IOERR].contains(error.resultCode)
    {
      // Only when SQLite could not open or make its shared memory; a busy store is waited for,
      // never read as immutable while a writer works on it.
      let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
      guard (wal?.intValue ?? 0) == 0,
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
      else { throw error }
      return try body("file:\(encoded)?immutable=1")
    }
  }

  /// The error of a command that must write a store opened read-only.
  static func readOnlyError(_ path: String, _ reason: ReadOnlyReason, doing what: String) -> EspoMailError {
    switch reason {
    case .notWritable:
      return EspoMailError(
        .ioError, "the store at \(path) is read-only (its file, its folder or the file system), so espomail cannot \(what)",
        hint: "reading commands work; run this one as the store's owner on a writable file system")
    case .diskFull:
      return EspoMailError(
        .ioError, "the disk holding \(path) is full, so espomail cannot \(what)",
        hint: "reading commands work; free some space and run this one again")
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
  /// The GRDB connection, inside its transaction.
  let db: Database
}
