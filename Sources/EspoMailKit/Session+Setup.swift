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
  /// Creates a store at `path` and makes `login` its first admin, in one go.
  /// - SQLite: the store, its key file and its lock folder are created together, the owner's alone
  ///   (0600, 0600, 0700; SQLite gives the WAL files the store's mode): Docs/security.md, "Trust
  ///   model"; a failure leaves no file.
  /// - PostgreSQL: the schema in an empty database; the key file is created unless the host has it
  ///   already (one key serves every host of a store: Docs/postgresql.md).
  public static func createStore(
    at path: String, keyFile: String? = nil, adminLogin login: String, name: String?
  ) throws -> StoreCreation {
    try User.validateLogin(login)
    if StoreLocation.engine(of: path) == .postgresql {
      return try createPostgresStore(at: path, keyFile: keyFile, adminLogin: login, name: name)
    }
    let locks = path + ".locks"
    let keptLocks = try leftLockFolder(at: locks)
    let store = try Store.create(at: path, keyFile: keyFile)
    // Only what this call made is removed should it fail: never a key or lock folder found here.
    var made = [path, path + "-wal", path + "-shm"]
    do {
      try store.write { tx in
        _ = try tx.insertUser(login: login, name: name ?? login, isAdmin: true, isActive: true)
      }
      try SecretBox.createKey(at: store.keyFile)
      made.append(store.keyFile)
      if !keptLocks {
        try FileManager.default.createDirectory(
          atPath: locks, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        made.append(locks)
      }
    } catch {
      for file in made { try? FileManager.default.removeItem(atPath: file) }
      throw error
    }
    return StoreCreation(path: path, admin: login)
  }

  /// Whether a lock folder is left at `locks` from a store removed without it, to be used again:
  /// a real folder of this operating-system user's (made 0700 again). Anything else there is
  /// refused, since the fetch's lock files go inside it.
  private static func leftLockFolder(at locks: String) throws -> Bool {
    var status = stat()
    guard lstat(locks, &status) == 0 else { return false }
    guard status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else {
      throw EspoMailError(
        .dataError, "\(locks) is in the way of the new store's lock folder",
        hint: "it is not a folder of this user's; remove it, or choose another --store")
    }
    chmod(locks, 0o700)
    return true
  }

  private static func createPostgresStore(
    at uri: String, keyFile: String?, adminLogin login: String, name: String?
  ) throws -> StoreCreation {
    let keyFile = keyFile ?? StoreLocation.defaultPostgresKeyFile
    let keyExisted = FileManager.default.fileExists(atPath: keyFile)
    if !keyExisted {
      let folder = URL(fileURLWithPath: keyFile).deletingLastPathComponent().path
      try? FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      _ = try SecretBox.createKey(at: keyFile)
    }
    do {
      let store = try Store.create(at: uri, keyFile: keyFile)
      try store.write { tx in
        _ = try tx.insertUser(login: login, name: name ?? login, isAdmin: true, isActive: true)
      }
      return StoreCreation(path: store.path, admin: login)
    } catch {
      if !keyExisted { try? FileManager.default.removeItem(atPath: keyFile) }
      throw error
    }
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
    let path = store.keyFile
    try SecretBox.createKey(at: path)
    let stale = try store.read { tx in
      try tx.mailAccounts().filter { $0.imap.secretSource == .stored || $0.smtp?.secretSource == .stored }.map(\.name)
    }
    return KeyCreation(path: path, accountsToReset: stale)
  }
}
