import EspoMailCore
import Foundation

/// What a user asks the service to send for them, as stored.
public struct StoredSendRequest: Sendable {
  /// Store id.
  public var id: Int64
  /// Who asked.
  public var requestedByUserID: Int64
  /// The From address.
  public var from: String
  /// Recipients, copy and blind copy recipients, as given.
  public var to: [String], cc: [String], bcc: [String]
  /// The subject and body.
  public var subject: String, body: String
  /// The record it is about.
  public var parent: RecordReference?
  /// The email it answers.
  public var replyToEmailID: Int64?
  /// Whether it answers every recipient of that email.
  public var replyAll = false
  /// The template asked for.
  public var template: String?
  /// Files to attach: names and bytes.
  public var attachments: [(name: String, bytes: [UInt8])]

  /// Creates a request.
  public init(
    id: Int64 = 0, requestedByUserID: Int64, from: String, to: [String], cc: [String], bcc: [String], subject: String,
    body: String, parent: RecordReference?, replyToEmailID: Int64?, attachments: [(name: String, bytes: [UInt8])]
  ) {
    self.id = id
    self.requestedByUserID = requestedByUserID
    self.from = from
    self.to = to
    self.cc = cc
    self.bcc = bcc
    self.subject = subject
    self.body = body
    self.parent = parent
    self.replyToEmailID = replyToEmailID
    self.attachments = attachments
  }
}

/// The recipients column: the three lists as given.
private struct SendRequestRecipients: Codable {
  var to: [String]
  var cc: [String]
  var bcc: [String]
}

extension Transaction {
  /// Queues a request to send (the service sends it on its next pass); returns its id.
  public func insertSendRequest(_ request: StoredSendRequest) throws -> Int64 {
    let recipients = try JSONEncoder().encode(SendRequestRecipients(to: request.to, cc: request.cc, bcc: request.bcc))
    let id = try db.insert(
      """
      INSERT INTO send_request(requested_by_user_id, from_address, recipients, subject, body, parent_type, parent_id,
        reply_to_email_id, reply_all, template)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [request.requestedByUserID, request.from, String(decoding: recipients, as: UTF8.self), request.subject, request.body,
       request.parent?.type.rawValue, request.parent?.id, request.replyToEmailID, request.replyAll, request.template])
    for attachment in request.attachments {
      try db.execute(
        "INSERT INTO send_request_attachment(request_id, name, bytes) VALUES (?, ?, ?)",
        [id, attachment.name, Data(attachment.bytes)])
    }
    return id
  }

  /// The ids of queued requests, oldest first, at most `limit`.
  public func queuedSendRequestIDs(limit: Int) throws -> [Int64] {
    try db.values(Int64.self, "SELECT id FROM send_request WHERE status = 'queued' ORDER BY id LIMIT ?", [limit])
  }

  /// Claims a queued request for sending (committed before anything is sent, so a crash leaves it
  /// `sending`, never sent twice) and returns it; nil when another run has it.
  public func claimSendRequest(id: Int64) throws -> StoredSendRequest? {
    guard try db.execute("UPDATE send_request SET status = 'sending' WHERE id = ? AND status = 'queued'", [id]) > 0,
      let row = try db.row("SELECT * FROM send_request WHERE id = ?", [id])
    else { return nil }
    let recipients = try JSONDecoder().decode(SendRequestRecipients.self, from: Data((row["recipients"] as String).utf8))
    let attachments = try db.rows("SELECT name, bytes FROM send_request_attachment WHERE request_id = ? ORDER BY id", [id])
      .map { (name: $0["name"] as String, bytes: [UInt8]($0["bytes"] as Data)) }
    var request = StoredSendRequest(
      id: id, requestedByUserID: row["requested_by_user_id"], from: row["from_address"], to: recipients.to,
      cc: recipients.cc, bcc: recipients.bcc, subject: row["subject"], body: row["body"],
      parent: row.record(type: "parent_type", id: "parent_id"), replyToEmailID: row["reply_to_email_id"],
      attachments: attachments)
    request.replyAll = row["reply_all"]
    request.template = row["template"]
    return request
  }

  /// Records how a claimed request ended: the email sent, or why not.
  public func finishSendRequest(id: Int64, emailID: Int64?, error: String?) throws {
    try db.execute(
      "UPDATE send_request SET status = ?, email_id = ?, error = ?, finished_at = ? WHERE id = ?",
      [(error == nil ? SendRequestStatus.sent : .failed).rawValue, emailID, error, Self.now, id])
  }

  /// Requests, newest first: one user's (nil: everyone's), with a status only those, at most `limit`.
  public func sendRequests(userID: Int64?, status: SendRequestStatus?, limit: Int) throws -> [QueuedSend] {
    try sendRequests(
      where: "(CAST(?1 AS BIGINT) IS NULL OR r.requested_by_user_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR r.status = ?2)",
      [userID, status?.rawValue], limit: limit)
  }

  /// One request, or nil.
  public func sendRequest(id: Int64) throws -> QueuedSend? {
    try sendRequests(where: "r.id = ?1", [id], limit: 1).first
  }

  private func sendRequests(where condition: String, _ arguments: SQLArguments, limit: Int) throws -> [QueuedSend] {
    try db.rows(
      """
      SELECT r.*, u.login FROM send_request r JOIN "user" u ON u.id = r.requested_by_user_id
      WHERE \(condition) ORDER BY r.id DESC LIMIT \(max(limit, 0))
      """, arguments
    ).map { row in
      let recipients = (try? JSONDecoder().decode(SendRequestRecipients.self, from: Data((row["recipients"] as String).utf8)))
        ?? SendRequestRecipients(to: [], cc: [], bcc: [])
      return QueuedSend(
        id: row["id"], requestedBy: row["login"], from: row["from_address"], to: recipients.to, cc: recipients.cc,
        bcc: recipients.bcc, subject: row["subject"], status: SendRequestStatus(rawValue: row["status"]) ?? .failed,
        error: row["error"], emailID: row["email_id"], createdAt: row["created_at"], finishedAt: row["finished_at"])
    }
  }
}
