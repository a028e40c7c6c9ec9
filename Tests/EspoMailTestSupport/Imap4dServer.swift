import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A private GNU Mailutils `imap4d` on 127.0.0.1 for integration tests: a second IMAP server
/// implementation beside Dovecot. Its set-up is Mailutils' default apart from where things are:
/// GNU SASL on, so it advertises GSSAPI, CRAM-MD5, DIGEST-MD5 and SCRAM it cannot serve without a
/// keytab or a CRAM password file (the case libcurl's own choice of mechanism fails), users
/// `NAME@example.com` from a virtual-domain passwd file with crypt passwords, maildir folders. It
/// renumbers a folder and gives it a new UIDVALIDITY when mail arrives in an order it does not
/// expect, a robustness case for the fetch.
///
/// Runs as `nobody` when started by root, like `DovecotServer`; stopped by its own pid.
public final class Imap4dServer: Sendable {
  /// The plain IMAP port.
  public let port: Int
  /// The PEM certificate of a TLS-requiring server (CN and subjectAltName 127.0.0.1); use it as CA file.
  public let certificatePath: String?
  /// The temporary directory holding configuration, users and mail.
  public let directory: String
  /// The account imap4d runs as and mail belongs to.
  let owner: DovecotOwner
  /// The running daemon, guarded; also serialises writes to the users file.
  private let state: Mutex<Process?>

  /// The daemon's path on Debian (package mailutils-imap4d).
  static let executable = "/usr/sbin/imap4d"

  /// Whether imap4d is installed.
  public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

  /// Whether tests needing imap4d should run: it is installed, or required (and then fail loudly).
  public static var shouldRun: Bool { isInstalled || DovecotServer.isRequired }

  /// Starts a fresh server and waits until it accepts connections. With `tlsRequired` it takes
  /// logins only after STARTTLS (Mailutils' `tls-mode required`: it advertises XTLSREQUIRED and
  /// answers a plain LOGIN with "NO LOGIN Command disabled").
  public static func start(tlsRequired: Bool = false) throws -> Imap4dServer {
    guard isInstalled else {
      throw DovecotError(
        "GNU Mailutils imap4d is not installed (\(executable))",
        hint: "apt-get install mailutils-imap4d; tests skip without it unless ESPOMAIL_REQUIRE_MAIL_SERVERS=1")
    }
    do {
      return try launchFresh(tlsRequired: tlsRequired)
    } catch {
      return try launchFresh(tlsRequired: tlsRequired)
    }
  }

  /// Makes a directory, picks a port, writes the configuration and starts the daemon.
  private static func launchFresh(tlsRequired: Bool) throws -> Imap4dServer {
    let directory = try DovecotSetup.makeDirectory()
    do {
      let server = try Imap4dServer(
        directory: directory, owner: try DovecotOwner.current(), port: try DovecotSetup.freePorts(1)[0],
        tlsRequired: tlsRequired)
      try server.launch()
      return server
    } catch {
      try? FileManager.default.removeItem(atPath: directory)
      throw error
    }
  }

  /// Lays out the directory: users, homes, configuration.
  private init(directory: String, owner: DovecotOwner, port: Int, tlsRequired: Bool) throws {
    self.directory = directory
    self.owner = owner
    self.port = port
    self.state = Mutex(nil)
    certificatePath = tlsRequired ? directory + "/cert.pem" : nil
    var tls = ""
    if let certificatePath {
      try DovecotSetup.makeCertificate(certificate: certificatePath, key: directory + "/key.pem")
      tls = """
        tls-file-checks { key-file none; cert-file none; ca-file none; };
        tls { ssl-certificate-file \(certificatePath); ssl-key-file \(directory)/key.pem; };
        """
    }
    for sub in ["users", "home", "log"] {
      try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
    }
    FileManager.default.createFile(atPath: directory + "/users/example.com", contents: Data())
    let config = """
      logging { syslog false; };
      auth { authentication generic; authorization virtdomain; };
      virtdomain { passwd-dir \(directory)/users; };
      namespace personal { prefix "" { directory "\(directory)/home/${user}/Maildir"; mailbox-type maildir; }; };
      \(tls)
      server 127.0.0.1:\(port) { \(tlsRequired ? "tls-mode required;" : "") };
      mode daemon;
      foreground true;
      max-children 500;
      pidfile \(directory)/imap4d.pid;

      """
    try config.write(toFile: directory + "/imap4d.conf", atomically: true, encoding: .utf8)
    try owner.take(directory)
  }

  deinit { stop() }

  /// Runs the daemon in the foreground as a child and waits for its port to accept.
  private func launch() throws {
    let process = Process()
    let arguments = ["--config-file=\(directory)/imap4d.conf"]
    if owner.needsPrivilegeDrop {
      process.executableURL = URL(fileURLWithPath: DovecotPaths.setpriv)
      process.arguments = ["--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups", Self.executable] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: Self.executable)
      process.arguments = arguments
    }
    FileManager.default.createFile(atPath: directory + "/log/stderr.log", contents: Data())
    let output = FileHandle(forWritingAtPath: directory + "/log/stderr.log") ?? FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    state.withLock { $0 = process }
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if DovecotSetup.accepts(port: port) { return }
      guard process.isRunning else { break }
      usleep(20_000)
    }
    let log = logText()
    stop()
    throw DovecotError("imap4d did not start listening on 127.0.0.1:\(port)", hint: "its log says: \(log)")
  }

  /// Stops the daemon and its session processes by pid, and removes the directory. Safe twice.
  public func stop() {
    let process = state.withLock { current -> Process? in
      defer { current = nil }
      return current
    }
    guard let process else { return }
    let pid = process.processIdentifier
    if process.isRunning {
      kill(pid, SIGSTOP)
      let workers = DovecotSetup.children(of: pid)
      kill(pid, SIGKILL)
      for worker in workers {
        for session in DovecotSetup.children(of: worker) { kill(session, SIGKILL) }
        kill(worker, SIGKILL)
      }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// The daemon's log so far, for failure messages.
  public func logText() -> String {
    (try? String(contentsOfFile: directory + "/log/stderr.log", encoding: .utf8)) ?? ""
  }

  /// Adds a user with a password (SHA-512 crypt in the virtual domain's passwd file) and returns
  /// the login name, `NAME@example.com`.
  public func addUser(_ name: String, password: String) throws -> String {
    guard !name.isEmpty, !name.contains(where: { ":/@\n\r\t ".contains($0) }), !password.contains(where: \.isNewline)
    else { throw DovecotError("a test user name cannot contain ':', '/', '@' or blanks, nor a password line breaks") }
    let hash = try DovecotCommand.run(DovecotPaths.openssl, ["passwd", "-6", "-stdin"], input: Data((password + "\n").utf8))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let home = directory + "/home/" + name
    try FileManager.default.createDirectory(atPath: home + "/Maildir", withIntermediateDirectories: true)
    try owner.take(home)
    let line = "\(name):\(hash):\(owner.uid):\(owner.gid)::\(home):/bin/sh\n"
    try state.withLock { _ in
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/users/example.com"))
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(line.utf8))
    }
    try openInbox(of: name + "@example.com", password: password)
    return name + "@example.com"
  }
}
