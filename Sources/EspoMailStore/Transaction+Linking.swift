import EspoMailCore

/// A record that holds an address, as the parent finder sees it.
public struct AddressHolder: Equatable, Sendable {
  /// The record.
  public var record: RecordReference
  /// For contacts: the account they belong to.
  public var account: Int64?
}

extension Transaction {
  /// Contacts, accounts or leads holding an address (any of theirs), primary holders first, then
  /// oldest first: the deterministic order the parent finder relies on.
  public func holders(of lowerAddress: String, type: RecordType) throws -> [AddressHolder] {
    guard let owner = type.addressOwner else { return [] }
    let accountColumn = type == .contact ? "(SELECT account_id FROM contact WHERE id = l.entity_id)" : "NULL"
    return try db.rows("""
          SELECT l.entity_id, \(accountColumn) AS account_id FROM email_address a
          JOIN entity_email_address l ON l.email_address_id = a.id AND l.entity_type = ?
          WHERE a.lower = ? ORDER BY l.is_primary DESC, l.entity_id
          """, [owner.rawValue, lowerAddress]).map { AddressHolder(record: RecordReference(type, $0["entity_id"]), account: $0["account_id"]) }
  }

  /// The contacts, accounts and leads holding an address, by type, each in `holders(of:type:)`'s
  /// order: one query where the parent finder would ask three for every address it tries.
  public func addressHolders(of lowerAddress: String) throws -> [RecordType: [AddressHolder]] {
    if absent.holderlessAddresses.contains(lowerAddress) { return [:] }
    var holders: [RecordType: [AddressHolder]] = [:]
    for row in try db.rows(
      """
      SELECT l.entity_type, l.entity_id,
        CASE WHEN l.entity_type = 'contact' THEN (SELECT account_id FROM contact WHERE id = l.entity_id) END AS account_id
      FROM email_address a JOIN entity_email_address l ON l.email_address_id = a.id
      WHERE a.lower = ? AND l.entity_type IN ('contact', 'account', 'lead') ORDER BY l.is_primary DESC, l.entity_id
      """, [lowerAddress])
    {
      guard let type = RecordType(rawValue: row["entity_type"]) else { continue }
      holders[type, default: []].append(AddressHolder(record: RecordReference(type, row["entity_id"]), account: row["account_id"]))
    }
    return holders
  }

  /// An email found by Message-ID with its parent, for threading. When different messages share
  /// the Message-ID, replies thread to the first stored (Docs/architecture.md, "Duplicates").
  public func threadingInfo(messageID: String) throws -> (emailID: Int64, parent: RecordReference?)? {
    if absent.messageIDs.contains(messageID) { return nil }
    return try db.row("SELECT id, parent_type, parent_id FROM email WHERE message_id = ? ORDER BY id LIMIT 1", [messageID]).map { ($0["id"], $0.record(type: "parent_type", id: "parent_id")) }
  }

  /// An email's id and parent, by id.
  public func threadingInfo(ofEmail emailID: Int64) throws -> (emailID: Int64, parent: RecordReference?)? {
    try db.row("SELECT id, parent_type, parent_id FROM email WHERE id = ?", [emailID]).map { ($0["id"], $0.record(type: "parent_type", id: "parent_id")) }
  }

  /// An email's own threading headers: In-Reply-To and the References ids.
  public func threadingHeaders(emailID: Int64) throws -> (inReplyTo: String?, references: [String]) {
    guard
      let row = try db.row("SELECT in_reply_to, references_header FROM email WHERE id = ?", [emailID])
    else { return (nil, []) }
    let references: String? = row["references_header"]
    return (row["in_reply_to"], references?.split(separator: " ").map(String.init) ?? [])
  }

  /// The CRM account a parent record belongs to (itself for an account).
  public func accountOf(_ parent: RecordReference) throws -> Int64? {
    switch parent.type {
    case .account: return parent.id
    case .contact, .opportunity:
      return try db.value(Int64.self, "SELECT account_id FROM \(parent.type.table) WHERE id = ?", [parent.id])
    case .case:
      return try db.value(Int64.self, "SELECT account_id FROM crm_case WHERE number = ?", [parent.id])
    case .lead, .email: return nil
    }
  }

  /// Links an email to a parent (nil unlinks) and stores the account derived from it.
  public func setParent(emailID: Int64, _ parent: RecordReference?, account: Int64?) throws {
    try db.execute(
      "UPDATE email SET parent_type = ?, parent_id = ?, crm_account_id = ? WHERE id = ?",
      [parent?.type.rawValue, parent?.id, account, emailID])
  }

  /// Flags an email as replied to (the reply itself names it when inserted).
  public func flagReplied(emailID: Int64) throws {
    try db.execute("UPDATE email SET is_replied = 1 WHERE id = ? AND is_replied = 0", [emailID])
  }

  /// Remembers the Message-IDs an email names but nothing stored has, so it is threaded when one
  /// of them arrives.
  public func awaitReferences(emailID: Int64, messageIDs: [String]) throws {
    for messageID in Set(messageIDs) {
      absent.awaitedMessageIDs.remove(messageID)
      try db.executeUnanswered("INSERT INTO awaited_reference(message_id, email_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [messageID, emailID])
    }
  }

  /// Emails that were waiting for a Message-ID, oldest first; they wait for it no longer.
  public func takeAwaiting(messageID: String) throws -> [Int64] {
    if absent.awaitedMessageIDs.contains(messageID) { return [] }
    let emailIDs = try db.values(Int64.self, "SELECT email_id FROM awaited_reference WHERE message_id = ? ORDER BY email_id", [messageID])
    if !emailIDs.isEmpty { try db.execute("DELETE FROM awaited_reference WHERE message_id = ?", [messageID]) }
    return emailIDs
  }

  /// Sets the email a reply answers.
  public func setReplied(emailID: Int64, repliedID: Int64) throws {
    try db.execute("UPDATE email SET replied_email_id = ? WHERE id = ?", [repliedID, emailID])
  }

  /// The email a reply answers: its id, Message-ID and parent; nil when it has none.
  public func repliedEmail(of emailID: Int64) throws -> (id: Int64, messageID: String, parent: RecordReference?)? {
    guard
      let row = try db.row("""
            SELECT r.id, r.message_id, r.parent_type, r.parent_id FROM email e JOIN email r ON r.id = e.replied_email_id
            WHERE e.id = ?
            """, [emailID])
    else { return nil }
    return (row["id"], row["message_id"], row.record(type: "parent_type", id: "parent_id"))
  }

  /// The rule of an email's latest parent decision (`from`, `in-reply-to`, … as `explain` shows
  /// it before the colon), nil when it has none.
  public func parentRule(emailID: Int64) throws -> String? {
    let detail = try db.value(String.self, "SELECT detail FROM decision WHERE email_id = ? AND step = 'parent' ORDER BY id DESC LIMIT 1", [emailID])
    return detail.map { String($0.prefix { $0 != ":" }) }
  }

  /// Emails replying to these (one level), for re-linking a thread.
  public func replies(to emailIDs: [Int64]) throws -> [(id: Int64, parent: RecordReference?)] {
    var result: [(Int64, RecordReference?)] = []
    for id in emailIDs {
      let rows = try db.rows("SELECT id, parent_type, parent_id FROM email WHERE replied_email_id = ?", [id])
      result += rows.map { ($0["id"], $0.record(type: "parent_type", id: "parent_id")) }
    }
    return result
  }

  /// Ids of active users following a record.
  public func followerIDs(of reference: RecordReference) throws -> [Int64] {
    try db.values(Int64.self, """
          SELECT f.user_id FROM follow f JOIN "user" u ON u.id = f.user_id
          WHERE f.entity_type = ? AND f.entity_id = ? AND u.is_active = 1 ORDER BY f.user_id
          """, [reference.type.rawValue, reference.id])
  }

  /// Ids of the teams an email is assigned to.
  public func emailTeamIDs(emailID: Int64) throws -> [Int64] {
    try db.values(Int64.self, "SELECT team_id FROM email_team WHERE email_id = ?", [emailID])
  }

  /// Ids of the users who have an email.
  public func emailUserIDs(emailID: Int64) throws -> [Int64] {
    try db.values(Int64.self, "SELECT user_id FROM email_user WHERE email_id = ?", [emailID])
  }

  /// Login and admin flag of a user id.
  public func userSummary(id: Int64) throws -> (login: String, isAdmin: Bool)? {
    try db.row("SELECT login, is_admin FROM \"user\" WHERE id = ?", [id]).map {
      ($0["login"], $0["is_admin"])
    }
  }
}

extension Transaction {
  /// What the case logic needs of a stored email (for a duplicate reaching a case account):
  /// subject, sender, plain body, whether it is automatic, and its parent and account.
  public func storedEmailForCases(emailID: Int64) throws -> (email: NewEmail, parent: RecordReference?, account: Int64?)? {
    guard
      let row = try db.row("""
          SELECT e.message_id, e.subject, e.date_sent, e.body_plain, e.is_auto_submitted, e.parent_type, e.parent_id,
            e.crm_account_id, r.display_name, a.address
          FROM email e LEFT JOIN email_recipient r ON r.email_id = e.id AND r.kind = 'from'
          LEFT JOIN email_address a ON a.id = r.email_address_id WHERE e.id = ?
          """, [emailID])
    else { return nil }
    var email = NewEmail(
      messageID: row["message_id"], isMessageIDSynthetic: false, subject: row["subject"], dateSent: row["date_sent"], size: 0)
    email.bodyPlain = row["body_plain"]
    if let address: String = row["address"] { email.from = EmailParty(name: row["display_name"], address: address) }
    if row["is_auto_submitted"] as Bool { email.automaticReason = "automatic mail, as recorded at its first import" }
    return (email, row.record(type: "parent_type", id: "parent_id"), row["crm_account_id"])
  }
}
