import EspoMailCore
import Synchronization

/// Connections to one PostgreSQL store, opened as needed and kept for reuse; a connection is used
/// by one thread at a time, handed out and taken back under the pool's lock.
final class PostgresPool: Sendable {
  /// The libpq connection URI.
  let uri: String
  private let idle: Mutex<[PostgresConnection]> = Mutex([])
  /// The process's account leases, on a connection of their own.
  let accountLocks: PostgresAccountLocks

  /// A pool for `uri`; connects only when asked.
  init(uri: String) {
    self.uri = uri
    accountLocks = PostgresAccountLocks(uri: uri)
  }

  /// Runs `body` with a connection of the pool, or a new one; the connection goes back to the pool
  /// unless it broke or was left inside a transaction.
  func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
    let connection = try idle.withLock { $0.popLast() } ?? PostgresConnection(connecting: uri)
    defer {
      if connection.isUsable { idle.withLock { $0.append(connection) } }
    }
    return try body(connection)
  }
}
