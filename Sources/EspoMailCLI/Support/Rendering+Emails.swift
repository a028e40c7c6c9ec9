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
    if let folder = summary.groupFolder {
      lines.append("group:      \(folder)\(summary.groupFolderStatus.map { " (\($0))" } ?? "")")
    }
    for attachment in summary.attachments {
      lines.append("attachment: \(attachment.name) (\(attachment.contentType), \(attachment.size) bytes)")
    }
    lines.append("")
    lines.append(email.bodyPlain ?? "")
    return lines.joined(separator: "\n")
  }
}
