import EspoMailTestSupport
import Foundation
import Testing

/// Real-world mail through the `espomail` binary (`email import`, `email show`, `email attachment`,
/// `explain`, `stream show`): the parsing corpus of Tests/EspoMailMIMETests/Fixtures/corpus
/// (Docs/mail-parsing.md), one message or more per kind of damage, read as a person reads it.
@Suite struct MailParsingImportTests {
  /// The corpus folder in the source tree.
  private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("EspoMailMIMETests/Fixtures/corpus")

  /// Runs the binary on `store` and requires success; returns its stdout as JSON.
  private func json(_ store: TestStore, _ arguments: [String]) throws -> Any {
    let result = try BinaryRunner.run(["--format", "json"] + arguments, environment: store.environment)
    guard result.status == 0 else { throw TestSupportError("\(arguments) exited \(result.status): \(result.stderr)") }
    return try result.json()
  }

  /// Imports corpus file `name` with the binary; returns the email's id.
  private func importCorpus(_ store: TestStore, _ name: String) throws -> Int {
    let object = try #require(try json(store, ["email", "import", Self.corpus.appendingPathComponent(name).path]) as? [String: Any])
    return try #require(object["id"] as? Int)
  }

  /// `email show ID` as a dictionary.
  private func show(_ store: TestStore, _ id: Int) throws -> [String: Any] {
    try #require(try json(store, ["email", "show", "\(id)"]) as? [String: Any])
  }

  @Test("split encoded words, raw 8-bit legacy headers and odd charset names import as written")
  func headersImportAsWritten() throws {
    let store = try TestStore()
    let cases: [(file: String, subject: String, from: String)] = [
      ("split-words/subject-outlook.eml", "Übersicht split words für März", "Anna <anna@example.com>"),
      ("split-words/display-name.eml", "Rechnung", "Jürgen Müller <juergen@example.de>"),
      ("raw-8bit/gb2312.eml", "关于发票的问题请尽快回复", "王小明 <sender@example.com>"),
      ("raw-8bit/koi8-r-undeclared.eml", "Только сегодня: скидки на все товары нашего магазина", "Магазин <promo@example.net>"),
      ("raw-8bit/shift-jis-undeclared.eml", "【重要】お客様のアカウント情報の確認をお願いします", "サポートセンター <promo@example.net>"),
      ("charset-names/name-cp-1251.eml", "Привет из Киева", "Привет из Киева <sender@example.com>"),
      ("charset-names/name-x-unknown.eml", "Заказ задерживается", "Shop <shop@example.com>"),
    ]
    for item in cases {
      let email = try show(store, try importCorpus(store, item.file))
      #expect(email["subject"] as? String == item.subject, "\(item.file)")
      #expect(email["from"] as? String == item.from, "\(item.file)")
    }
    let unknown = try show(store, try importCorpus(store, "charset-names/name-x-unknown.eml"))
    #expect((unknown["bodyPlain"] as? String)?.hasPrefix("Доставка заказа задерживается") == true)
    let attachments = try #require(
      try json(store, ["email", "attachment", "\(try importCorpus(store, "split-words/attachment-name.eml"))"]) as? [[String: Any]])
    #expect(attachments.map { $0["name"] as? String } == ["Übersicht.pdf"])
  }

  @Test("inline parts are listed with their flag and Content-ID, and extract byte for byte")
  func inlinePartsAreAttachments() throws {
    let store = try TestStore()
    let pasted = try importCorpus(store, "inline/outlook-inline-image.eml")
    let listed = try #require(try json(store, ["email", "attachment", "\(pasted)"]) as? [[String: Any]])
    #expect(listed.count == 1)
    #expect(listed.first?["name"] as? String == "image001.png")
    #expect(listed.first?["isInline"] as? Bool == true)
    #expect(listed.first?["contentId"] as? String == "image001.png@01DA0000.00000000")
    let png = try #require(
      Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="))
    let written = try BinaryRunner.bytes(["email", "attachment", "\(pasted)", "1"], environment: store.environment)
    #expect(written.status == 0)
    #expect(written.stdout == [UInt8](png))
    let apple = try importCorpus(store, "inline/apple-inline-file.eml")
    let file = try #require(try json(store, ["email", "attachment", "\(apple)"]) as? [[String: Any]])
    #expect(file.map { $0["name"] as? String } == ["install.log"])
    #expect(file.first?["isInline"] as? Bool == true)
    let log = try BinaryRunner.bytes(["email", "attachment", "\(apple)", "1"], environment: store.environment)
    #expect(String(decoding: log.stdout, as: UTF8.self) == "step 1 ok\r\nstep 2 failed")
    #expect((try show(store, apple)["bodyPlain"] as? String)?.contains("step 2 failed") == false)
  }

  @Test("malformed but readable messages are imported, marked malformed with the reason; junk is still refused")
  func lenientImport() throws {
    let store = try TestStore()
    let cases: [(file: String, subject: String, reasons: [String])] = [
      ("lenient/leading-blank-lines.eml", "Blank lines first", ["leading-blank-lines"]),
      ("lenient/leading-whitespace-lines.eml", "Spaces first", ["leading-blank-lines"]),
      ("lenient/mbox-envelope.eml", "From an mbox", ["mbox-envelope"]),
      ("lenient/first-line-continuation.eml", "Indented first", ["leading-continuation"]),
      ("lenient/no-blank-line.eml", "No blank line", ["no-blank-line-after-header"]),
      ("lenient/mbox-and-blank.eml", "Both at once", ["leading-blank-lines", "mbox-envelope"]),
      ("lenient/byte-order-mark.eml", "Saved by a Windows tool", ["byte-order-mark"]),
      ("lenient/unindented-continuation.eml", "A long subject folded by a broken gateway that continues here", ["unindented-continuation"]),
      ("control/plain.eml", "Printer broken", []),
    ]
    for item in cases {
      let id = try importCorpus(store, item.file)
      let email = try show(store, id)
      #expect(email["subject"] as? String == item.subject, "\(item.file)")
      #expect(email["from"] as? String == "Lee <lee@example.com>", "\(item.file)")
      let explanation = try #require(try json(store, ["explain", "\(id)"]) as? [String: Any])
      let parse = (explanation["decisions"] as? [[String: Any]] ?? []).filter { $0["step"] as? String == "parse" }
      #expect(parse.allSatisfy { $0["outcome"] as? String == "malformed" })
      #expect(parse.compactMap { ($0["detail"] as? String)?.split(separator: ":").first.map(String.init) } == item.reasons, "\(item.file)")
    }
    let noBlank = try show(store, try importCorpus(store, "lenient/no-blank-line.eml"))
    #expect((noBlank["bodyPlain"] as? String)?.hasPrefix("Body five, right after the header\nand more") == true)
    let text = try BinaryRunner.run(
      ["explain", "\(try importCorpus(store, "lenient/leading-blank-lines.eml"))"], environment: store.environment)
    #expect(text.stdout.contains("parse: malformed: leading-blank-lines: blank lines before the header were skipped"))
    #expect((try json(store, ["quarantine", "list"]) as? [Any])?.isEmpty == true)
    let junk = store.directory.file("junk.eml")
    try Data("\n\n   \nthis is no email at all\n".utf8).write(to: URL(fileURLWithPath: junk))
    let refused = try BinaryRunner.run(["email", "import", junk], environment: store.environment)
    #expect(refused.status == 65, "\(refused.stderr)")
  }

  @Test("a From that is not an address keeps its text, and a usable address is recovered when there is one")
  func malformedFromKeepsTheSender() throws {
    let store = try TestStore()
    let cases: [(file: String, from: String)] = [
      ("addresses/name-only.eml", "MAILER-DAEMON"),
      ("addresses/mailer-daemon-angle.eml", "Mail Delivery System <MAILER-DAEMON>"),
      ("addresses/missing-at.eml", "Jane Doe <jane.example.com>"),
      ("addresses/trailing-dot-domain.eml", "Bob <bob@example.com>"),
      ("addresses/trailing-dot-local.eml", "Taro <taro.@docomo.example.jp>"),
      ("addresses/quoted-local-space.eml", "\"John Smith\"@example.com"),
    ]
    for item in cases {
      let email = try show(store, try importCorpus(store, item.file))
      #expect(email["from"] as? String == item.from, "\(item.file)")
    }
  }

  @Test("a reply imported before the email it answers is noted in the stream of the record it then joins")
  func outOfOrderReplyIsNotedInItsNewStream() throws {
    let store = try TestStore()
    _ = try json(store, ["crm", "account", "add", "Acme", "--email", "info@acme.example"])
    _ = try json(store, ["crm", "contact", "add", "Jane", "--email", "jane@acme.example", "--account", "account:1"])
    func message(_ id: String, from: String, subject: String, inReplyTo: String?) throws -> String {
      let lines = [
        "From: \(from)", "To: support@example.com", "Subject: \(subject)", "Date: Tue, 01 Dec 2026 10:00:00 +0000",
        "Message-ID: <\(id)>",
      ] + (inReplyTo.map { ["In-Reply-To: <\($0)>", "References: <\($0)>"] } ?? []) + ["", "text", ""]
      let file = store.directory.file(id + ".eml")
      try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: file))
      return file
    }
    let replyFile = try message("reply@else.example", from: "helper@else.example", subject: "Re: Order", inReplyTo: "order@acme.example")
    let reply = try #require((try json(store, ["email", "import", replyFile]) as? [String: Any])?["id"] as? Int)
    /// The emails `stream show account:1` lists.
    func streamed() throws -> [Int] {
      (try json(store, ["stream", "show", "account:1"]) as? [[String: Any]] ?? []).compactMap { $0["emailID"] as? Int }
    }
    #expect(try streamed().isEmpty)
    let originalFile = try message("order@acme.example", from: "jane@acme.example", subject: "Order", inReplyTo: nil)
    let original = try #require((try json(store, ["email", "import", originalFile]) as? [String: Any])?["id"] as? Int)
    #expect(try streamed().sorted() == [reply, original].sorted())
    #expect(try show(store, reply)["parent"] as? String == "account:1")
  }
}
