import EspoMailCore
import EspoMailKit

/// Text renderings of CRM records and cases.
enum RecordText {
  /// Several lines describing a CRM record.
  static func record(_ record: CRMRecord) -> String {
    var lines = [
      "record:    \(record.reference)", "name:      \(record.name)",
      "addresses: \(record.addresses.isEmpty ? "-" : record.addresses.joined(separator: ", "))",
    ]
    if let account = record.account { lines.append("account:   \(account) (\(record.accountName.orDash))") }
    lines.append("followers: \(record.followers.isEmpty ? "-" : record.followers.joined(separator: ", "))")
    lines.append("created:   \(record.createdAt)")
    return lines.joined(separator: "\n")
  }

  /// A table of CRM records.
  static func records(_ records: [CRMRecord]) -> String {
    TextTable(
      headers: ["RECORD", "NAME", "ADDRESSES", "ACCOUNT"],
      rows: records.map {
        [$0.reference.description, $0.name, $0.addresses.joined(separator: ","), $0.account?.description ?? "-"]
      }
    ).render(empty: "no records")
  }

  /// Several lines describing a case.
  static func caseRecord(_ found: CaseRecord) -> String {
    """
    case:        #\(found.number)
    name:        \(found.name)
    status:      \(found.status.title)
    assigned:    \(found.assignedUser.orDash)
    account:     \(found.account?.description ?? "-")
    contact:     \(found.contact?.description ?? "-")
    lead:        \(found.lead?.description ?? "-")
    teams:       \(found.teams.isEmpty ? "-" : found.teams.joined(separator: ", "))
    via account: \(found.groupAccount.orDash)
    emails:      \(found.emailCount)
    created:     \(found.createdAt)\(found.createdBy.map { " by \($0)" } ?? "")
    """ + (found.description.map { "\n\n\($0)" } ?? "")
  }

  /// A table of cases.
  static func cases(_ cases: [CaseRecord]) -> String {
    TextTable(
      headers: ["NUMBER", "STATUS", "ASSIGNED", "EMAILS", "NAME"],
      rows: cases.map { ["#\($0.number)", $0.status.title, $0.assignedUser.orDash, "\($0.emailCount)", $0.name] }
    ).render(empty: "no cases")
  }
}

/// A CRM record as scripts see it.
struct RecordJSON: StableJSON {
  /// JSON key `record`.
  let record: String
  /// JSON key `type`.
  let type: String
  /// JSON key `id`.
  let id: Int64
  /// JSON key `name`.
  let name: String
  /// JSON key `addresses`.
  let addresses: [String]
  /// JSON key `account`.
  let account: String?
  /// JSON key `followers`.
  let followers: [String]
  /// JSON key `createdAt`.
  let createdAt: String

  /// Builds the JSON view of a record.
  init(_ record: CRMRecord) {
    self.record = record.reference.description
    type = record.reference.type.rawValue
    id = record.reference.id
    name = record.name
    addresses = record.addresses
    account = record.account?.description
    followers = record.followers
    createdAt = record.createdAt
  }
}

/// A case with its emails and stream, as `case show --format json` prints it: the case keys plus
/// `emails` and `stream`.
struct CaseDetailJSON: Encodable {
  /// JSON key `detail`.
  let detail: CaseDetail

  /// Wraps a detail.
  init(_ detail: CaseDetail) { self.detail = detail }

  private struct EmailEntry: StableJSON {
    /// JSON key `id`.
    let id: Int64
    /// JSON key `subject`.
    let subject: String
    /// JSON key `date`.
    let date: String
    /// JSON key `from`.
    let from: String?
  }

  private enum CodingKeys: String, CodingKey { case emails, stream }

  /// Encodes the case's keys, then its emails and stream.
  func encode(to encoder: any Encoder) throws {
    try detail.record.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(detail.emails.map { EmailEntry(id: $0.id, subject: $0.subject, date: $0.date, from: $0.from) }, forKey: .emails)
    try container.encode(detail.stream, forKey: .stream)
  }
}
