import EspoMailCore
import EspoMailKit

/// A case as `case create|list|status|assign` print it, and the case keys of `case show`.
struct CaseJSON: JSONOutput {
  /// The case shown.
  let record: CaseRecord

  /// Wraps a case.
  init(_ record: CaseRecord) { self.record = record }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case number = "number"
    case name = "name"
    case status = "status"
    case assignedUser = "assignedUser"
    case account = "account"
    case contact = "contact"
    case lead = "lead"
    case teams = "teams"
    case groupAccount = "groupAccount"
    case emailCount = "emailCount"
    case description = "description"
    case createdBy = "createdBy"
    case createdAt = "createdAt"
  }

  /// Writes every key (records as `TYPE:ID`), missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(record.number, forKey: .number)
    try json.encode(record.name, forKey: .name)
    try json.encode(record.status.rawValue, forKey: .status)
    try json.encodeOrNull(record.assignedUser, forKey: .assignedUser)
    try json.encodeOrNull(record.account?.description, forKey: .account)
    try json.encodeOrNull(record.contact?.description, forKey: .contact)
    try json.encodeOrNull(record.lead?.description, forKey: .lead)
    try json.encode(record.teams, forKey: .teams)
    try json.encodeOrNull(record.groupAccount, forKey: .groupAccount)
    try json.encode(record.emailCount, forKey: .emailCount)
    try json.encodeOrNull(record.description, forKey: .description)
    try json.encodeOrNull(record.createdBy, forKey: .createdBy)
    try json.encode(record.createdAt, forKey: .createdAt)
  }
}

/// A case with its emails and stream, as `case show` prints it: the keys of `CaseJSON` plus
/// `emails` and `stream`.
struct CaseDetailJSON: JSONOutput {
  /// The case shown.
  let detail: CaseDetail

  /// Wraps a detail.
  init(_ detail: CaseDetail) { self.detail = detail }

  /// The keys added to the case's, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case emails = "emails"
    case stream = "stream"
  }

  /// The keys of one email in `emails`, spelled out: never renamed.
  private enum EmailKeys: String, CodingKey {
    case id = "id"
    case subject = "subject"
    case date = "date"
    case from = "from"
  }

  /// Writes the case's keys, then its emails (oldest first) and its stream (newest first).
  func encode(to encoder: any Encoder) throws {
    try CaseJSON(detail.record).encode(to: encoder)
    var json = encoder.container(keyedBy: CodingKeys.self)
    var emails = json.nestedUnkeyedContainer(forKey: .emails)
    for email in detail.emails {
      var entry = emails.nestedContainer(keyedBy: EmailKeys.self)
      try entry.encode(email.id, forKey: .id)
      try entry.encode(email.subject, forKey: .subject)
      try entry.encode(email.date, forKey: .date)
      try entry.encodeOrNull(email.from, forKey: .from)
    }
    try json.encode(detail.stream.map(StreamNoteJSON.init), forKey: .stream)
  }
}

/// One predicted turn of `case preview`: who would get the case (null: nobody eligible) and why.
struct PreviewTurnJSON: JSONOutput {
  /// The turn shown.
  let turn: PreviewTurn

  /// Wraps a turn.
  init(_ turn: PreviewTurn) { self.turn = turn }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case turn = "turn"
    case user = "user"
    case reason = "reason"
  }

  /// Writes every key, nobody as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(turn.turn, forKey: .turn)
    try json.encodeOrNull(turn.user, forKey: .user)
    try json.encode(turn.reason, forKey: .reason)
  }
}
