import EspoMailCore
import Synchronization

/// The account leases one process holds on a PostgreSQL store: session advisory locks, all on one
/// connection kept for them, so that leases take one server backend per process rather than one
/// per job (Docs/postgresql.md, "Connections"). The server releases them all when that connection
/// breaks or the process dies. A session may take a lock it holds again (such locks count), so
/// the keys this process holds are kept here too, and a key held is busy to the rest of the process.
final class PostgresAccountLocks: Sendable {
  private struct Session {
    /// The connection holding the locks; nil before the first lock and after it broke.
    var connection: PostgresConnection?
    /// How many connections have held the locks: locks taken on an earlier one went with it.
    var generation = 0
    /// The keys this process holds.
    var held: Set<Int32> = []
  }

  private let uri: String
  private let session = Mutex(Session())

  /// Locks on the store at `uri`; connects at the first lock.
  init(uri: String) { self.uri = uri }

  /// Takes the lock on `key` without waiting. Returns the generation of the connection holding
  /// it, for `release` and `areHeld`, or nil when another process or this one holds it.
  func take(_ key: Int32) throws -> Int? {
    guard session.withLock({ $0.held.insert(key).inserted }) else { return nil }
    let generation: Int?
    do {
      generation = try lock(key)
    } catch {
      session.withLock { _ = $0.held.remove(key) }
      throw error
    }
    if generation == nil { session.withLock { _ = $0.held.remove(key) } }
    return generation
  }

  /// What one try at a lock found.
  private enum Attempt {
    case taken(generation: Int)
    case busy
    /// The connection broke while this job connected or waited: connect again.
    case noConnection
  }

  /// Asks the server for the lock on the locks' connection, connecting first when there is none:
  /// outside the mutex, so that a server that does not answer holds up each job for its own
  /// attempt only, as a connection per lease did.
  private func lock(_ key: Int32) throws -> Int? {
    for _ in 0..<3 {
      if session.withLock({ $0.connection == nil }) {
        let fresh = try PostgresConnection(connecting: uri)
        session.withLock { session in
          guard session.connection == nil else { return }  // another job connected first
          session.connection = fresh
          session.generation += 1
        }
      }
      let attempt = try session.withLock { session -> Attempt in
        guard let connection = session.connection else { return .noConnection }
        do {
          let taken = try connection.value(
            Bool.self, "SELECT pg_try_advisory_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))",
            [PostgresLocks.accounts, key])
          return taken == true ? .taken(generation: session.generation) : .busy
        } catch {
          if !connection.isUsable { session.connection = nil }
          throw error
        }
      }
      switch attempt {
      case .taken(let generation): return generation
      case .busy: return nil
      case .noConnection: continue
      }
    }
    throw EspoMailError(
      .ioError, "the PostgreSQL connection holding the account leases broke as soon as it was made",
      hint: "check that the server is running and accepts this host's connections")
  }

  /// Gives up the lock on `key` taken on connection `generation`; a lock whose connection broke
  /// is gone already.
  func release(_ key: Int32, generation: Int) {
    session.withLock { session in
      session.held.remove(key)
      guard session.generation == generation, let connection = session.connection else { return }
      let unlocked = try? connection.value(
        Bool.self, "SELECT pg_advisory_unlock(CAST(? AS INTEGER), CAST(? AS INTEGER))", [PostgresLocks.accounts, key])
      if unlocked == nil, !connection.isUsable { session.connection = nil }
    }
  }

  /// Whether the locks taken on connection `generation` are still held: that connection still
  /// holds them and answers.
  func areHeld(since generation: Int) -> Bool {
    session.withLock { session in
      guard session.generation == generation, let connection = session.connection else { return false }
      guard (try? connection.value(Int64.self, "SELECT 1", [])) == 1 else {
        if !connection.isUsable { session.connection = nil }
        return false
      }
      return true
    }
  }
}
