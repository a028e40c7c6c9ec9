import EspoMailCore
import EspoMailKit
import EspoMailStore
import Foundation

/// A store in a temporary directory into which every input is imported: an admin, a team and a
/// group account with email-to-case (round-robin to the team) and auto-reply, so an import runs
/// the whole pipeline: email row, sharing, linking, case routing, auto-reply queue.
///
/// It is created once per process and replaced by a fresh one every `rotation` inputs, so a long
/// run keeps its speed instead of growing one store without end.
final class ImportHarness {
  /// Inputs imported into one store before it is replaced.
  static let rotation = 20_000
  /// The OS login of the store's admin; the harness acts as it.
  static let login = "fuzz"
  /// The group account imports go through.
  static let account = "support"
  /// A fixed clock, so an input always imports the same way.
  static let now = Date(timeIntervalSince1970: 1_800_000_000)

  /// The session acting on the current store.
  private var session: Session
  /// The temporary directory holding the current store.
  private var directory: URL
  /// Inputs imported into the current store so far.
  private var imports = 0

  /// Creates the first store.
  init() throws {
    (directory, session) = try Self.freshStore()
  }

  /// Removes the current store's directory.
  deinit { try? FileManager.default.removeItem(at: directory) }

  /// The session to import the next input with (on a new store when the current one is full).
  func nextSession() throws -> Session {
    imports += 1
    if imports > Self.rotation {
      try? FileManager.default.removeItem(at: directory)
      (directory, session) = try Self.freshStore()
      imports = 1
    }
    return session
  }

  /// A new store in a new temporary directory, set up, and a session on it as its admin.
  private static func freshStore() throws -> (URL, Session) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("espomail-fuzz-\(getpid())-\(UUID().uuidString)")
    let path = directory.appendingPathComponent("store.sqlite").path
    _ = try Session.createStore(at: path, adminLogin: login, name: nil)
    let session = try Session(store: Store(openingAt: path), operatingSystemLogin: login, actingAs: nil)
    _ = try session.addTeam(account)
    _ = try session.addTeamMember(account, login, position: nil)
    _ = try session.addTemplate(
      name: "received", subject: "Re: {email.subject} [#{case.number}]",
      body: "Dear {person.name} <{person.address}>, case {case.number} ({case.name}) is with {user.name}.",
      isHTML: false)
    var request = AccountRequest(name: account)
    request.kind = .group
    request.address = "support@example.com"
    request.host = "127.0.0.1"
    request.username = "support"
    request.secret = .password("unused")
    request.teams = [account]
    request.createCase = true
    request.distribution = .roundRobin
    request.caseTeam = account
    request.smtpHost = "127.0.0.1"
    request.autoReply = true
    request.replyTemplate = "received"
    _ = try session.addAccount(request)
    return (directory, session)
  }
}
