import EspoMailCore
import Synchronization

/// The account leases one `fetch --watch` process holds for as long as it watches its accounts,
/// so that `fetch` runs and other watch processes leave those accounts alone, and take them over
/// once this process dies (the kernel or the database server releases its locks).
///
/// SQLite: a lock file per account, exactly as `fetch` takes. PostgreSQL: session advisory locks,
/// all on one connection, so that a thousand watched accounts take one server backend rather
/// than a thousand; should that connection break, every lock is gone at once, which `isIntact`
/// finds out.
public final class WatchLeases: Sendable {
  private let store: Store
  /// The connection holding the PostgreSQL locks; nil on SQLite or until the first lease.
  private let connection: Mutex<PostgresConnection?> = Mutex(nil)
  /// Whether the PostgreSQL connection broke (and every lock on it with it).
  private let broken = Atomic<Bool>(false)

  /// Leases for `store`; nothing is taken until `take`.
  public init(store: Store) { self.store = store }

  /// Takes the account without waiting; nil when another run or watch process holds it.
  public func take(_ accountID: Int64) throws -> AccountLease? {
    switch store.engine {
    case .sqlite: return try store.leaseAccount(accountID)
    case .postgresql: return try advisoryLease(accountID)
    }
  }

  /// Whether every lease handed out is still held: always on SQLite; on PostgreSQL, whether the
  /// locks' connection still answers.
  public func isIntact() -> Bool {
    guard store.engine == .postgresql else { return true }
    guard !broken.load(ordering: .relaxed) else { return false }
    let answered = connection.withLock { held -> Bool in
      guard let held else { return true }
      return (try? held.value(Int64.self, "SELECT 1", [])) == 1
    }
    if !answered { broken.store(true, ordering: .relaxed) }
    return answered
  }

  private func advisoryLease(_ accountID: Int64) throws -> AccountLease? {
    guard let key = Int32(exactly: accountID) else {
      throw EspoMailError(.internalError, "account id \(accountID) is beyond the lease keys")
    }
    let uri = store.path
    let taken = try connection.withLock { held -> Bool in
      let current = try held ?? PostgresConnection(connecting: uri)
      held = current
      do {
        return try current.value(
          Bool.self, "SELECT pg_try_advisory_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))",
          [PostgresLocks.accounts, key]) == true
      } catch {
        broken.store(true, ordering: .relaxed)
        throw error
      }
    }
    guard taken else { return nil }
    return AccountLease { [self] in
      connection.withLock { held in
        _ = try? held?.value(
          Bool.self, "SELECT pg_advisory_unlock(CAST(? AS INTEGER), CAST(? AS INTEGER))", [PostgresLocks.accounts, key])
      }
    }
  }
}
