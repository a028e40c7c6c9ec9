import EspoMailTestSupport
import Foundation
import Testing

/// `email import` of the fuzz fixtures (`Tests/EspoMailMIMETests/Fixtures/fuzz`) as
/// `FuzzMessageImport` does it: through a group account with email-to-case and auto-reply, then
/// again without the account. Each imports or is refused with a data error; the second import
/// merges into the first.
@Suite struct ImportFuzzFixtureTests {
  /// The folder of the message fuzz fixtures in the source tree.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("EspoMailMIMETests/Fixtures/fuzz")

  /// Every `.eml` fixture name, sorted.
  static func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
  }

  /// A store with a group account `support` that opens cases and auto-replies, as in the fuzz harness.
  private func store() throws -> TestStore {
    let store = try TestStore()
    try store.json(["team", "add", "Support"])
    try store.json(["team", "member", "add", "Support", "root"])
    try store.json(["template", "add", "ack", "--subject", "Re: {email.subject}", "--body", "Hello {person.name}."])
    let added = store.run(
      [
        "account", "add", "support", "--group", "--address", "support@example.com", "--imap-host", "127.0.0.1",
        "--username", "support", "--password-stdin", "--team", "Support", "--smtp-host", "127.0.0.1",
      ], stdin: "unused\n")
    #expect(added.status == 0, "\(added.stderr)")
    try store.json([
      "account", "set", "support", "--create-case", "--distribution", "round-robin", "--case-team", "Support",
      "--auto-reply", "--reply-template", "ack",
    ])
    return store
  }

  @Test func everyFixtureIsThere() throws {
    #expect(try Self.names().count >= 10)
  }

  @Test(arguments: try names())
  func fixtureImportsOnceOrIsRefused(_ name: String) throws {
    let store = try store()
    let file = Self.folder.appendingPathComponent(name).path
    let first = store.run(["email", "import", file, "--account", "support", "--format", "json"])
    #expect(first.status == 0 || first.status == 65, "\(name): \(first.stderr)")
    let again = store.run(["email", "import", file, "--format", "json"])
    #expect(again.status == first.status, "\(name): \(again.stderr)")
    guard first.status == 0, again.status == 0 else { return }
    let id = try first.object()["id"] as? Int
    #expect(try again.object()["id"] as? Int == id, "\(name)")
    #expect(try again.object()["merged"] as? Int == 1, "\(name)")
  }

  /// Found by FuzzMessageImport: an auto-reply to a message whose Message-ID has no closing `>`
  /// could not be composed, and the whole import failed with it.
  @Test func unclosedMessageIDIsImportedAndAnsweredWithoutThreadingIDs() throws {
    let store = try store()
    let file = Self.folder.appendingPathComponent("import-unclosed-message-id-auto-reply.eml").path
    let imported = try store.json(["email", "import", file, "--account", "support"]).object()
    let id = try #require(imported["id"] as? Int)
    let decisions = try store.json(["explain", "\(id)"]).object()["decisions"] as? [[String: Any]] ?? []
    #expect(decisions.contains { $0["step"] as? String == "auto-reply" && $0["outcome"] as? String == "queued" })
  }
}
