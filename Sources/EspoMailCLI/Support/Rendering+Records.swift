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
    if let conversion = record.conversion {
      let targets = [conversion.account, conversion.contact, conversion.opportunity].compactMap { $0?.description }
      lines.append("converted: \(targets.joined(separator: ", ")) (\(conversion.convertedAt))")
    }
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
