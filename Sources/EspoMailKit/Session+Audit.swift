import EspoMailCore
import EspoMailSecrets
import EspoMailStore
import Foundation

/// What `audit` checks; the raw values are the `kind` key of its JSON.
public enum AuditCheck: String, CaseIterable, Codable, Sendable {
  /// A password or token command that no admin set, so it does not run.
  case commandSecretNotByAdmin = "command-secret-not-by-admin"
  /// An unencrypted connection to a host outside loopback.
  case cleartextConnection = "cleartext-connection"
  /// A personal account whose address its owner does not hold.
  case unownedPersonalAddress = "unowned-personal-address"
  /// A role that lets users delete records for everyone.
  case roleGrantsDelete = "role-grants-delete"
  /// A store, WAL, key or lock file that others than its owner may use.
  case filePermissions = "file-permissions"
  /// A key file missing while stored passwords need it.
  case keyFileMissing = "key-file-missing"
  /// A user notified of an email they may not read.
  case notifiedWithoutAccess = "notified-without-access"
}

/// One thing an admin should fix.
public struct AuditFinding: Sendable {
  /// Which check found it.
  public var kind: AuditCheck
  /// What it is about: an account, role, file or user.
  public var subject: String
  /// What is wrong.
  public var reason: String
  /// How to fix it.
  public var fix: String
}

extension Session {
  /// Everything an admin should fix, each with a reason and a fix (read-only; admins only).
  public func audit() throws -> [AuditFinding] {
    try requireAdmin("audit")
    var findings: [AuditFinding] = []
    try store.read { tx in
      for account in try tx.mailAccounts() {
        findings += try auditAccount(account, tx)
      }
      for role in try tx.roles() {
        let deleting = Scope.allCases.filter { role.permissions.level($0, .delete) != .no }
        guard !deleting.isEmpty else { continue }
        let grants = deleting.map { "\($0.rawValue).delete=\(role.permissions.level($0, .delete).rawValue)" }
        findings.append(
          AuditFinding(
            kind: .roleGrantsDelete, subject: "role \(role.name)",
            reason: "grants \(grants.joined(separator: ", ")): its users may delete records for everyone",
            fix: "espomail role set '\(role.name)' \(deleting.map { "\($0.rawValue).delete=no" }.joined(separator: " ")) (unless meant)"))
      }
      let check = EmailAccessCheck(tx: tx)
      for pair in try tx.notifiedEmailPairs() {
        let access = try check.decide(userID: pair.userID, emailID: pair.emailID)
        guard !access.allowed else { continue }
        let login = try tx.user(id: pair.userID)?.login ?? "user \(pair.userID)"
        findings.append(
          AuditFinding(
            kind: .notifiedWithoutAccess, subject: "user \(login)",
            reason: "was notified of email:\(pair.emailID) but may not read it (\(access.reason))",
            fix: "nothing to change in the roles if meant; espomail notification read as that user clears it"))
      }
      if try tx.mailAccounts().contains(where: { $0.imap.secretSource == .stored || $0.smtp?.secretSource == .stored }),
        !FileManager.default.fileExists(atPath: store.keyFile)
      {
        findings.append(
          AuditFinding(
            kind: .keyFileMissing, subject: store.keyFile,
            reason: "accounts have stored passwords, and the key that opens them is missing",
            fix: "restore the key file from the backup made with the store, or set each password again"))
      }
    }
    findings += auditFiles()
    return findings
  }

  /// An account's findings: unapproved commands, cleartext to remote hosts, an unowned address.
  private func auditAccount(_ account: MailAccount, _ tx: Transaction) throws -> [AuditFinding] {
    var findings: [AuditFinding] = []
    let servers = [("IMAP", account.imap, "--security"), ("SMTP", account.smtp, "--smtp-security")]
    for (name, server, flag) in servers {
      guard let server else { continue }
      if server.hasUnapprovedCommand {
        findings.append(
          AuditFinding(
            kind: .commandSecretNotByAdmin, subject: "account \(account.name)",
            reason: "its \(name) secret is a command that no admin set, so fetching and sending with it are refused",
            fix: "an admin: espomail account set \(account.name) --\(name == "SMTP" ? "smtp-" : "")password-command CMD; "
              + "or the owner gives a password with --\(name == "SMTP" ? "smtp-" : "")password-stdin"))
      }
      if server.security == .none, !ConnectionSecurity.isLoopback(host: server.host) {
        findings.append(
          AuditFinding(
            kind: .cleartextConnection, subject: "account \(account.name)",
            reason: "\(name) to \(server.host) is unencrypted: the password and all mail cross the network in clear",
            fix: "espomail account set \(account.name) \(flag) tls"))
      }
    }
    if account.kind == .personal, let login = account.owner, let owner = try tx.user(login: login),
      !owner.addresses.contains(where: { $0.lowercased() == account.address.lowercased() })
    {
      findings.append(
        AuditFinding(
          kind: .unownedPersonalAddress, subject: "account \(account.name)",
          reason: "its address \(account.address) is not one of its owner \(login)'s addresses",
          fix: "espomail user email add \(login) \(account.address) if it is theirs, else espomail account set \(account.name) --address ADDRESS"))
    }
    return findings
  }

  /// Store, WAL, shared-memory, key and lock files that anyone but their owner may use (for a
  /// PostgreSQL store, the key file: the database guards the rest).
  private func auditFiles() -> [AuditFinding] {
    let path = store.path
    let files =
      store.engine == .sqlite
      ? [path, path + "-wal", path + "-shm", store.keyFile, path + ".locks"] : [store.keyFile]
    return files.compactMap { file -> AuditFinding? in
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0
      else { return nil }
      let wanted = attributes[.type] as? FileAttributeType == .typeDirectory ? "0700" : "0600"
      return AuditFinding(
        kind: .filePermissions, subject: file,
        reason: "mode \(String(mode, radix: 8)) lets users other than its owner use it; the store is one trust domain",
        fix: "chmod \(wanted) '\(file)'")
    }
  }
}
