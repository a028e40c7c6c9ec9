import EspoMailCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive per-account lock (flock on a file beside the store), so overlapping fetch runs
/// never work on the same account at once. The kernel releases it if the process dies.
final class AccountLock {
  private let descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  /// The folder holding a store's lock files.
  static func directory(forStore storePath: String) -> String { storePath + ".locks" }

  /// Takes the lock without waiting; nil when another process holds it.
  static func acquire(storePath: String, accountID: Int64) throws -> AccountLock? {
    let directory = directory(forStore: storePath)
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let path = directory + "/account-\(accountID).lock"
    let descriptor = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw EspoMailError(.ioError, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    return AccountLock(descriptor: descriptor)
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
