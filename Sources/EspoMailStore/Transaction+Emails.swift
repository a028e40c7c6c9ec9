import EspoMailCore
import Foundation

extension Transaction {
  /// Runs `body` in a savepoint: on error only its own changes are undone, and the error is rethrown.
  public func savepoint<T>(_ body: () throws -> T) throws -> T {
    try db.savepoint(body)
  }

  /// The emails stored with a Message-ID, first stored first: each is a different message (a
  /// Message-ID is unique only with its fingerprint).
  public func emailsSharing(messageID: String) throws -> [StoredMessageIdentity] {
    if absent.messageIDs.contains(messageID) { return [] }
    return try db.rows("SELECT id, fingerprint, raw_sha256 FROM email WHERE message_id = ? ORDER BY id", [messageID]).map { StoredMessageIdentity(emailID: $0["id"], fingerprint: $0["fingerprint"], rawSHA256: $0["raw_sha256"]) }
  }

  /// What a fingerprint is made of, as stored for an email: From, To and Cc addresses, subject and
  /// date sent (for rows stored before fingerprints whose raw message is not kept).
  public func storedFingerprintFields(emailID: Int64) throws -> (
    from: [String], to: [String], cc: [String], subject: String, dateSent: String
  )? {
    guard
      let row = try db.row("SELECT subject, date_sent FROM email WHERE id = ?", [emailID])
    else { return nil }
    var addresses: [String: [String]] = [:]
    for entry in try db.rows("""
        SELECT r.kind, a.address FROM email_recipient r JOIN email_address a ON a.id = r.email_address_id
        WHERE r.email_id = ? AND r.kind IN ('from', 'to', 'cc') ORDER BY r.kind, r.position
        """, [emailID])
    {
      addresses[entry["kind"], default: []].append(entry["address"])
    }
    return (addresses["from"] ?? [], addresses["to"] ?? [], addresses["cc"] ?? [], row["subject"], row["date_sent"])
  }

  /// Stores the fingerprint of an email stored before fingerprints existed, once computed.
  public func fillFingerprint(emailID: Int64, _ fingerprint: String) throws {
    // Left empty when another email already has this Message-ID and fingerprint (they are unique together).
    try db.execute(
      """
      UPDATE email SET fingerprint = ?1 WHERE id = ?2 AND fingerprint IS NULL
        AND NOT EXISTS (SELECT 1 FROM email other WHERE other.message_id = email.message_id AND other.fingerprint = ?1)
      """, [fingerprint, emailID])
  }

  /// Stores raw message bytes under their SHA-256 (once).
  public func storeRaw(sha256: String, bytes: [UInt8]) throws {
    try db.executeUnanswered(
      "INSERT INTO raw_message(sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [sha256, bytes.count, bytes])
  }

  /// The raw bytes stored under a SHA-256.
  public func rawMessage(sha256: String) throws -> [UInt8]? {
    try db.value(Data.self, "SELECT bytes FROM raw_message WHERE sha256 = ?", [sha256]).map { [UInt8]($0) }
  }

  /// Attachments stored with their bytes (mail composed here, whose raw message is not kept), in order.
  public func storedAttachments(emailID: Int64) throws -> [NewAttachment] {
    try db.rows("SELECT name, content_type, disposition, content_id, bytes FROM attachment WHERE email_id = ? ORDER BY id", [emailID]).map {
      NewAttachment(
        name: $0["name"], contentType: $0["content_type"], isInline: ($0["disposition"] as String) == "inline",
        contentID: $0["content_id"], bytes: [UInt8](($0["bytes"] as Data?) ?? Data()))
    }
  }

  /// Inserts a new email with its addresses, attachments and search entry; returns its id.
  public func insertEmail(_ email: NewEmail, createdBy: Int64? = nil) throws -> Int64 {
    // The sender's id goes in as the recipients' do, and on PostgreSQL the email's id is reserved
    // beforehand, so the insert needs no answer.
    let from = try email.from.flatMap { party in try? EmailAddress(party.address) }.map(addressIDValue)
    var arguments: SQLArguments = [email.messageID, email.fingerprint, email.isMessageIDSynthetic, email.subject]
    arguments += from?.arguments ?? [nil]
    arguments += [
      email.from?.formatted, email.replyTo.isEmpty ? nil : email.replyTo.map(\.formatted).joined(separator: ", "),
      email.dateSent, email.deliveryDate, email.status.rawValue, email.bodyPlain, email.bodyHTML, email.bodyHTML != nil,
      email.calendar, email.attachments.contains { !$0.isInline }, email.isHeaderOnly, email.size, email.inReplyTo,
      email.references, email.isAutoSubmitted, createdBy, email.rawSHA256, email.parent?.type.rawValue,
      email.parent?.id, email.crmAccountID, email.repliedEmailID,
    ]
    let columns = """
      message_id, fingerprint, is_message_id_synthetic, subject, from_address_id, from_string, reply_to_string,
      date_sent, delivery_date, status, body_plain, body_html, is_html, ics_contents, has_attachment,
      is_header_only, size, in_reply_to, references_header, is_auto_submitted, created_by_user_id, raw_sha256,
      parent_type, parent_id, crm_account_id, replied_email_id
      """
    let values = "?, ?, ?, ?, \(from?.sql ?? "?"), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
    absent.messageIDs.remove(email.messageID)
    let id: Int64
    if let reserved = try db.reservedID(for: "email") {
      id = reserved
      try db.executeUnanswered("INSERT INTO email(id, \(columns)) VALUES (?, \(values))", [id] + arguments)
    } else {
      id = try db.insert("INSERT INTO email(\(columns)) VALUES (\(values))", arguments)
    }
    let groups: [(String, [EmailParty])] = [
      ("from", email.from.map { [$0] } ?? []), ("to", email.to), ("cc", email.cc), ("bcc", email.bcc),
      ("reply-to", email.replyTo),
    ]
    for (kind, parties) in groups {
      for (position, party) in parties.enumerated() {
        guard let address = try? EmailAddress(party.address) else { continue }
        try addRecipient(emailID: id, kind: kind, address: address, name: party.name, position: position)
      }
    }
    for attachment in email.attachments {
      // The raw message is kept, so its attachments are not stored a second time.
      let bytes = email.rawSHA256 == nil ? Data(attachment.bytes) : nil
      try db.executeUnanswered(
        """
        INSERT INTO attachment(email_id, name, content_type, size, disposition, content_id, bytes)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
          id, attachment.name, attachment.contentType, attachment.bytes.count,
          attachment.isInline ? "inline" : "attachment", attachment.contentID, bytes,
        ])
    }
    let search = db.engine.search
    try db.executeBeforeCommit(search.index, search.indexArguments(id, email.searchDocument ?? SearchDocument(of: email)))
    return id
  }

  /// Gives users an email (no change for those who have it); returns the ids newly given it.
  @discardableResult
  public func addEmailUsers(emailID: Int64, userIDs: [Int64]) throws -> [Int64] {
    var added: [Int64] = []
    for userID in userIDs {
      let inserted = try db.execute(
        "INSERT INTO email_user(email_id, user_id, date_sent) SELECT ?1, ?2, date_sent FROM email WHERE id = ?1 ON CONFLICT DO NOTHING",
        [emailID, userID])
      if inserted > 0 { added.append(userID) }
    }
    return added
  }

  /// Adds teams to an email.
  public func addEmailTeams(emailID: Int64, teamIDs: [Int64]) throws {
    for teamID in teamIDs {
      try db.executeUnanswered("INSERT INTO email_team(email_id, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [emailID, teamID])
    }
  }

  /// Records that an account fetched (or sent) an email.
  public func addEmailAccount(emailID: Int64, accountID: Int64) throws {
    try db.executeUnanswered("INSERT INTO email_mail_account(email_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [emailID, accountID])
  }

  /// Every address of an active user (lower-cased) and the users having it.
  public func activeUserAddresses() throws -> [String: [Int64]] {
    var users: [String: [Int64]] = [:]
    for row in try db.rows("""
        SELECT a.lower, u.id FROM email_address a
        JOIN entity_email_address l ON l.email_address_id = a.id AND l.entity_type = 'user'
        JOIN "user" u ON u.id = l.entity_id AND u.is_active = 1
        """)
    {
      users[row["lower"], default: []].append(row["id"])
    }
    return users
  }

  /// Active users who have any of the addresses.
  public func activeUserIDs(withAddresses addresses: [String]) throws -> [Int64] {
    let statement = """
      SELECT u.id FROM email_address a
      JOIN entity_email_address l ON l.email_address_id = a.id AND l.entity_type = 'user'
      JOIN "user" u ON u.id = l.entity_id AND u.is_active = 1
      WHERE a.lower = ?
      """
    var ids: Set<Int64> = []
    for lower in Set(addresses.map { $0.lowercased() }) {
      ids.formUnion(try db.values(Int64.self, statement, [lower]))
    }
    return ids.sorted()
  }

  /// Active members of an account's teams, and the team ids.
  public func accountTeamMembers(accountID: Int64) throws -> (userIDs: [Int64], teamIDs: [Int64]) {
    let teamIDs = try db.values(Int64.self, "SELECT team_id FROM mail_account_team WHERE account_id = ?", [accountID])
    let userIDs = try db.values(Int64.self, """
        SELECT DISTINCT m.user_id FROM team_member m JOIN mail_account_team t ON t.team_id = m.team_id
        JOIN "user" u ON u.id = m.user_id WHERE t.account_id = ? AND u.is_active = 1 ORDER BY m.user_id
        """, [accountID])
    return (userIDs, teamIDs)
  }

  /// Which of the UIDs are already settled in the ledger for a folder and UIDVALIDITY.
  public func settledUIDs(accountID: Int64, folder: String, uidValidity: UInt32, among uids: [UInt32]) throws -> Set<
    UInt32
  > {
    guard let low = uids.min(), let high = uids.max() else { return [] }
    let settled = try db.values(Int64.self, """
        SELECT uid FROM fetch_ledger WHERE account_id = ? AND folder = ? AND uid_validity = ? AND uid BETWEEN ? AND ?
        """, [accountID, folder, Int64(uidValidity), Int64(low), Int64(high)])
    return Set(settled.map { UInt32(truncatingIfNeeded: $0) })
  }

  /// Settles one server message in the ledger.
  public func settleInLedger(
    _ key: ServerMessageKey, outcome: LedgerOutcome, emailID: Int64?, filterID: Int64? = nil,
    quarantineID: Int64? = nil
  ) throws {
    try db.executeUnanswered("""
        INSERT INTO fetch_ledger(account_id, folder, uid_validity, uid, outcome, email_id, filter_id, quarantine_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """, [
        key.accountID, key.folder, Int64(key.uidValidity), Int64(key.uid), outcome.rawValue, emailID, filterID,
        quarantineID,
      ])
  }

  /// Marks settled messages of a folder as still needing `\Seen` on the server (in the chunk's
  /// transaction, before the STORE is sent).
  public func markSeenPending(accountID: Int64, folder: String, uidValidity: UInt32, uids: [UInt32]) throws {
    try setSeenPending(true, accountID: accountID, folder: folder, uidValidity: uidValidity, uids: uids)
  }

  /// The settled messages of a folder whose `\Seen` was never confirmed stored, UIDs ascending.
  public func seenPendingUIDs(accountID: Int64, folder: String, uidValidity: UInt32) throws -> [UInt32] {
    try db.values(Int64.self, """
        SELECT uid FROM fetch_ledger
        WHERE account_id = ? AND folder = ? AND uid_validity = ? AND seen_pending = 1 ORDER BY uid
        """, [accountID, folder, Int64(uidValidity)]).map { UInt32(truncatingIfNeeded: $0) }
  }

  /// Records that the server stored `\Seen` on these messages; rows of the folder under another
  /// UIDVALIDITY stop waiting too (their UIDs no longer name anything on the server).
  public func clearSeenPending(accountID: Int64, folder: String, uidValidity: UInt32, uids: [UInt32]) throws {
    try setSeenPending(false, accountID: accountID, folder: folder, uidValidity: uidValidity, uids: uids)
    try db.execute("""
        UPDATE fetch_ledger SET seen_pending = 0
        WHERE account_id = ? AND folder = ? AND uid_validity <> ? AND seen_pending = 1
        """, [accountID, folder, Int64(uidValidity)])
  }

  /// Sets or clears `seen_pending` on these ledger rows of a folder.
  private func setSeenPending(_ pending: Bool, accountID: Int64, folder: String, uidValidity: UInt32, uids: [UInt32])
    throws
  {
    for uid in uids {
      try db.execute("""
          UPDATE fetch_ledger SET seen_pending = ?
          WHERE account_id = ? AND folder = ? AND uid_validity = ? AND uid = ?
          """, [pending, accountID, folder, Int64(uidValidity), Int64(uid)])
    }
  }

  /// How many ledger rows an account has per outcome in its monitored folders, as the server
  /// numbers them now: rows of an old UIDVALIDITY or of a folder no longer monitored are not counted.
  public func ledgerCounts(accountID: Int64) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for row in try db.rows("""
        SELECT l.outcome, COUNT(*) AS n FROM fetch_ledger l
        JOIN mail_account_folder f ON f.account_id = l.account_id AND f.name = l.folder AND f.uid_validity = l.uid_validity
        WHERE l.account_id = ? GROUP BY l.outcome
        """, [accountID])
    {
      counts[row["outcome"]] = row["n"]
    }
    return counts
  }

  /// Records a decision trace line on an email.
  public func addDecision(emailID: Int64, step: DecisionStep, outcome: String, detail: String) throws {
    try db.executeUnanswered(
      "INSERT INTO decision(email_id, step, outcome, detail) VALUES (?, ?, ?, ?)", [emailID, step.rawValue, outcome, detail])
  }
}
