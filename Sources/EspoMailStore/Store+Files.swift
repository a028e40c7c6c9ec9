import EspoMailCore
import Foundation
internal import GRDB

/// What is at a store's path before it is opened, and opening it read-only: only `init` makes a
/// store, a foreign file is named and left untouched, and a store that cannot be written (its
/// file, folder or file system, or a full disk) still answers reading commands
/// (Docs/architecture.md, "Store files").
extension Store {
  /// Why a store was opened read-only.
  public enum ReadOnlyReason: Sendable {
    /// Its file, its folder or the file system may not be written.
    case notWritable
    /// The disk holding it is full.
    case diskFull
  }

  /// Whether the disk holding `path` has no room left for an ordinary user.
  static func diskIsFull(holding path: String) -> Bool {
    var stats = statvfs()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard statvfs(folder, &stats) == 0 else { return false }
    return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024
  }

  /// Throws a configuration error naming what is at `path` when it is not an SQLite database: only
  /// `init` turns a file into a store.
  static func requireSQLiteFile(at path: String) throws {
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
  static func requireStoreSchema(at path: String) throws {
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

  /// Opens a store read-only. SQLite reads a WAL store through its shared-memory file, which it
  /// cannot create in a folder it may not write (or grow on a full disk): then, when no WAL file
  /// holds commits yet to be copied into the store (the last writer closed cleanly), the file is
  /// read as immutable.
  static func openReadOnly(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
    try readingWithFallback(path) { location in
      let pool = try DatabasePool(path: location, configuration: configuration)
      _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return pool
    }
  }

  /// Runs `body` on the store's path, and once more on its immutable URI when that fails and the
  /// WAL file is missing or empty (see `openReadOnly`).
  static func readingWithFallback<T>(_ path: String, _ body: (String) throws -> T) throws -> T {
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
}
