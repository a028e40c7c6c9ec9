import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A private SMTP server (aiosmtpd under Debian's Python) on 127.0.0.1 for integration tests. It
/// keeps every accepted message with its envelope and exact bytes in a Maildir (see
/// `SMTPSinkScript` for why not aiosmtpd's own Mailbox handler) and has test hooks: recipients
/// `reject-…` get 550 and `defer-…` get 451, senders `reject-…` get 550 at MAIL FROM and
/// `refuse-data-…` get 554 after DATA.
///
/// With `tls`, `port` offers STARTTLS (not required) and `tlsPort` speaks implicit TLS, both with
/// a throwaway self-signed certificate for 127.0.0.1 at `certificatePath`. With `users`, AUTH
/// PLAIN, LOGIN and XOAUTH2 (the token is the password) are offered on every port, also without
/// TLS, and a login is required before MAIL FROM.
///
/// Stopped by its own pid with `stop()`, also on deinit.
public final class SMTPSink: Sendable {
  /// The plain SMTP port (STARTTLS offered when started with `tls`).
  public let port: Int
  /// The implicit-TLS (SMTPS) port when started with `tls`.
  public let tlsPort: Int?
  /// The PEM certificate the server presents (CN and subjectAltName 127.0.0.1) when started with
  /// `tls`; use it as the CA file.
  public let certificatePath: String?
  /// The temporary directory holding the script, configuration, log and Maildir.
  public let directory: String
  /// The running server process, guarded.
  private let process: Mutex<Process?>

  /// Debian's interpreter, which has aiosmtpd (the `python3` first on PATH may not).
  public static let python = "/usr/bin/python3"
  /// Makes the throwaway certificate.
  static let openssl = "/usr/bin/openssl"

  /// Whether Debian's Python and its aiosmtpd are installed.
  public static var isInstalled: Bool { hasAiosmtpd }

  /// `import aiosmtpd` under `python`, tried once per process.
  private static let hasAiosmtpd: Bool = {
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", "import aiosmtpd"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  /// Whether the environment demands real mail servers (the same switch as Dovecot's).
  public static var isRequired: Bool { DovecotServer.isRequired }

  /// Whether tests needing the sink should run: it is installed, or required (and then fail loudly).
  public static var shouldRun: Bool { isInstalled || isRequired }

  /// Starts a fresh sink and waits until it listens (about 0.15 s).
  ///
  /// `users` maps login names to passwords (also accepted as XOAUTH2 tokens); when not empty,
  /// mail is only accepted after a login.
  public static func start(tls: Bool = false, users: [String: String] = [:]) throws -> SMTPSink {
    guard isInstalled else {
      throw SMTPSinkError(
        "aiosmtpd is not installed for \(python)",
        hint: "apt-get install python3-aiosmtpd; tests skip without it unless ESPOMAIL_REQUIRE_MAIL_SERVERS=1")
    }
    if tls, !FileManager.default.isExecutableFile(atPath: openssl) {
      throw SMTPSinkError("openssl is not installed (\(openssl))", hint: "apt-get install openssl")
    }
    let directory = NSTemporaryDirectory() + "espomail-smtp-\(UUID().uuidString.prefix(12).lowercased())"
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let certificate = tls ? directory + "/cert.pem" : nil
      if let certificate {
        try DovecotSetup.makeCertificate(certificate: certificate, key: directory + "/key.pem")
      }
      try writeFiles(in: directory, tls: tls, users: users)
      let process = try launch(in: directory)
      do {
        let ports = try waitUntilReady(process, in: directory)
        return SMTPSink(
          directory: directory, process: process, port: ports.port, tlsPort: ports.tlsPort, certificate: certificate)
      } catch {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw error
      }
    } catch {
      try? FileManager.default.removeItem(atPath: directory)
      throw error
    }
  }

  /// Wraps a started server.
  private init(directory: String, process: Process, port: Int, tlsPort: Int?, certificate: String?) {
    self.directory = directory
    self.process = Mutex(process)
    self.port = port
    self.tlsPort = tlsPort
    self.certificatePath = certificate
  }

  deinit { stop() }

  /// Every message accepted so far, oldest first.
  public func messages() throws -> [DeliveredMessage] {
    let folder = directory + "/mail/new"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return try names.sorted().map { name in
      guard let data = FileManager.default.contents(atPath: folder + "/" + name) else {
        throw SMTPSinkError("cannot read \(folder)/\(name)")
      }
      return try DeliveredMessage.read(file: [UInt8](data))
    }
  }

  /// The messages once there are at least `count`; throws when `timeout` seconds pass first.
  public func waitForMessages(count: Int, timeout: Double = 5) throws -> [DeliveredMessage] {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let delivered = try messages()
      if delivered.count >= count { return delivered }
      guard Date() < deadline else {
        throw SMTPSinkError("the SMTP sink holds \(delivered.count) messages, not \(count), after \(timeout) s")
      }
      usleep(20_000)
    }
  }

  /// Stops the server by its pid and removes the directory. Safe to call twice.
  public func stop() {
    let running = process.withLock { process -> Process? in
      defer { process = nil }
      return process
    }
    guard let running else { return }
    if running.isRunning { kill(running.processIdentifier, SIGKILL) }
    running.waitUntilExit()
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// What the server wrote to stdout and stderr, for failure messages.
  public func logText() -> String {
    (try? String(contentsOfFile: directory + "/sink.log", encoding: .utf8)) ?? ""
  }

  /// Writes the script and its JSON configuration (readable by the owner only: it holds passwords).
  private static func writeFiles(in directory: String, tls: Bool, users: [String: String]) throws {
    try SMTPSinkScript.text.write(toFile: directory + "/sink.py", atomically: true, encoding: .utf8)
    var configuration: [String: Any] = [
      "maildir": directory + "/mail", "ready": directory + "/ready.json", "users": users,
    ]
    if tls {
      configuration["certificate"] = directory + "/cert.pem"
      configuration["key"] = directory + "/key.pem"
    }
    let data = try JSONSerialization.data(withJSONObject: configuration, options: [.sortedKeys])
    let path = directory + "/config.json"
    guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
      throw SMTPSinkError("cannot write \(path)")
    }
  }

  /// Starts the script as a child with its output going to `sink.log`.
  private static func launch(in directory: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [directory + "/sink.py", directory + "/config.json"]
    _ = FileManager.default.createFile(atPath: directory + "/sink.log", contents: nil)
    let log = FileHandle(forWritingAtPath: directory + "/sink.log") ?? FileHandle.nullDevice
    process.standardOutput = log
    process.standardError = log
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Waits for the script's ready file and returns the ports it names.
  private static func waitUntilReady(_ process: Process, in directory: String) throws -> (port: Int, tlsPort: Int?) {
    let deadline = Date().addingTimeInterval(10)
    let readyPath = directory + "/ready.json"
    while Date() < deadline {
      if let data = FileManager.default.contents(atPath: readyPath),
        let ports = try? JSONSerialization.jsonObject(with: data) as? [String: Int], let port = ports["port"]
      {
        return (port, ports["tlsPort"])
      }
      guard process.isRunning else { break }
      usleep(10_000)
    }
    let log = (try? String(contentsOfFile: directory + "/sink.log", encoding: .utf8)) ?? ""
    throw SMTPSinkError("the SMTP sink did not start", hint: "its log says: \(log)")
  }
}
