import Foundation

/// The IMAP server implementations the cross-server tests run against.
public enum IMAPServerKind: String, CaseIterable, Sendable, CustomStringConvertible {
  /// Dovecot (`DovecotServer`).
  case dovecot
  /// GNU Mailutils imap4d (`Imap4dServer`).
  case imap4d

  /// The name in test output.
  public var description: String { rawValue }

  /// Whether tests on this server should run: installed, or required (and then fail loudly).
  public var shouldRun: Bool {
    switch self {
    case .dovecot: DovecotServer.shouldRun
    case .imap4d: Imap4dServer.shouldRun
    }
  }
}

/// One test user's mailbox on either server: its login and password, and mail put in and
/// counted through that server's own means.
public struct LabMailbox: Sendable {
  /// The login name (`NAME` on Dovecot, `NAME@example.com` on imap4d).
  public let login: String
  /// The password.
  public let password: String
  /// Where it lives.
  let server: ServerLab.Server

  /// Delivers messages to a folder (made if missing), in order.
  public func deliver(_ messages: [[UInt8]], folder: String = "INBOX") throws {
    switch server {
    case .dovecot(let dovecot):
      for message in messages { try dovecot.deliver(message, to: login, folder: folder) }
    case .imap4d(let imap4d):
      try imap4d.deliver(messages, to: login, password: password, folder: folder)
    }
  }

  /// Creates a folder.
  public func createFolder(_ folder: String) throws {
    switch server {
    case .dovecot(let dovecot): try dovecot.createFolder(folder, for: login)
    case .imap4d(let imap4d): try imap4d.createFolder(folder, for: login, password: password)
    }
  }

  /// Deletes a folder and its mail (created again, it has a new UIDVALIDITY).
  public func deleteFolder(_ folder: String) throws {
    switch server {
    case .dovecot(let dovecot): try dovecot.deleteFolder(folder, for: login)
    case .imap4d(let imap4d): try imap4d.deleteFolder(folder, for: login, password: password)
    }
  }

  /// How many messages a folder holds.
  public func messageCount(folder: String = "INBOX") throws -> Int {
    switch server {
    case .dovecot(let dovecot): try dovecot.messageCount(of: login, folder: folder)
    case .imap4d(let imap4d): try imap4d.messageCount(of: login, password: password, folder: folder)
    }
  }

  /// How many messages of a folder lack `\Seen`.
  public func unseenCount(folder: String = "INBOX") throws -> Int {
    switch server {
    case .dovecot(let dovecot): try dovecot.unseenCount(of: login, folder: folder)
    case .imap4d(let imap4d): try imap4d.unseenCount(of: login, password: password, folder: folder)
    }
  }
}

/// A store plus a mailbox server of either kind, shared by the tests of one process: the
/// cross-server counterpart of `MailLab`.
public final class ServerLab: @unchecked Sendable {
  /// A running server of either kind.
  enum Server: Sendable {
    /// The process's shared Dovecot.
    case dovecot(DovecotServer)
    /// The process's shared imap4d.
    case imap4d(Imap4dServer)
  }

  /// The imap4d shared by every lab in this test process, stopped when the process exits.
  public static let imap4d: Result<Imap4dServer, any Error> = Result {
    let server = try Imap4dServer.start()
    atexit { if case .success(let server) = ServerLab.imap4d { server.stop() } }
    return server
  }

  /// Which server this lab uses.
  public let kind: IMAPServerKind
  /// The running server.
  let server: Server
  /// The store the lab's commands run on.
  public let store: TestStore
  private let prefix = "s" + UUID().uuidString.prefix(8).lowercased()

  /// A fresh store on the process's shared server of `kind`.
  public init(_ kind: IMAPServerKind) throws {
    self.kind = kind
    switch kind {
    case .dovecot: server = .dovecot(try MailLab.server.get())
    case .imap4d: server = .imap4d(try Self.imap4d.get())
    }
    store = try TestStore()
  }

  /// The server's plain IMAP port.
  public var port: Int {
    switch server {
    case .dovecot(let dovecot): dovecot.port
    case .imap4d(let imap4d): imap4d.port
    }
  }

  /// The server's log, for failure messages.
  public func serverLog() -> String {
    switch server {
    case .dovecot(let dovecot): dovecot.logText()
    case .imap4d(let imap4d): imap4d.logText()
    }
  }

  /// A fresh mailbox (password "pw-" + its name).
  public func mailbox(_ name: String) throws -> LabMailbox {
    let user = "\(prefix)-\(name)"
    let password = "pw-\(user)"
    switch server {
    case .dovecot(let dovecot):
      try dovecot.addUser(user, password: password)
      return LabMailbox(login: user, password: password, server: server)
    case .imap4d(let imap4d):
      return LabMailbox(login: try imap4d.addUser(user, password: password), password: password, server: server)
    }
  }

  /// Adds a group account (as the admin) for a mailbox over plain IMAP on loopback; extra
  /// arguments go to `account add`.
  @discardableResult
  public func addAccount(_ name: String, mailbox: LabMailbox, extra: [String] = []) -> CommandResult {
    store.run(
      [
        "account", "add", name, "--group", "--address", "\(name)@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "\(port)", "--security", "none", "--username", mailbox.login, "--password-stdin",
      ] + extra, stdin: mailbox.password + "\n")
  }

  /// Runs `fetch` with JSON output and returns the per-account reports by name, and the status.
  public func fetch(_ arguments: [String] = ["--all"]) throws
    -> (accounts: [String: [String: Any]], status: Int32, result: CommandResult)
  {
    let result = store.run(["fetch"] + arguments + ["--format", "json"])
    let report = try result.object()
    var byName: [String: [String: Any]] = [:]
    for account in (report["accounts"] as? [[String: Any]]) ?? [] { byName[account["name"] as? String ?? ""] = account }
    return (byName, result.status, result)
  }
}
