import EspoMailCLI
import Foundation

/// What one command run printed and returned.
public struct CommandResult: Sendable {
  /// Everything written to stdout.
  public var stdout: String
  /// Everything written to stderr.
  public var stderr: String
  /// The exit status.
  public var status: Int32

  /// A result from its parts (for processes run by tests themselves).
  public init(stdout: String, stderr: String, status: Int32) {
    self.stdout = stdout
    self.stderr = stderr
    self.status = status
  }

  /// Decodes stdout as JSON.
  public func json() throws -> Any {
    try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
  }

  /// stdout decoded as one JSON object.
  public func object() throws -> [String: Any] {
    guard let object = try json() as? [String: Any] else { throw TestSupportError("stdout is not a JSON object: \(stdout)") }
    return object
  }

  /// stdout decoded as a JSON array of objects.
  public func array() throws -> [[String: Any]] {
    guard let array = try json() as? [[String: Any]] else { throw TestSupportError("stdout is not a JSON array: \(stdout)") }
    return array
  }
}

/// An error raised by test support code.
public struct TestSupportError: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String
  /// Creates an error.
  public init(_ description: String) { self.description = description }
}

/// A store, and a way to run espomail commands on it in-process: an SQLite file in a temporary
/// directory, or with `ESPOMAIL_TEST_STORE=postgresql` a fresh database on the test process's
/// PostgreSQL (its key file in the temporary directory), so that one switch runs every store test
/// on either engine (Docs/testing.md).
public final class TestStore: @unchecked Sendable {
  /// The engine the tests of this process run on.
  public static let engine: TestEngine = ProcessInfo.processInfo.environment["ESPOMAIL_TEST_STORE"] == "postgresql"
    ? .postgresql : .sqlite

  /// The directory holding the store (SQLite) or its key file (PostgreSQL).
  public let directory: TemporaryDirectory
  /// The store's path: the SQLite file, or the PostgreSQL URI.
  public let path: String
  /// The file holding the store's sealing key (named as beside an SQLite store on both engines, so
  /// that outputs naming it read the same).
  public var keyFile: String { directory.file("store.sqlite.key") }
  /// The login that created the store (its first admin).
  public let adminLogin: String
  /// The environment that points the espomail binary at this store (and its key file).
  public var environment: [String: String] {
    Self.engine == .sqlite ? ["ESPOMAIL_STORE": path] : ["ESPOMAIL_STORE": path, "ESPOMAIL_KEY_FILE": keyFile]
  }

  /// Creates a directory and, unless `initialise` is false, a store whose first admin is `admin`.
  public init(admin: String = "root", initialise: Bool = true) throws {
    directory = try TemporaryDirectory()
    path =
      Self.engine == .sqlite ? directory.file("store.sqlite") : try PostgresServer.shared.get().createDatabase()
    adminLogin = admin
    if initialise {
      let result = run(["init"], as: admin)
      guard result.status == 0 else { throw TestSupportError("init failed: \(result.stderr)") }
    }
  }

  /// A copy of `original` with its key (and, for SQLite, its WAL and lock files): a new database
  /// made from it as a template on PostgreSQL, copied files on SQLite.
  public init(copying original: TestStore) throws {
    directory = try TemporaryDirectory()
    adminLogin = original.adminLogin
    switch Self.engine {
    case .sqlite:
      path = directory.file("store.sqlite")
      for name in try FileManager.default.contentsOfDirectory(atPath: original.directory.path) {
        try FileManager.default.copyItem(atPath: original.directory.file(name), toPath: directory.file(name))
      }
    case .postgresql:
      path = try PostgresServer.shared.get().createDatabase(template: original.path)
      try FileManager.default.copyItem(atPath: original.keyFile, toPath: keyFile)
    }
  }

  /// Runs a command line in-process as the OS login `login` (default: the admin) on this store.
  @discardableResult
  public func run(
    _ arguments: [String], as login: String? = nil, environment: [String: String] = [:], stdin: String = ""
  ) -> CommandResult {
    let out = Buffer()
    let err = Buffer()
    var env = environment
    env.merge(self.environment) { given, _ in given }
    let status = Entry.run(
      arguments, environment: env, operatingSystemLogin: login ?? adminLogin, stdin: { Array(stdin.utf8) },
      stdout: { out.append($0) },
      stderr: { err.append($0) })
    return CommandResult(stdout: out.text, stderr: err.text, status: status)
  }

  /// Runs a command as JSON (adds `--format json`) and requires success.
  @discardableResult
  public func json(_ arguments: [String], as login: String? = nil) throws -> CommandResult {
    let result = run(arguments + ["--format", "json"], as: login)
    guard result.status == 0 else {
      throw TestSupportError("\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
    }
    return result
  }
}

/// The store engines tests can run on.
public enum TestEngine: String, Sendable {
  /// SQLite files (the default).
  case sqlite
  /// PostgreSQL databases on a private test server.
  case postgresql
}

/// A thread-safe text accumulator.
final class Buffer: @unchecked Sendable {
  private let lock = NSLock()
  private var storage = ""

  /// Appends text.
  func append(_ text: String) { lock.withLock { storage += text } }

  /// Everything appended so far.
  var text: String { lock.withLock { storage } }
}

extension TestStore {
  /// Gives users a role that lets them read their own mail (new users see nothing until given one).
  public func grantOwnMail(_ logins: String...) throws {
    if run(["role", "show", "OwnMail"]).status != 0 {
      try json(["role", "create", "OwnMail"])
      try json(["role", "set", "OwnMail", "email.read=own", "email.edit=own"])
    }
    for login in logins { try json(["user", "role", "add", login, "OwnMail"]) }
  }

  /// Gives users role PersonalMail: sending and fetching through their personal accounts
  /// (personal-email-accounts=yes).
  public func grantPersonalMail(_ logins: String...) throws {
    if run(["role", "show", "PersonalMail"]).status != 0 {
      try json(["role", "create", "PersonalMail"])
      try json(["role", "set", "PersonalMail", "personal-email-accounts=yes"])
    }
    for login in logins { try json(["user", "role", "add", login, "PersonalMail"]) }
  }
}
