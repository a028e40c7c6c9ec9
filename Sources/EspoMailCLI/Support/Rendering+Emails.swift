import EspoMailCore
import EspoMailKit
import EspoMailStore

/// Text renderings of emails.
enum EmailText {
  /// A table of emails.
  static func emails(_ emails: [EmailSummary]) -> String {
    TextTable(
      headers: ["ID", "DATE", "FROM", "SUBJECT"],
      rows: emails.map { ["\($0.id)", String($0.date.prefix(16)), $0.from?.address ?? "-", $0.subject] }
    ).render(empty: "no emails")
  }

  /// One email with its headers and plain body.
  static func email(_ email: EmailDetail) -> String {
    let summary = email.summary
    var lines = [
      "email:      \(summary.id)", "message-id: \(summary.messageID)", "date:       \(summary.date)",
      "from:       \(summary.from?.formatted ?? "-")",
      "to:         \(summary.to.map(\.formatted).joined(separator: ", "))",
    ]
    if !summary.cc.isEmpty { lines.append("cc:         \(summary.cc.map(\.formatted).joined(separator: ", "))") }
    if let replyTo = email.replyTo { lines.append("reply-to:   \(replyTo)") }
    lines.append("subject:    \(summary.subject)")
    lines.append("parent:     \(summary.parent?.description ?? "-")")
    lines.append("accounts:   \(summary.accounts.isEmpty ? "-" : summary.accounts.joined(separator: ", "))")
    lines.append("users:      \(summary.users.isEmpty ? "-" : summary.users.joined(separator: ", "))")
    for attachment in summary.attachments {
      lines.append("attachment: \(attachment.name) (\(attachment.contentType), \(attachment.size) bytes)")
    }
    lines.append("")
    lines.append(email.bodyPlain ?? "")
    return lines.joined(separator: "\n")
  }
}

/// An email as scripts see it (the keys in Docs/commands.md, every key present).
struct EmailJSON: Encodable {
  /// The listing fields.
  let summary: EmailSummary
  /// The full email, when showing one.
  var detail: EmailDetail? = nil

  private enum CodingKeys: String, CodingKey {
    case id, messageId, subject, from, to, cc, date, parent, attachmentCount, attachments, folder, isRead
    case accounts, users, isHeaderOnly, status, replyTo, inReplyTo, references, bodyPlain, bodyHtml
  }

  /// Encodes the listing keys, and the bodies when showing one email.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(summary.id, forKey: .id)
    try container.encode(summary.messageID, forKey: .messageId)
    try container.encode(summary.subject, forKey: .subject)
    try container.encode(summary.from?.formatted, forKey: .from)
    try container.encode(summary.to.map(\.formatted), forKey: .to)
    try container.encode(summary.cc.map(\.formatted), forKey: .cc)
    try container.encode(summary.date, forKey: .date)
    try container.encode(summary.parent, forKey: .parent)
    try container.encode(summary.attachments.count, forKey: .attachmentCount)
    try container.encode(summary.attachments, forKey: .attachments)
    try container.encode(summary.folder, forKey: .folder)
    try container.encode(summary.isRead, forKey: .isRead)
    try container.encode(summary.accounts, forKey: .accounts)
    try container.encode(summary.users, forKey: .users)
    try container.encode(summary.isHeaderOnly, forKey: .isHeaderOnly)
    try container.encode(summary.status, forKey: .status)
    if let detail {
      try container.encode(detail.replyTo, forKey: .replyTo)
      try container.encode(detail.inReplyTo, forKey: .inReplyTo)
      try container.encode(detail.references, forKey: .references)
      try container.encode(detail.bodyPlain, forKey: .bodyPlain)
      try container.encode(detail.bodyHTML, forKey: .bodyHtml)
    }
  }
}
