import EspoMailCore
import EspoMailTestSupport
import Foundation
import Testing

@testable import EspoMailStore

/// Account leases on a PostgreSQL store against a real server: one process's leases share one
/// connection and are busy to its other jobs, another process is kept out until they end, a
/// broken lock connection loses them all and is replaced, and the lock connection logs in with
/// the URI's password.
@Suite(.enabled(if: PostgresServer.shouldRun)) struct PostgresLeaseTests {
  /// The server backends connected to the database at `uri`.
  private func backends(_ server: PostgresServer, _ uri: String) throws -> Int {
    let name = try #require(URL(string: uri)?.lastPathComponent)
    let count = try server.psql("SELECT count(*) FROM pg_stat_activity WHERE datname = '\(name)'")
    return try #require(Int(count.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  @Test func oneProcessesLeasesShareOneConnectionAndAreBusyToItsOtherJobs() throws {
    let server = try PostgresServer.shared.get()
    let directory = try TemporaryDirectory(prefix: "espomail-lease")
    let uri = try server.createDatabase()
    let store = try Store.create(at: uri, keyFile: directory.file("store.key"))
    let before = try backends(server, uri)
    var leases = try (1...5).map { try #require(try store.leaseAccount(Int64($0))) }
    #expect(try backends(server, uri) == before + 1)
    // The lock's session holds account 3 already and would take it again: the process says busy.
    #expect(try store.leaseAccount(3) == nil)

    let otherHost = try Store(openingAt: uri, keyFile: directory.file("store.key"))
    #expect(try otherHost.leaseAccount(3) == nil)
    let six = try #require(try otherHost.leaseAccount(6))
    #expect(try store.leaseAccount(6) == nil)

    leases.remove(at: 2)  // account 3's lease ends
    let three = try #require(try otherHost.leaseAccount(3))
    try withExtendedLifetime((six, three)) { () throws -> Void in
      #expect(try store.leaseAccount(3) == nil)
    }
    leases.removeAll()
    #expect(try otherHost.leaseAccount(1) != nil)
  }

  @Test func aBrokenLockConnectionLosesEveryLeaseAndTheNextOnesTakeANewOne() throws {
    let server = try PostgresServer.shared.get()
    let directory = try TemporaryDirectory(prefix: "espomail-lease")
    let uri = try server.createDatabase()
    let name = try #require(URL(string: uri)?.lastPathComponent)
    let store = try Store.create(at: uri, keyFile: directory.file("store.key"))
    let watches = WatchLeases(store: store)
    let old = try #require(try watches.take(7))
    #expect(watches.isIntact())

    try server.psql(
      """
      SELECT pg_terminate_backend(pid) FROM pg_locks
      WHERE locktype = 'advisory' AND objid = 7 AND database = (SELECT oid FROM pg_database WHERE datname = '\(name)')
      """)
    #expect(!watches.isIntact())
    let otherHost = try Store(openingAt: uri, keyFile: directory.file("store.key"))
    try withExtendedLifetime(old) { () throws -> Void in
      // The server let the lock go with its connection, while this process still has the lease.
      #expect(try otherHost.leaseAccount(7) != nil)
    }
    let renewed = WatchLeases(store: store)
    let lease = try #require(try renewed.take(8))
    try withExtendedLifetime(lease) { () throws -> Void in
      #expect(renewed.isIntact())
      #expect(try otherHost.leaseAccount(8) == nil)
    }
  }

  @Test func theLockConnectionLogsInWithTheURIsPassword() throws {
    let server = try PostgresServer.shared.get()
    let directory = try TemporaryDirectory(prefix: "espomail-lease")
    let uri = try server.createDatabase()
    let role = "lease_\(UInt32.random(in: 1...UInt32.max))"
    try server.psql("CREATE ROLE \(role) LOGIN SUPERUSER PASSWORD 'Secret-42'")
    try server.requirePassword(for: role)
    let withPassword = uri.replacingOccurrences(of: "//espomail@", with: "//\(role):Secret-42@")
    #expect(throws: EspoMailError.self) {
      try Store.create(at: withPassword.replacingOccurrences(of: "Secret-42", with: "wrong"), keyFile: directory.file("k"))
    }
    let store = try Store.create(at: withPassword, keyFile: directory.file("store.key"))
    #expect(!store.path.contains("Secret-42"))
    let watches = WatchLeases(store: store)
    let lease = try #require(try watches.take(9))
    try withExtendedLifetime(lease) { () throws -> Void in
      #expect(watches.isIntact())
      #expect(try store.leaseAccount(10) != nil)
    }
  }
}
