import EspoMailCore
import EspoMailKit

/// Text renderings of mail accounts, fetch reports and quarantine entries.
enum AccountText {
  /// Several lines describing an account (never its secret).
  static func account(_ account: MailAccount) -> String {
    var lines = [
      "account:     \(account.name) (\(account.kind.rawValue)\(account.owner.map { ", owner \($0)" } ?? ""))",
      "address:     \(account.address)",
      "active:      \(account.isActive ? "yes" : "no")",
      account.usesIMAP
        ? "imap:        \(account.imap.username)@\(account.imap.host):\(account.imap.port) (\(account.imap.security.rawValue))"
        : "imap:        - (send only)",
      "secret:      \(secretDescription(account.imap))",
      "login:       \(account.imap.loginMechanism.rawValue)",
      "ca file:     \(account.caFile.orDash)",
      "folders:     \(account.folders.joined(separator: ", "))",
      "fetch since: \(account.fetchSince.orDash)",
      "keep unread: \(account.keepUnread ? "yes" : "no")",
      "portion:     \(account.portion) per folder per run",
      "max size:    \(account.maxSizeMB) MB",
      "reply-all:   \(account.excludeFromReply ? "leaves this address out" : "keeps this address")",
    ]
    if account.kind == .personal, !account.folderMap.isEmpty {
      lines.append("folder map:  \(account.folderMap.sorted { $0.key < $1.key }.map { "\($0.key) -> \($0.value)" }.joined(separator: ", "))")
    }
    if account.kind == .group {
      lines.append(
        "teams:       \(account.teams.isEmpty ? "-" : account.teams.joined(separator: ", "))"
          + (account.addsAllTeamUsers || account.teams.isEmpty ? "" : " (team access only, not in members' inboxes)"))
      lines.append("group folder: \(account.groupFolder.orDash)")
      lines.append("cases:       \(caseDescription(account.cases))")
      lines.append("from name:   \(account.fromName.orDash)")
      lines.append("reply-to:    \(account.replyToAddress.orDash)")
    }
    if let smtp = account.smtp {
      lines.append("smtp:        \(smtp.username)@\(smtp.host):\(smtp.port) (\(smtp.security.rawValue))\(account.isSMTPShared ? ", shared" : "")")
      lines.append("smtp secret: \(secretDescription(smtp))")
      lines.append("smtp login:  \(smtp.loginMechanism.rawValue)")
      lines.append("ehlo name:   \(account.heloName ?? "-")")
    } else {
      lines.append("smtp:        -")
    }
    lines.append("sent folder: \(account.sentFolder.orDash)")
    if account.sentAppend.failures > 0 {
      lines.append(
        "sent copies: \(account.sentAppend.failures) refused, last: \(account.sentAppend.lastError ?? "-")")
    }
    lines.append("auto-reply:  \(autoReplyDescription(account.autoReply))")
    lines.append("last fetch:  \(health(account.health))")
    return lines.joined(separator: "\n")
  }

  /// Email-to-case settings in one line.
  static func caseDescription(_ cases: CaseSettings) -> String {
    guard cases.createCase else { return cases.assignTo.map { "off; mail assigned to \($0)" } ?? "off" }
    var parts = ["on", cases.distribution?.rawValue ?? "no distribution"]
    if let team = cases.team { parts.append("team \(team)") }
    if let position = cases.position { parts.append("position \(position)") }
    if let assignTo = cases.assignTo { parts.append("to \(assignTo)") }
    return parts.joined(separator: ", ")
  }

  /// Where the secret comes from, without showing it; a command no admin set says it does not run.
  static func secretDescription(_ settings: ServerSettings) -> String {
    let source =
      switch settings.secretSource {
      case .stored: "password stored encrypted"
      case .command: "password from command: \(settings.secretCommand ?? "")"
      case .oauth2Command: "OAuth2 token from command: \(settings.secretCommand ?? "")"
      }
    return settings.hasUnapprovedCommand ? source + " (not set by an admin: it does not run)" : source
  }

  /// Auto-reply settings in one line.
  static func autoReplyDescription(_ reply: AutoReplySettings) -> String {
    guard reply.isOn || reply.template != nil else { return "off" }
    var parts = [reply.isOn ? "on" : "off", "template \(reply.template ?? "-")"]
    if let from = reply.from { parts.append("from \(reply.fromName.map { "\($0) " } ?? "")<\(from)>") }
    if let replyTo = reply.replyTo { parts.append("reply-to \(replyTo)") }
    return parts.joined(separator: ", ")
  }

  /// A one-line summary of fetch health.
  static func health(_ health: AccountHealth) -> String {
    if let error = health.lastError {
      return "failing (\(health.consecutiveFailures) in a row): \(error)"
    }
    return health.lastSuccessAt.map { "ok at \($0)" } ?? "never"
  }

  /// A table of accounts.
  static func accounts(_ accounts: [MailAccount]) -> String {
    TextTable(
      headers: ["ACCOUNT", "KIND", "ADDRESS", "SERVER", "ACTIVE", "LAST FETCH"],
      rows: accounts.map {
        [
          $0.name, $0.kind.rawValue, $0.address, "\($0.imap.host):\($0.imap.port)", $0.isActive ? "yes" : "no",
          health($0.health),
        ]
      }
    ).render(empty: "no email accounts")
  }
}
