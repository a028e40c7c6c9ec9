import EspoMailCore
import EspoMailSecrets
import EspoMailStore
import Foundation

/// What `init` did.
public struct StoreCreation: Sendable {
  /// Where the store is.
  public var path: String
  /// The first admin's login.
  public var admin: String
}

extension Session {
  /// Creates a store at `path` and makes `login` its first admin, in one go: a failure leaves no file.
  /// The store, its key file and its lock folder are created together, the owner's alone (0600,
  /// 0600, 0700; SQLite gives the WAL files the store's mode): Docs/security.md, "Trust model".
  public static func createStore(at path: String, adminLogin login: String, name: String?) throws -> StoreCreation {
    try User.validateLogin(login)
    let store = try Store.create(at: path)
    do {
      try store.write { tx in
        _ = try tx.insertUser(login: login, name: name ?? login, isAdmin: true, isActive: true)
      }
      try SecretBox.createKey(at: SecretBox.keyPath(forStore: path))
      try FileManager.default.createDirectory(
        atPath: AccountLock.directory(forStore: path), withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o700])
    } catch {
      for suffix in ["", "-wal", "-shm", ".key", ".locks"] { try? FileManager.default.removeItem(atPath: path + suffix) }
      throw error
    }
    return StoreCreation(path: path, admin: login)
  }
}

/// What `key create` did.
public struct KeyCreation: Sendable {
  /// The new key file.
  public var path: String
  /// Accounts whose stored passwords were sealed with a lost key and must be set again.
  public var accountsToReset: [String]
}

extension Session {
  /// Creates the store's key file when it has none (admins): for stores made before `init` created
  /// it, or after a key was lost. Names the accounts whose stored passwords it cannot open.
  public func createKey() throws -> KeyCreation {
    try requireAdmin("key create")
    let path = SecretBox.keyPath(forStore: store.path)
    try SecretBox.createKey(at: path)
    let stale = try store.read { tx in
      try tx.mailAccounts().filter { $0.imap.secretSource == .stored || $0.smtp?.secretSource == .stored }.map(\.name)
    }
    return KeyCreation(path: path, accountsToReset: stale)
  }
}
