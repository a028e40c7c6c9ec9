import EspoMailCore
import Foundation

/// One message waiting in, or passed through, the outbox.
public struct OutboxEntry: Sendable {
  /// Store id.
  public var id: Int64
  /// Unique key: a retry of the same intent finds the same row and never sends twice.
  public var key: String
  /// What it is.
  public var kind: OutboxKind
  /// The account whose SMTP sends it.
  public var accountID: Int64?
  /// The email it is (sent mail) or answers (auto-replies).
  public var emailID: Int64?
  /// Envelope sender.
  public var mailFrom: String
  /// Envelope recipients.
  public var recipients: [String]
  /// The composed message.
  public var raw: [UInt8]
  /// Where it stands.
  public var status: OutboxStatus
}

extension Transaction {
  /// Queues a message once per key; returns its id, or nil when the key was queued before.
  @discardableResult
  public func enqueueOutbox(
    key: String, kind: OutboxKind, accountID: Int64?, emailID: Int64?, inReplyTo: Int64?, mailFrom: String,
    recipients: [String], raw: [UInt8]
  ) throws -> Int64? {
    return try db.insertIfAbsent("""
        INSERT INTO outbox(idempotency_key, kind, account_id, email_id, in_reply_to_email_id, mail_from,
          recipients, raw)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """, [
        key, kind.rawValue, accountID, emailID, inReplyTo, mailFrom,
        String(decoding: (try? JSONEncoder().encode(recipients)) ?? Data("[]".utf8), as: UTF8.self), Data(raw),
      ])
  }

  /// Queued messages of a kind answering one of `emailIDs`, oldest first.
  public func queuedOutbox(kind: OutboxKind, answering emailIDs: [Int64]) throws -> [OutboxEntry] {
    guard !emailIDs.isEmpty else { return [] }
    var arguments: SQLArguments = [kind.rawValue]
    arguments += SQLArguments(emailIDs.map(\.sqlValue))
    return try db.rows("""
        SELECT * FROM outbox WHERE status = 'queued' AND kind = ?
          AND in_reply_to_email_id IN (\(SQLArguments.placeholders(emailIDs.count))) ORDER BY id
        """, arguments).map(Self.entry)
  }

  /// Every queued message of a kind, oldest first.
  public func queuedOutbox(kind: OutboxKind) throws -> [OutboxEntry] {
    try db.rows("SELECT * FROM outbox WHERE status = 'queued' AND kind = ? ORDER BY id", [kind.rawValue]).map(Self.entry)
  }

  /// Queued messages of a kind answering emails an account fetched, oldest first.
  public func queuedOutbox(kind: OutboxKind, answeringMailOf accountID: Int64) throws -> [OutboxEntry] {
    try db.rows("""
        SELECT * FROM outbox WHERE status = 'queued' AND kind = ?
          AND in_reply_to_email_id IN (SELECT email_id FROM email_mail_account WHERE account_id = ?) ORDER BY id
        """, [kind.rawValue, accountID]).map(Self.entry)
  }

  /// Claims a queued message for sending (committed before the SMTP transfer starts, so a crash
  /// mid-send leaves it `sending`, never sent again automatically); false when another run has it.
  public func claimOutboxEntry(id outboxID: Int64) throws -> Bool {
    return try db.execute("UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'queued'", [outboxID]) > 0
  }

  /// Records how sending went.
  public func finishOutboxEntry(id outboxID: Int64, error: String?) throws {
    try db.execute("""
        UPDATE outbox SET status = ?, last_error = ?,
          sent_at = CASE WHEN CAST(?2 AS TEXT) IS NULL THEN ?3 ELSE sent_at END
        WHERE id = ?4
        """, [(error == nil ? OutboxStatus.sent : .failed).rawValue, error, Self.now, outboxID])
  }

  /// Outbox messages, newest first: with a status only those, else all; at most `limit`.
  public func outboxMessages(status: OutboxStatus?, limit: Int) throws -> [OutboxMessage] {
    try db.rows("""
        SELECT o.*, a.name AS account_name FROM outbox o LEFT JOIN mail_account a ON a.id = o.account_id
        WHERE CAST(?1 AS TEXT) IS NULL OR o.status = ?1 ORDER BY o.id DESC LIMIT ?2
        """, [status?.rawValue, limit]).map(Self.outboxMessage)
  }

  /// One outbox message by id, or nil.
  public func outboxMessage(id: Int64) throws -> OutboxMessage? {
    try db.row("SELECT o.*, a.name AS account_name FROM outbox o LEFT JOIN mail_account a ON a.id = o.account_id WHERE o.id = ?", [id]).map(Self.outboxMessage)
  }

  /// Puts a failed (or claimed but unconfirmed) message back in the queue; false when its status
  /// was neither.
  public func requeueOutboxEntry(id outboxID: Int64) throws -> Bool {
    return try db.execute("UPDATE outbox SET status = 'queued' WHERE id = ? AND status IN ('failed', 'sending')", [outboxID]) > 0
  }

  /// A queued message with its bytes, by id, or nil when it is not queued.
  public func queuedEntry(id: Int64) throws -> OutboxEntry? {
    try db.row("SELECT * FROM outbox WHERE id = ? AND status = 'queued'", [id]).map(Self.entry)
  }

  private static func outboxMessage(_ row: SQLRow) -> OutboxMessage {
    OutboxMessage(
      id: row["id"], kind: kind(row), account: row["account_name"], emailID: row["email_id"], from: row["mail_from"],
      recipients: recipients(row), status: status(row), attempts: row["attempts"], lastError: row["last_error"],
      createdAt: row["created_at"], sentAt: row["sent_at"])
  }

  /// An outbox row's kind (the schema's CHECK allows only the enum's values).
  private static func kind(_ row: SQLRow) -> OutboxKind { OutboxKind(rawValue: row["kind"]) ?? .user }

  /// An outbox row's status (the schema's CHECK allows only the enum's values).
  private static func status(_ row: SQLRow) -> OutboxStatus { OutboxStatus(rawValue: row["status"]) ?? .failed }

  private static func recipients(_ row: SQLRow) -> [String] {
    (row["recipients"] as String?).flatMap { $0.data(using: .utf8) }
      .flatMap { try? JSONDecoder().decode([String].self, from: $0) } ?? []
  }

  private static func entry(_ row: SQLRow) -> OutboxEntry {
    let raw: Data = row["raw"]
    return OutboxEntry(
      id: row["id"], key: row["idempotency_key"], kind: kind(row), accountID: row["account_id"],
      emailID: row["email_id"], mailFrom: row["mail_from"], recipients: recipients(row), raw: [UInt8](raw),
      status: status(row))
  }

  /// How many auto-replies went (or are going) to an address since a time.
  public func autoRepliesSent(to address: String, since time: String) throws -> Int {
    try db.value(Int.self, """
        SELECT COUNT(*) FROM outbox WHERE kind = 'auto-reply' AND status IN ('queued', 'sending', 'sent')
          AND lower(recipients) = lower(CAST(? AS TEXT)) AND created_at >= ?
        """, [String(decoding: (try? JSONEncoder().encode([address])) ?? Data(), as: UTF8.self), time]) ?? 0
  }

  /// Adds a template; throws when the name is taken.
  public func insertTemplate(_ template: Template) throws -> Int64 {
    if try self.template(name: template.name) != nil { throw EspoMailError.alreadyExists("template", template.name) }
    return try db.insert("INSERT INTO template(name, subject, body, is_html) VALUES (?, ?, ?, ?)", [template.name, template.subject, template.body, template.isHTML])
  }

  /// Replaces a template's subject, body and kind.
  public func updateTemplate(_ template: Template) throws {
    try db.execute(
      "UPDATE template SET subject = ?, body = ?, is_html = ? WHERE id = ?",
      [template.subject, template.body, template.isHTML, template.id])
  }

  /// A template by name, or nil.
  public func template(name: String) throws -> Template? {
    try db.row("SELECT * FROM template WHERE name = ?", [name]).map {
      Template(
        id: $0["id"], name: $0["name"], subject: $0["subject"], body: $0["body"], isHTML: $0["is_html"],
        attachments: try templateAttachmentInfo(templateID: $0["id"]))
    }
  }

  /// Every template, by name.
  public func templates() throws -> [Template] {
    try db.rows("SELECT * FROM template ORDER BY name").map {
      Template(
        id: $0["id"], name: $0["name"], subject: $0["subject"], body: $0["body"], isHTML: $0["is_html"],
        attachments: try templateAttachmentInfo(templateID: $0["id"]))
    }
  }

  /// Marks an email sent or failed (outgoing mail).
  public func setEmailStatus(emailID: Int64, _ status: EmailStatus) throws {
    try db.execute("UPDATE email SET status = ? WHERE id = ?", [status.rawValue, emailID])
  }

  /// Whether an address belongs to one of the store's mail accounts or users ("our own").
  public func isOwnAddress(_ address: String) throws -> Bool {
    let lower = address.lowercased()
    if try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM mail_account WHERE lower(address) = ?)", [lower]) == true {
      return true
    }
    guard let parsed = try? EmailAddress(address) else { return false }
    return try !owners(of: parsed, kind: .user).isEmpty
  }
}
