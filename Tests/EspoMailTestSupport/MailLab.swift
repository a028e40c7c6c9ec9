import Foundation

/// A store plus a private Dovecot shared by the tests of one process; each lab gets fresh
/// mailbox users, so tests never share a mailbox.
public final class MailLab: @unchecked Sendable {
  /// The Dovecot shared by every lab in this test process, stopped when the process exits.
  public static let server: Result<DovecotServer, any Error> = Result {
    let server = try DovecotServer.start()
    atexit { if case .success(let server) = MailLab.server { server.stop() } }
    return server
  }

  /// The running server.
  public let dovecot: DovecotServer
  /// The store the lab's commands run on.
  public let store: TestStore
  private let prefix = "u" + UUID().uuidString.prefix(8).lowercased()

  /// A fresh store on the shared server, or on `server` for tests that must not disturb others.
  public init(server: DovecotServer? = nil) throws {
    dovecot = try server ?? Self.server.get()
    store = try TestStore()
  }

  /// A fresh mailbox user name (with the password "pw-" + name).
  public func mailbox(_ name: String) throws -> String {
    let user = "\(prefix)-\(name)"
    try dovecot.addUser(user, password: "pw-\(user)")
    return user
  }

  /// Adds an account for a mailbox (as the admin); extra arguments go to `account add`. A personal
  /// account's address (the mailbox's) is not its owner's, which the admin accepts explicitly.
  /// `port` points the account elsewhere than the server's own port (a proxy in front of it).
  @discardableResult
  public func addAccount(
    _ name: String, mailbox: String, kind: [String] = ["--group"], security: String = "none",
    password: String? = nil, port: Int? = nil, extra: [String] = []
  ) -> CommandResult {
    let port = port ?? (security == "tls" ? dovecot.tlsPort : dovecot.port)
    return store.run(
      ["account", "add", name] + kind + [
        "--address", "\(mailbox)@example.com", "--imap-host", "127.0.0.1", "--imap-port", "\(port)",
        "--security", security, "--username", mailbox, "--password-stdin",
      ] + (kind.contains("--personal") ? ["--allow-unowned-address"] : []) + extra,
      stdin: (password ?? "pw-\(mailbox)") + "\n")
  }

  /// Runs `fetch` with JSON output and returns the per-account reports by name, and the status.
  public func fetch(_ arguments: [String] = ["--all"], as login: String? = nil, environment: [String: String] = [:])
    throws -> (accounts: [String: [String: Any]], status: Int32, result: CommandResult)
  {
    let result = store.run(["fetch"] + arguments + ["--format", "json"], as: login, environment: environment)
    let report = try result.object()
    let accounts = (report["accounts"] as? [[String: Any]]) ?? []
    var byName: [String: [String: Any]] = [:]
    for account in accounts { byName[account["name"] as? String ?? ""] = account }
    return (byName, result.status, result)
  }
}
