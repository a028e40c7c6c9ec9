import EspoMailCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive hold on one account for one fetch run, so that overlapping runs, on one host or
/// on many sharing a PostgreSQL store, never fetch the same account at once. Released when the
/// lease is dropped, and by the kernel or the database server when its process dies.
public final class AccountLease: Sendable {
  private let release: @Sendable () -> Void

  /// A lease that runs `release` when dropped.
  init(release: @escaping @Sendable () -> Void) { self.release = release }

  deinit { release() }
}

extension Store {
  /// The folder of an SQLite store's lock files.
  static func lockFolder(forStore path: String) -> String { path + ".locks" }

  /// Takes the account without waiting; nil when another run holds it. SQLite: `flock` on a file
  /// in the folder beside the store. PostgreSQL: a session advisory lock on the one connection
  /// the process keeps for its leases, which the server releases if this host dies.
  public func leaseAccount(_ accountID: Int64) throws -> AccountLease? {
    switch engine {
    case .sqlite: try Self.fileLease(folder: Self.lockFolder(forStore: path), accountID: accountID)
    case .postgresql: try postgresLease(accountID: accountID)
    }
  }

  private static func fileLease(folder: String, accountID: Int64) throws -> AccountLease? {
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let path = folder + "/account-\(accountID).lock"
    let descriptor = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw EspoMailError(.ioError, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    return AccountLease {
      flock(descriptor, LOCK_UN)
      close(descriptor)
    }
  }

  private func postgresLease(accountID: Int64) throws -> AccountLease? {
    try advisoryLease(accountID)?.lease
  }

  /// A PostgreSQL lease: a session advisory lock on the connection the process keeps for its
  /// leases (`PostgresAccountLocks`), with the generation of that connection; nil when another
  /// process, or another job of this one, holds the account.
  func advisoryLease(_ accountID: Int64) throws -> (lease: AccountLease, generation: Int)? {
    guard let key = Int32(exactly: accountID) else {
      throw EspoMailError(.internalError, "account id \(accountID) is beyond the lease keys")
    }
    let locks = postgresPool.accountLocks
    guard let generation = try locks.take(key) else { return nil }
    return (AccountLease { locks.release(key, generation: generation) }, generation)
  }
}
