import EspoMailCore
import EspoMailSecrets
import EspoMailStore
import Foundation

/// What `store copy` did.
public struct StoreCopyReport: Sendable {
  /// The store copied (a file, or a URI without its password).
  public var from: String
  /// The new store.
  public var to: String
  /// The tables copied, parents first, each with its rows and the checksum both stores agreed on.
  public var tables: [TableCopy]
  /// Where the new store's sealing key is.
  public var keyFile: String
  /// What happened to the key.
  public var key: KeyTransfer

  /// Rows copied in all.
  public var rows: Int { tables.reduce(0) { $0 + $1.rows } }
}

/// What a copy did with the sealing key, whose sealed passwords travel with the rows.
public enum KeyTransfer: String, Sendable {
  /// The key was written to the new store's key file.
  case copied
  /// The new store's key file already held the same key.
  case present
  /// The store copied has no key file, so there was none to copy.
  case none
}

extension Session {
  /// Copies the whole store into an empty store at `location` (admins): a PostgreSQL database for a
  /// team outgrowing one machine, or a file. Every row, raw message and ledger entry goes over in
  /// one transaction, checked table by table by count and checksum before it commits. Sealed
  /// passwords go as they are, so the key goes with them: to `keyFile` (default: where the new
  /// store looks for it), refusing a file there that holds another key before anything is copied.
  public func copyStore(
    to location: String, keyFile: String? = nil, progress: (CopyProgress) -> Void = { _ in }
  ) throws -> StoreCopyReport {
    try requireAdmin("store copy")
    let targetKeyFile =
      keyFile ?? (StoreLocation.engine(of: location) == .postgresql ? StoreLocation.defaultPostgresKeyFile : location + ".key")
    let key: SecretBox? = FileManager.default.fileExists(atPath: store.keyFile) ? try store.secretBox() : nil
    let keyThere = FileManager.default.fileExists(atPath: targetKeyFile)
    if keyThere, let key, !key.isStored(at: targetKeyFile) {
      throw EspoMailError(
        .dataError, "the key file \(targetKeyFile) holds another key than this store's, which its passwords need; nothing was copied",
        hint: "name a new key file with --key-file (and ESPOMAIL_KEY_FILE on the new store's hosts), or move that file away if no store uses it")
    }
    let (target, created) = try Store.copyTarget(at: location, keyFile: targetKeyFile)
    let tables: [TableCopy]
    do {
      tables = try store.copy(to: target, progress: progress)
    } catch {
      if created, target.engine == .sqlite {
        for file in [location, location + "-wal", location + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
      }
      throw error
    }
    var transfer = KeyTransfer.none
    if let key {
      if keyThere {
        transfer = .present
      } else {
        try key.copy(to: targetKeyFile)
        transfer = .copied
      }
    }
    return StoreCopyReport(from: store.path, to: target.path, tables: tables, keyFile: targetKeyFile, key: transfer)
  }
}
