import EspoMailCore
import EspoMailStore
import Foundation

/// What `init` did.
public struct StoreCreation: Codable, Sendable {
  /// Where the store is.
  public var path: String
  /// The first admin's login.
  public var admin: String
}

extension Session {
  /// Creates a store at `path` and makes `login` its first admin, in one go: a failure leaves no file.
  public static func createStore(at path: String, adminLogin login: String, name: String?) throws -> StoreCreation {
    try User.validateLogin(login)
    let store = try Store.create(at: path)
    do {
      try store.write { tx in
        _ = try tx.insertUser(login: login, name: name ?? login, isAdmin: true, isActive: true)
      }
    } catch {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
      throw error
    }
    return StoreCreation(path: path, admin: login)
  }
}
