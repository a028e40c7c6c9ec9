import EspoMailCore
import Synchronization

/// The account leases one `fetch --watch` process holds for as long as it watches its accounts,
/// so that `fetch` runs and other watch processes leave those accounts alone, and take them over
/// once this process dies (the kernel or the database server releases its locks).
///
/// SQLite: a lock file per account, exactly as `fetch` takes. PostgreSQL: session advisory locks
/// on the one connection the process keeps for its leases (`Store.leaseAccount` takes its locks
/// there too), so that a thousand watched accounts take one server backend rather than a
/// thousand; should that connection break, every lock is gone at once, which `isIntact` finds out.
public final class WatchLeases: Sendable {
  private let store: Store
  /// The generation of the locks' connection the leases were taken on (PostgreSQL); nil until
  /// the first lease.
  private let generation: Mutex<Int?> = Mutex(nil)
  /// Whether a lease was lost (its connection broke, and every lock on it with it).
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
  /// locks' connection is the one they were taken on and still answers.
  public func isIntact() -> Bool {
    guard store.engine == .postgresql else { return true }
    guard !broken.load(ordering: .relaxed) else { return false }
    guard let taken = generation.withLock({ $0 }) else { return true }
    let held = store.postgresPool.accountLocks.areHeld(since: taken)
    if !held { broken.store(true, ordering: .relaxed) }
    return held
  }

  private func advisoryLease(_ accountID: Int64) throws -> AccountLease? {
    let lease: (lease: AccountLease, generation: Int)?
    do {
      lease = try store.advisoryLease(accountID)
    } catch {
      broken.store(true, ordering: .relaxed)
      throw error
    }
    guard let lease else { return nil }
    let first = generation.withLock { first in
      if first == nil { first = lease.generation }
      return first
    }
    if first != lease.generation { broken.store(true, ordering: .relaxed) }
    return lease.lease
  }
}
