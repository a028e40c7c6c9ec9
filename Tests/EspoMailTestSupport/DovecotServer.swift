import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A private Dovecot IMAP server on 127.0.0.1 for integration tests: plain/STARTTLS on `port`,
/// implicit TLS on `tlsPort` with a throwaway self-signed certificate, passwd-file users with
/// plain passwords (SASL XOAUTH2/OAUTHBEARER accept the password as the token), maildir storage,
/// everything in one temporary directory.
///
/// Started with `start()`, stopped by its own pid with `stop()` (also on deinit). Each test should
/// use its own user, made with `addUser`, so tests can share one server and run in parallel.
public final class DovecotServer: Sendable {
  /// The plain IMAP port (STARTTLS offered).
  public let port: Int
  /// The implicit-TLS IMAPS port.
  public let tlsPort: Int
  /// The PEM certificate the server presents (CN and subjectAltName 127.0.0.1); use it as CA file.
  public let certificatePath: String
  /// The temporary directory holding configuration, logs, state and mail.
  public let directory: String
  /// The generated dovecot.conf.
  let configPath: String
  /// The directory of passwd-files, one per user.
  let usersPath: String
  /// The account Dovecot runs as and mail belongs to.
  let owner: DovecotOwner
  /// The running master process and a counter for scratch directories, guarded.
  private let state: Mutex<DovecotState>

  /// Whether Dovecot and doveadm are installed.
  public static var isInstalled: Bool {
    FileManager.default.isExecutableFile(atPath: DovecotPaths.dovecot)
      && FileManager.default.isExecutableFile(atPath: DovecotPaths.doveadm)
  }

  /// Whether the environment demands real mail servers (`ESPOMAIL_REQUIRE_MAIL_SERVERS=1`, as in CI).
  public static var isRequired: Bool {
    let environment = ProcessInfo.processInfo.environment
    return environment["ESPOMAIL_REQUIRE_MAIL_SERVERS"] == "1" || environment["CI"] == "true"
  }

  /// Whether tests needing Dovecot should run: it is installed, or required (and then fail loudly).
  public static var shouldRun: Bool { isInstalled || isRequired }

  /// Starts a fresh server and waits until it accepts connections (about 0.1 s).
  public static func start() throws -> DovecotServer {
    guard isInstalled else {
      throw DovecotError(
        "Dovecot is not installed (\(DovecotPaths.dovecot), \(DovecotPaths.doveadm))",
        hint: "apt-get install dovecot-imapd; tests skip without it unless ESPOMAIL_REQUIRE_MAIL_SERVERS=1")
    }
    guard FileManager.default.isExecutableFile(atPath: DovecotPaths.openssl) else {
      throw DovecotError("openssl is not installed (\(DovecotPaths.openssl))", hint: "apt-get install openssl")
    }
    // A second attempt covers the rare case of another process taking a probed port first.
    do {
      return try launchFresh()
    } catch {
      return try launchFresh()
    }
  }

  /// Makes a directory, picks ports, writes the configuration and starts the master.
  private static func launchFresh() throws -> DovecotServer {
    let directory = try DovecotSetup.makeDirectory()
    do {
      let owner = try DovecotOwner.current()
      let ports = try DovecotSetup.freePorts(2)
      let server = try DovecotServer(directory: directory, owner: owner, port: ports[0], tlsPort: ports[1])
      try server.launch()
      return server
    } catch {
      try? FileManager.default.removeItem(atPath: directory)
      throw error
    }
  }

  /// Lays out the directory: certificate, users file, configuration.
  private init(directory: String, owner: DovecotOwner, port: Int, tlsPort: Int) throws {
    self.directory = directory
    self.owner = owner
    self.port = port
    self.tlsPort = tlsPort
    self.certificatePath = directory + "/cert.pem"
    self.configPath = directory + "/dovecot.conf"
    self.usersPath = directory + "/users"
    self.state = Mutex(DovecotState())
    let keyPath = directory + "/key.pem"
    try DovecotSetup.makeCertificate(certificate: certificatePath, key: keyPath)
    for sub in ["base", "state", "log", "home", "scratch", "users"] {
      try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
    }
    let config = DovecotConfiguration(
      directory: directory, owner: owner, port: port, tlsPort: tlsPort, certificate: certificatePath, key: keyPath)
    try config.text.write(toFile: configPath, atomically: true, encoding: .utf8)
    try owner.take(directory)
  }

  deinit { stop() }

  /// Runs the master in the foreground as a child and waits for the plain port to accept.
  private func launch() throws {
    let process = Process()
    if owner.needsPrivilegeDrop {
      process.executableURL = URL(fileURLWithPath: DovecotPaths.setpriv)
      process.arguments =
        ["--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups", DovecotPaths.dovecot]
        + ["-F", "-c", configPath]
    } else {
      process.executableURL = URL(fileURLWithPath: DovecotPaths.dovecot)
      process.arguments = ["-F", "-c", configPath]
    }
    let output = FileHandle(forWritingAtPath: directory + "/log/stdout.log") ?? FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    state.withLock { $0.process = process }
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if DovecotSetup.accepts(port: port), DovecotSetup.accepts(port: tlsPort) { return }
      guard process.isRunning else { break }
      usleep(20_000)
    }
    let log = logText()
    stop()
    throw DovecotError("Dovecot did not start listening on 127.0.0.1:\(port)", hint: "its log says: \(log)")
  }

  /// Stops the server and removes the directory. Safe to call twice.
  ///
  /// Dovecot's own orderly shutdown (SIGTERM) takes about 2.5 s, so the master is paused, its
  /// worker processes are listed, and the master and those workers are killed by pid.
  public func stop() {
    let process = state.withLock { state -> Process? in
      defer { state.process = nil }
      return state.process
    }
    guard let process else { return }
    let pid = process.processIdentifier
    if process.isRunning {
      kill(pid, SIGSTOP)
      let workers = DovecotSetup.children(of: pid)
      kill(pid, SIGKILL)
      for worker in workers { kill(worker, SIGKILL) }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Dovecot's logs so far, for failure messages.
  public func logText() -> String {
    let files = ["log/dovecot.log", "log/dovecot-info.log", "log/stdout.log"]
    return files.compactMap { try? String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }
      .joined(separator: "\n")
  }

  /// A number unique within this server, for scratch names.
  func nextSerial() -> Int {
    state.withLock { state in
      state.serial += 1
      return state.serial
    }
  }

}

/// What of a `DovecotServer` changes after start.
struct DovecotState {
  /// The master process while it runs.
  var process: Process?
  /// The last scratch serial handed out.
  var serial = 0
}

/// A failure to start or drive the test Dovecot.
public struct DovecotError: Error, CustomStringConvertible {
  /// What went wrong.
  public let message: String
  /// Where to look or what to install.
  public let hint: String?

  /// Creates an error.
  init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  /// The message and hint.
  public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}
