import EspoMailTestSupport
import Foundation
@testable import EspoMailStore

/// The store the golden JSON cases start from, built once per test process with no mail server:
/// people, teams and roles, three mail accounts (group, personal, inactive), filters, folders,
/// templates, CRM records, cases, imported mail with attachments, notifications, a queued
/// auto-reply, a failed send and a queued send request. Each case runs on its own copy (`clone()`), so cases may change it.
final class GoldenJSONStore: Sendable {
  /// The store, built on first use.
  static let shared = Result { try GoldenJSONStore() }

  /// The populated store.
  let base: TestStore

  private init() throws {
    base = try TestStore()
    try populate()
  }

  /// A copy of the populated store with its key.
  func clone() throws -> TestStore { try TestStore(copying: base) }

  /// The message of Jane Roe at Acme that opens case #1 through `support`.
  static let printerMessage = SampleMessage.make(
    id: "printer-1@acme.example", from: "Jane Roe <jane@acme.example>", to: "support@example.com",
    cc: "Bob Jones <bob@example.com>", subject: "Printer on fire", body: "It smokes.\n",
    date: "Tue, 05 Mar 2024 09:30:00 +0000")

  /// Jane's reply in the same thread.
  static let printerReply = SampleMessage.make(
    id: "printer-2@acme.example", from: "Jane Roe <jane@acme.example>", to: "support@example.com",
    subject: "Re: Printer on fire", body: "Still smoking.\n", date: "Tue, 05 Mar 2024 11:00:00 +0000",
    headers: ["In-Reply-To: <printer-1@acme.example>", "References: <printer-1@acme.example>"])

  /// A lead's message with an inline image and a PDF attachment, HTML only.
  static let invoiceMessage = Array(
    """
    From: Lee Lead <lee@lead.example>\r
    To: support@example.com\r
    Subject: Invoice attached\r
    Message-ID: <invoice-1@lead.example>\r
    Date: Wed, 06 Mar 2024 08:00:00 +0000\r
    Reply-To: billing@lead.example\r
    MIME-Version: 1.0\r
    Content-Type: multipart/related; boundary="b1"\r
    \r
    --b1\r
    Content-Type: text/html; charset=utf-8\r
    \r
    <p>See the logo <img src="cid:logo@lead"> and the invoice.</p>\r
    --b1\r
    Content-Type: image/png\r
    Content-ID: <logo@lead>\r
    Content-Disposition: inline; filename="logo.png"\r
    Content-Transfer-Encoding: base64\r
    \r
    iVBORw0KGgo=\r
    --b1\r
    Content-Type: application/pdf; name="invoice.pdf"\r
    Content-Disposition: attachment; filename="invoice.pdf"\r
    Content-Transfer-Encoding: base64\r
    \r
    JVBERi0xLjQKJcOkw7zDtsOfCg==\r
    --b1--\r

    """.utf8)

  /// A receipt from a shop to alice, which her filter files in Receipts, read.
  static let receiptMessage = SampleMessage.make(
    id: "receipt-1@shop.example", from: "shop@shop.example", to: "alice@example.com", subject: "Your receipt",
    body: "Thank you.\n", date: "Thu, 07 Mar 2024 12:00:00 +0000")

  /// A message without Message-ID or sender name to alice alone, imported by her.
  static let noteMessage = SampleMessage.make(
    id: nil, from: "friend@elsewhere.example", to: "alice@example.com", subject: "Lunch?", body: "At noon.\n",
    date: "Fri, 08 Mar 2024 10:00:00 +0000")

  /// A message from a stranger to alice dated an hour ago, so it notifies her (its date varies by run).
  static func recentMessage() -> [UInt8] {
    SampleMessage.make(
      id: "recent-1@elsewhere.example", from: "Stranger <stranger@elsewhere.example>", to: "alice@example.com",
      subject: "Are you there?", body: "Hello.\n", date: SampleMessage.date(secondsAgo: 3600))
  }

  /// Runs every setup command as the admin unless another login is given, requiring success.
  private func populate() throws {
    try step(["team", "add", "Support"])
    try step(["team", "add", "Sales"])
    try step(["user", "add", "alice", "--name", "Alice Smith", "--email", "alice@example.com"])
    try step(["user", "add", "bob", "--name", "Bob Jones", "--email", "bob@example.com", "--email", "b.jones@example.com"])
    try step(["user", "add", "carol", "--email", "carol@example.com", "--team", "Sales"])
    try step(["team", "member", "add", "Support", "alice", "--position", "L1"])
    try step(["team", "member", "add", "Support", "bob"])
    try step(["role", "create", "Agent"])
    try step([
      "role", "set", "Agent", "email.read=team", "email.edit=own", "case.create=yes", "case.read=team",
      "case.edit=team", "account.read=all", "contact.read=all", "contact.create=yes", "lead.read=all",
      "opportunity.read=all", "case.delete=own", "personal-email-accounts=yes",
    ])
    try step(["user", "role", "add", "alice", "Agent"])
    try step(["user", "role", "add", "bob", "Agent"])
    try step(["template", "add", "ack", "--subject", "We got it: {email.subject}", "--body", "Hello {person.name}, case {case.number} is open."])
    try step(["template", "add", "notice", "--subject", "Notice", "--body", "<p>Hello {user.name}</p>", "--html"])
    try step(["group-folder", "add", "Shared", "--team", "Support"])
    try step(["folder", "add", "Receipts", "--user", "alice", "--skip-notifications"])
    try step(["folder", "add", "Projects", "--user", "alice"])
    try step(
      [
        "account", "add", "support", "--group", "--address", "support@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "1", "--security", "none", "--username", "support", "--password-stdin", "--team", "Support",
        "--smtp-host", "127.0.0.1", "--smtp-port", "1", "--smtp-security", "none", "--sent-folder", "Sent",
        "--fetch-since", "2024-01-01",
      ], stdin: "support-password\n")
    try step([
      "account", "set", "support", "--create-case", "--distribution", "round-robin", "--case-team", "Support",
      "--position", "L1", "--auto-reply", "--reply-template", "ack", "--reply-from-name", "Support Desk",
      "--reply-to", "help@example.com", "--reply-from", "noreply@example.com", "--smtp-shared",
    ])
    try step(
      [
        "account", "add", "alice-mail", "--personal", "--owner", "alice", "--address", "alice@example.com",
        "--imap-host", "127.0.0.1", "--imap-port", "1", "--security", "none", "--username", "alice",
        "--password-stdin", "--smtp-host", "127.0.0.1", "--smtp-port", "1", "--smtp-security", "none",
        "--smtp-username", "alice-smtp",
      ], stdin: "alice-password\n")
    try step(
      [
        "account", "add", "sales", "--group", "--address", "sales@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "1", "--security", "none", "--username", "sales", "--password-command", "cat /dev/null",
        "--folder", "INBOX", "--folder", "Archive", "--keep-unread", "--portion", "50", "--max-size", "2",
        "--team", "Sales",
      ])
    try step([
      "account", "set", "sales", "--inactive", "--create-case", "--distribution", "direct", "--assign-to", "carol",
      "--case-team", "Sales",
    ])
    try step(["user", "set", "carol", "--inactive"])
    try step(
      [
        "account", "add", "bob-mail", "--personal", "--owner", "bob", "--address", "bob@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "1", "--security", "none", "--username", "bob", "--oauth2-token-command", "echo token",
        "--smtp-host", "127.0.0.1", "--smtp-port", "1", "--smtp-security", "none", "--smtp-password-command", "echo pw",
      ])
    // A secret from before admins had to set commands: shown as not set by an admin, and audited.
    try Store(openingAt: base.path, keyFile: base.keyFile).write { tx in
      try tx.db.execute("UPDATE mail_account SET imap_secret_by_admin = 0, smtp_secret_by_admin = 0 WHERE name = 'bob-mail'")
    }
    try step(["filter", "create", "no-spam", "--global", "--from", "*@spam.example", "--action", "skip"])
    try step([
      "filter", "create", "to-shared", "--account", "support", "--subject", "*invoice*", "--action",
      "move-to-group-folder", "--folder", "Shared",
    ])
    try step([
      "filter", "create", "receipts", "--user", "alice", "--from", "*@shop.example", "--action", "move-to-folder",
      "--folder", "Receipts", "--mark-read", "--skip-notification",
    ])
    try step([
      "filter", "create", "newsletters", "--user", "alice", "--to", "alice@example.com", "--body-contains", "unsubscribe",
      "--body-contains", "newsletter", "--body-contains-all", "weekly", "--action", "none", "--mark-read",
    ])
    try step(["crm", "account", "add", "Acme Ltd", "--email", "info@acme.example"])
    try step(["crm", "contact", "add", "Jane Roe", "--email", "jane@acme.example", "--account", "account:1"])
    try step(["crm", "lead", "add", "Lee Lead", "--email", "lee@lead.example"])
    try step(["crm", "opportunity", "add", "Acme renewal", "--account", "account:1"])
    try step(["follow", "contact:1", "--user", "alice"])
    try step(["setting", "set", "auto-reply-limit", "3"])
    try step(["outbound", "set-default", "support"])
    try step(["email", "import", "-", "--account", "support"], stdin: Self.printerMessage)
    try step(["email", "import", "-", "--account", "support"], stdin: Self.printerReply)
    try step(["email", "import", "-", "--account", "support"], stdin: Self.invoiceMessage)
    try step(["email", "import", "-", "--account", "alice-mail"], as: "alice", stdin: Self.receiptMessage)
    try step(["email", "import", "-", "--account", "alice-mail"], as: "alice", stdin: Self.noteMessage)
    try step(["email", "import", "-", "--account", "alice-mail"], stdin: Self.recentMessage())
    try step(["case", "create", "Call back", "--contact", "contact:1", "--description", "Wants a call on Monday."])
    try step(["case", "assign", "3", "bob"])
    try step(["case", "status", "3", "pending"])
    try step(["email", "important", "1"], as: "alice")
    try step(["email", "move", "5", "Projects"], as: "alice")
    let failedSend = base.run(
      [
        "send", "--from", "alice@example.com", "--to", "jane@acme.example", "--subject", "Quote", "--body",
        "Here is the quote.", "--parent", "contact:1", "--timeout", "2",
      ], as: "alice")
    guard failedSend.status == 69 else { throw TestSupportError("the send to port 1 exited \(failedSend.status): \(failedSend.stderr)") }
    // A request an agent queued through their own role (PostgreSQL's way), for the service's next pass.
    try Store(openingAt: base.path, keyFile: base.keyFile).write { tx in
      guard let alice = try tx.userID(login: "alice") else { throw TestSupportError("alice is missing") }
      _ = try tx.insertSendRequest(
        StoredSendRequest(
          requestedByUserID: alice, from: "alice@example.com", to: ["jane@acme.example"], cc: [], bcc: ["boss@example.com"],
          subject: "Follow-up", body: "Any news?", parent: nil, replyToEmailID: nil, attachments: []))
    }
  }

  /// Runs one setup command and requires success.
  private func step(_ arguments: [String], as login: String? = nil, stdin: [UInt8]) throws {
    try step(arguments, as: login, stdin: String(decoding: stdin, as: UTF8.self))
  }

  /// Runs one setup command and requires success.
  private func step(_ arguments: [String], as login: String? = nil, stdin: String = "") throws {
    let result = base.run(arguments, as: login, stdin: stdin)
    guard result.status == 0 else {
      throw TestSupportError("\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
    }
  }
}
