import EspoMailCore
import Synchronization

/// Connections to one PostgreSQL store, opened as needed and kept for reuse; a connection is used
/// by one thread at a time, handed out and taken back under the pool's lock.
final class PostgresPool: Sendable {
  /// The libpq connection URI.
  let uri: String
  private let idle: Mutex<[PostgresConnection]> = Mutex([])
  /// Connections that held account leases and hold none now, kept apart from `idle` because a
  /// session advisory lock ties its connection up for as long as the lease lasts.
  private let idleForLeases: Mutex<[PostgresConnection]> = Mutex([])

  /// A pool for `uri`; connects only when asked.
  init(uri: String) { self.uri = uri }

  /// Runs `body` with a connection of the pool, or a new one; the connection goes back to the pool
  /// unless it broke or was left inside a transaction.
  func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
    let connection = try idle.withLock { $0.popLast() } ?? PostgresConnection(connecting: uri)
    defer {
      if connection.isUsable { idle.withLock { $0.append(connection) } }
    }
    return try body(connection)
  }

  /// A connection to hold a lease on: one that held an earlier lease, or a new one, so that a
  /// pass over many accounts does not start a server backend per account.
  func leaseConnection() throws -> PostgresConnection {
    try idleForLeases.withLock { $0.popLast() } ?? PostgresConnection(connecting: uri)
  }

  /// Takes back a lease's connection once it holds no lock, unless it broke.
  func releaseLeaseConnection(_ connection: PostgresConnection) {
    if connection.isUsable { idleForLeases.withLock { $0.append(connection) } }
  }
}
