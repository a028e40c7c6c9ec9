import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A private PostgreSQL server for tests: `initdb` into a temporary directory, `postgres` on a free
/// port of 127.0.0.1 with its socket in that directory, trust authentication for the `espomail`
/// superuser, durability off (tests never outlive it). Started with `start()`, stopped by its own
/// pid with `stop()` (also on deinit). Each test makes its own database with `createDatabase()`.
public final class PostgresServer: Sendable {
  /// The TCP port on 127.0.0.1.
  public let port: Int
  /// The temporary directory holding the cluster and its socket.
  public let directory: String
  /// The account the server runs as (never root: PostgreSQL refuses it).
  let owner: DovecotOwner
  /// The server's binaries.
  let binaries: String
  private let state: Mutex<(process: Process?, databases: Int)>

  /// The folder of the newest installed PostgreSQL's binaries, or nil.
  public static var binaryFolder: String? {
    let root = "/usr/lib/postgresql"
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }
      .first { FileManager.default.isExecutableFile(atPath: $0 + "/postgres") }
  }

  /// Whether PostgreSQL's server is installed.
  public static var isInstalled: Bool { binaryFolder != nil }

  /// Whether tests needing PostgreSQL should run: it is installed, or required as under CI (and
  /// then a missing server fails loudly).
  public static var shouldRun: Bool { isInstalled || DovecotServer.isRequired }

  /// Starts a fresh server and waits until it accepts connections (about 1-2 s, mostly initdb).
  public static func start() throws -> PostgresServer {
    guard let binaries = binaryFolder else {
      throw DovecotError(
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres)",
        hint: "apt-get install postgresql; tests skip without it unless CI=true")
    }
    let directory = try DovecotSetup.makeDirectory()
    do {
      let owner = try DovecotOwner.current()
      let server = try PostgresServer(
        directory: directory, owner: owner, binaries: binaries, port: try DovecotSetup.freePorts(1)[0])
      try server.launch()
      return server
    } catch {
      try? FileManager.default.removeItem(atPath: directory)
      throw error
    }
  }

  private init(directory: String, owner: DovecotOwner, binaries: String, port: Int) throws {
    self.directory = directory
    self.owner = owner
    self.binaries = binaries
    self.port = port
    self.state = Mutex((nil, 0))
    try owner.take(directory)
    try runAsOwner(
      binaries + "/initdb",
      ["-D", directory + "/data", "-U", "espomail", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
       "--no-instructions"])
  }

  deinit { stop() }

  /// A connection URI for `database`, over TCP to 127.0.0.1.
  public func uri(database: String) -> String { "postgresql://espomail@127.0.0.1:\(port)/\(database)" }

  /// Makes a new database, empty or a copy of the one at `template` (a URI of this server, with no
  /// open connections), and returns its URI.
  public func createDatabase(template: String? = nil) throws -> String {
    let number = state.withLock { state -> Int in
      state.databases += 1
      return state.databases
    }
    let name = "espomail_test_\(number)"
    let copying = template.flatMap { URL(string: $0)?.lastPathComponent }.map { ["--template", $0] } ?? []
    try DovecotCommand.run(
      binaries + "/createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "espomail"] + copying + [name])
    return uri(database: name)
  }

  /// A plain-text dump of the database at `uri` (a URI of this server): every row of every table.
  public func dump(_ uri: String) throws -> String {
    try DovecotCommand.run(binaries + "/pg_dump", ["--data-only", "--dbname", uri])
  }

  /// Runs SQL through psql on `database` as `user` (default: the superuser) and returns what it printed.
  @discardableResult
  public func psql(_ sql: String, database: String = "postgres", user: String = "espomail") throws -> String {
    try DovecotCommand.run(
      "/usr/bin/psql",
      ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-X", "-q", "-A", "-t", "-v",
       "ON_ERROR_STOP=1", "-c", sql])
  }

  /// Makes `role` log in over TCP with its password (SCRAM) instead of trust, as a server set up
  /// for several hosts would: a rule ahead of the others in `pg_hba.conf`, then a reload.
  public func requirePassword(for role: String) throws {
    let path = directory + "/data/pg_hba.conf"
    let rules = try String(contentsOfFile: path, encoding: .utf8)
    // Written in place, so that the file keeps its owner (the server's account).
    try ("host all \(role) 127.0.0.1/32 scram-sha-256\n" + rules).write(toFile: path, atomically: false, encoding: .utf8)
    try psql("SELECT pg_reload_conf()")
  }

  private func launch() throws {
    let process = Process()
    let arguments =
      ["-D", directory + "/data", "-p", "\(port)", "-k", directory, "-c", "listen_addresses=127.0.0.1",
       "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"]
    if owner.needsPrivilegeDrop {
      process.executableURL = URL(fileURLWithPath: DovecotPaths.setpriv)
      process.arguments =
        ["--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups", binaries + "/postgres"] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: binaries + "/postgres")
      process.arguments = arguments
    }
    _ = FileManager.default.createFile(atPath: directory + "/server.log", contents: nil)
    let log = FileHandle(forWritingAtPath: directory + "/server.log") ?? FileHandle.nullDevice
    process.standardOutput = log
    process.standardError = log
    process.standardInput = FileHandle.nullDevice
    try process.run()
    state.withLock { $0.process = process }
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline, process.isRunning {
      if (try? DovecotCommand.run(binaries + "/pg_isready", ["-q", "-h", "127.0.0.1", "-p", "\(port)"])) != nil {
        return
      }
      usleep(50_000)
    }
    let text = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
    stop()
    throw DovecotError("PostgreSQL did not start on 127.0.0.1:\(port)", hint: "its log says: \(text)")
  }

  /// Stops the server (immediate shutdown of the postmaster by pid, which ends its backends) and
  /// removes the directory. Safe to call twice.
  public func stop() {
    let process = state.withLock { state -> Process? in
      defer { state.process = nil }
      return state.process
    }
    if let process, process.isRunning {
      kill(process.processIdentifier, SIGQUIT)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func runAsOwner(_ executable: String, _ arguments: [String]) throws {
    if owner.needsPrivilegeDrop {
      try DovecotCommand.run(
        DovecotPaths.setpriv, ["--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups", executable] + arguments)
    } else {
      try DovecotCommand.run(executable, arguments)
    }
  }
}

extension PostgresServer {
  /// The server shared by every test of this process, stopped when the process exits.
  public static let shared: Result<PostgresServer, any Error> = Result {
    let server = try PostgresServer.start()
    atexit { if case .success(let server) = PostgresServer.shared { server.stop() } }
    return server
  }
}
