import EspoMailCore
import EspoMailSecrets
import EspoMailStore
import Foundation

extension Session {
  /// Adds a group account (admins) or a personal account (admins, or its owner when their role
  /// grants personal-email-accounts). The secret is sealed with the store's key file.
  public func addAccount(_ request: AccountRequest) throws -> MailAccount {
    try validateName(request.name, of: "email account")
    guard let kind = request.kind else { throw EspoMailError(.usage, "say --group or --personal --owner LOGIN") }
    if kind == .group, request.owner != nil {
      throw EspoMailError(.usage, "group accounts have no owner", hint: "use --personal --owner LOGIN for a user's mailbox")
    }
    let ownerLogin = try accountAccess.requireManage(kind: kind, owner: request.owner, action: "account add")
    if kind == .personal, !user.isAdmin, let ownerLogin { try requireRoomForPersonalAccount(of: ownerLogin) }
    let usesIMAP = request.usesIMAP ?? true
    guard let address = request.address, let host = request.host ?? (usesIMAP ? nil : ""), let username = request.username
    else {
      throw EspoMailError(
        .usage, "account add needs --address, --imap-host and --username",
        hint: "a send-only account (--no-imap) needs --address, --username and --smtp-host")
    }
    guard let secret = request.secret else {
      throw EspoMailError(
        .usage, "account add needs a secret", hint: "--password-stdin, --password-command CMD or --oauth2-token-command CMD")
    }
    if kind == .personal, let teams = request.teams, !teams.isEmpty {
      throw EspoMailError.invalid("--team", "only group accounts have teams")
    }
    let security = request.security ?? .tls
    let mailbox = try EmailAddress(address).value
    if kind == .personal, let ownerLogin { try requireOwnedAddress(mailbox, ownerLogin: ownerLogin, request) }
    var account = MailAccount(
      id: 0, name: request.name, kind: kind, owner: ownerLogin, address: mailbox,
      isActive: true,
      imap: ServerSettings(
        host: host, port: request.port ?? ServerSettings.defaultIMAPPort(security), security: security,
        username: username, secretSource: .stored, secretCommand: nil),
      folders: request.folders.isEmpty ? ["INBOX"] : request.folders, fetchSince: request.fetchSince,
      keepUnread: request.keepUnread ?? false, portion: request.portion ?? 500, maxSizeMB: request.maxSizeMB ?? 10,
      teams: request.teams ?? [], health: AccountHealth(lastSuccessAt: nil, lastAttemptAt: nil, lastError: nil, consecutiveFailures: 0))
    account.usesIMAP = usesIMAP
    account.excludeFromReply = request.excludeFromReply ?? false
    try Self.validate(account)
    try requireProtectedConnections(account, request)
    let stored = try sealed(secret, flag: "account add")
    account.imap.secretSource = stored.source
    account.imap.secretCommand = stored.command
    account.imap.secretSetByAdmin = stored.setByAdmin
    try applySendingSettings(request, to: &account)
    try applyServerSettings(request, to: &account)
    try applyCaseSettings(request, to: &account)
    try applyRoutingSettings(request, to: &account)
    try Self.validateSendOnly(account)
    let smtpSecret = try request.smtpSecret.map { try sealed($0, flag: "account add (SMTP secret)") }
    return try store.write { tx in
      let ownerID = try ownerLogin.map { try tx.userID(login: $0).orNotFound("user", $0) }
      let id = try tx.insertMailAccount(account, ownerID: ownerID, secret: stored)
      if let smtpSecret { try tx.setSMTPSecret(accountID: id, smtpSecret) }
      return try tx.mailAccount(id: id).orNotFound("email account", request.name)
    }
  }

  /// Throws when a user adding a personal account for themselves already has as many as the
  /// `personal-account-limit` setting allows (admins are not limited).
  private func requireRoomForPersonalAccount(of login: String) throws {
    let limit = try store.read { try $0.number(.personalAccountLimit) }
    let owned = try listAccounts().filter { $0.kind == .personal && $0.owner?.lowercased() == login.lowercased() }.count
    guard owned < limit else {
      throw EspoMailError.denied(
        "account add", because: "'\(login)' has \(owned) personal account\(owned == 1 ? "" : "s"), the most a user may add",
        hint: "an admin may add it, or raise the limit: espomail setting set personal-account-limit \(owned + 1)")
    }
  }

  /// Changes an account's settings or secret, under the same rules as adding it.
  public func setAccount(_ request: AccountRequest) throws -> MailAccount {
    let current = try manageableAccount(request.name, action: "account set")
    var account = current
    if let address = request.address {
      account.address = try EmailAddress(address).value
      if account.kind == .personal, let ownerLogin = account.owner {
        try requireOwnedAddress(account.address, ownerLogin: ownerLogin, request)
      }
    }
    if let host = request.host { account.imap.host = host }
    if let security = request.security {
      if request.port == nil, account.imap.port == ServerSettings.defaultIMAPPort(account.imap.security) {
        account.imap.port = ServerSettings.defaultIMAPPort(security)
      }
      account.imap.security = security
    }
    if let port = request.port { account.imap.port = port }
    if let username = request.username { account.imap.username = username }
    if !request.folders.isEmpty {
      account.folders = request.folders
      account.folderMap = account.folderMap.filter { request.folders.contains($0.key) }
    }
    if let fetchSince = request.fetchSince { account.fetchSince = fetchSince }
    if let keepUnread = request.keepUnread { account.keepUnread = keepUnread }
    if let portion = request.portion { account.portion = portion }
    if let maxSizeMB = request.maxSizeMB { account.maxSizeMB = maxSizeMB }
    if let isActive = request.isActive { account.isActive = isActive }
    if let teams = request.teams {
      guard account.kind == .group else { throw EspoMailError.invalid("--team", "only group accounts have teams") }
      account.teams = teams
    }
    try applyCaseSettings(request, to: &account)
    try applySendingSettings(request, to: &account)
    try applyServerSettings(request, to: &account)
    if let usesIMAP = request.usesIMAP { account.usesIMAP = usesIMAP }
    try applyRoutingSettings(request, to: &account)
    if let exclude = request.excludeFromReply { account.excludeFromReply = exclude }
    try Self.validate(account)
    try Self.validateSendOnly(account)
    try requireProtectedConnections(account, request)
    let secret = try request.secret.map { try sealed($0, flag: "account set") }
    let smtpSecret = try request.smtpSecret.map { try sealed($0, flag: "account set (SMTP secret)") }
    return try store.write { tx in
      if !account.isActive || account.smtp == nil, try tx.setting(.defaultOutbound)?.lowercased() == account.name.lowercased() {
        throw EspoMailError(
          .dataError, "'\(account.name)' is the system's default outbound account",
          hint: "choose another with 'espomail outbound set-default ACCOUNT' first")
      }
      try tx.updateMailAccount(account)
      if let secret { try tx.setSecret(accountID: account.id, secret) }
      if let smtpSecret { try tx.setSMTPSecret(accountID: account.id, smtpSecret) }
      return try tx.mailAccount(id: account.id).orNotFound("email account", request.name)
    }
  }

  /// Applies and checks where the account's mail goes (Docs/email-to-case.md, "Group folders and
  /// teams"): a group account's group folder and whether all its teams' users get its mail; a
  /// personal account's folder map, from monitored IMAP folders to its owner's folders.
  private func applyRoutingSettings(_ request: AccountRequest, to account: inout MailAccount) throws {
    if let folder = request.groupFolder {
      guard account.kind == .group else {
        throw EspoMailError.invalid("--group-folder", "only group accounts file their mail in a group folder")
      }
      if folder.isEmpty {
        account.groupFolder = nil
      } else {
        _ = try store.read { try $0.groupFolderID(name: folder) }.orNotFound(
          "group folder", folder, hint: "see 'espomail group-folder list', or add it with 'espomail group-folder add'")
        account.groupFolder = folder
      }
    }
    if let addsAll = request.addsAllTeamUsers {
      guard account.kind == .group else {
        throw EspoMailError.invalid("--add-all-team-users", "only group accounts have teams; a personal account's mail is its owner's")
      }
      account.addsAllTeamUsers = addsAll
    }
    guard !request.folderMap.isEmpty else { return }
    guard account.kind == .personal, let owner = account.owner else {
      throw EspoMailError.invalid(
        "--folder-map", "only personal accounts file IMAP folders in their owner's folders",
        hint: "a group account files its mail with --group-folder")
    }
    for (imapFolder, folder) in request.folderMap.sorted(by: { $0.key < $1.key }) {
      guard account.folders.contains(imapFolder) || folder.isEmpty else {
        throw EspoMailError.invalid(
          "--folder-map '\(imapFolder)=\(folder)'", "'\(imapFolder)' is not a monitored folder of \(account.name)",
          hint: "monitored: \(account.folders.joined(separator: ", ")); add it with --folder")
      }
      if folder.isEmpty {
        account.folderMap[imapFolder] = nil
        continue
      }
      try store.read { tx in
        let ownerID = try tx.userID(login: owner).orNotFound("user", owner)
        _ = try tx.folderID(userID: ownerID, name: folder).orNotFound(
          "folder", folder, hint: "'\(owner)' has no such folder; add it with 'espomail folder add \(folder) --user \(owner)'")
      }
      account.folderMap[imapFolder] = folder
    }
  }

  /// Applies and checks the login mechanisms, CA file, EHLO name, From name and Reply-To address.
  private func applyServerSettings(_ request: AccountRequest, to account: inout MailAccount) throws {
    if let mechanism = request.loginMechanism { account.imap.loginMechanism = mechanism }
    if let mechanism = request.smtpLoginMechanism {
      guard account.smtp != nil else { throw EspoMailError(.usage, "--smtp-login-mechanism needs --smtp-host HOST") }
      account.smtp?.loginMechanism = mechanism
    }
    if let caFile = request.caFile {
      if caFile.isEmpty {
        account.caFile = nil
      } else {
        guard caFile.hasPrefix("/") else {
          throw EspoMailError.invalid("--ca-file \(caFile)", "give an absolute path (cron jobs start elsewhere)")
        }
        guard FileManager.default.isReadableFile(atPath: caFile) else {
          throw EspoMailError.invalid("--ca-file \(caFile)", "no readable file there; give the CA's PEM file")
        }
        account.caFile = caFile
      }
    }
    if let name = request.heloName {
      if name.isEmpty {
        account.heloName = nil
      } else {
        guard HeloName.isValid(name) else {
          throw EspoMailError.invalid(
            "--helo-name \(name)", "give a fully qualified host name such as mail.example.org, or an address literal [192.0.2.1]")
        }
        account.heloName = name
      }
    }
    if let name = request.fromName {
      guard name.isEmpty || account.kind == .group else {
        throw EspoMailError.invalid("--from-name", "a personal account sends with its owner's name")
      }
      try HeaderText.check(name, field: "--from-name")
      account.fromName = name.isEmpty ? nil : name
    }
    if let address = request.replyToAddress {
      guard address.isEmpty || account.kind == .group else {
        throw EspoMailError.invalid("--reply-to-address", "only group accounts have a Reply-To of their own")
      }
      account.replyToAddress = address.isEmpty ? nil : try EmailAddress(address).value
    }
  }

  /// Applies and checks SMTP and auto-reply settings.
  private func applySendingSettings(_ request: AccountRequest, to account: inout MailAccount) throws {
    if let host = request.smtpHost {
      if host.isEmpty {
        account.smtp = nil
      } else {
        let security = request.smtpSecurity ?? account.smtp?.security ?? .starttls
        account.smtp = ServerSettings(
          host: host, port: request.smtpPort ?? ServerSettings.defaultSMTPPort(security), security: security,
          username: request.smtpUsername ?? account.smtp?.username ?? account.imap.username,
          secretSource: account.imap.secretSource, secretCommand: account.imap.secretCommand,
          secretSetByAdmin: account.imap.secretSetByAdmin, loginMechanism: account.smtp?.loginMechanism ?? .auto)
      }
    } else if var smtp = account.smtp {
      if let security = request.smtpSecurity { smtp.security = security }
      if let port = request.smtpPort { smtp.port = port }
      if let username = request.smtpUsername { smtp.username = username }
      account.smtp = smtp
    } else if request.smtpPort != nil || request.smtpSecurity != nil || request.smtpUsername != nil || request.smtpSecret != nil {
      throw EspoMailError(.usage, "SMTP options need --smtp-host HOST")
    }
    if let smtp = account.smtp {
      guard !smtp.host.contains(where: { $0 == " " || $0 == "/" || $0.isNewline }), (1...65535).contains(smtp.port) else {
        throw EspoMailError.invalid("SMTP server \(smtp.host):\(smtp.port)", "give a host name and a port from 1 to 65535")
      }
    }
    if let shared = request.smtpShared {
      guard account.kind == .group else { throw EspoMailError.invalid("--smtp-shared", "only group accounts are shared") }
      account.isSMTPShared = shared
    }
    if let folder = request.sentFolder { account.sentFolder = folder.isEmpty ? nil : folder }
    var reply = account.autoReply
    if let on = request.autoReply { reply.isOn = on }
    if let template = request.replyTemplate { reply.template = template }
    if let from = request.replyFrom { reply.from = try EmailAddress(from).value }
    if let name = request.replyFromName { try HeaderText.check(name, field: "--reply-from-name"); reply.fromName = name }
    if let replyTo = request.replyTo { reply.replyTo = try EmailAddress(replyTo).value }
    if reply != account.autoReply {
      guard account.kind == .group else { throw EspoMailError.invalid("--auto-reply", "only group accounts reply automatically") }
      if reply.isOn {
        guard let template = reply.template else { throw EspoMailError(.usage, "auto-reply needs --reply-template TEMPLATE") }
        _ = try store.read { try $0.template(name: template) }.orNotFound("template", template)
      }
      account.autoReply = reply
    }
  }

  /// Applies and checks email-to-case settings: round-robin and least-busy need a team, direct
  /// needs an active user; only group accounts open cases or assign mail. `--assign-to` names the
  /// direct-distribution user, or on an account without cases the user its mail is assigned to;
  /// a case account without direct distribution forgets it (Docs/email-to-case.md).
  private func applyCaseSettings(_ request: AccountRequest, to account: inout MailAccount) throws {
    let touched =
      request.createCase != nil || request.distribution != nil || request.caseTeam != nil || request.position != nil
      || request.assignTo != nil
    guard touched else { return }
    guard account.kind == .group else {
      let flag = request.assignTo != nil && request.createCase == nil ? "--assign-to" : "--create-case"
      throw EspoMailError.invalid(flag, "only group accounts open cases or assign their mail")
    }
    var cases = account.cases
    if let createCase = request.createCase { cases.createCase = createCase }
    if let choice = request.distribution { cases.distribution = choice.distribution }
    if let team = request.caseTeam { cases.team = team }
    if let position = request.position { cases.position = position.isEmpty ? nil : position }
    if let assignTo = request.assignTo { cases.assignTo = assignTo.isEmpty ? nil : assignTo }
    if let login = request.assignTo, !login.isEmpty {
      if cases.createCase, cases.distribution != .direct {
        throw EspoMailError(
          .usage, "--assign-to on an account that opens cases names the user of direct distribution",
          hint: "add --distribution direct, or --no-create-case to assign every email to \(login) without cases")
      }
      let assignee = try store.read { try $0.user(login: login) }.orNotFound("user", login)
      guard assignee.isActive else { throw EspoMailError.invalid("--assign-to \(login)", "the user is inactive") }
    }
    // Only direct distribution uses the user on a case account: anywhere else it is forgotten
    // rather than kept unused.
    if cases.createCase, cases.distribution != .direct { cases.assignTo = nil }
    if cases.createCase {
      switch cases.distribution {
      case .roundRobin?, .leastBusy?:
        guard cases.team != nil else {
          throw EspoMailError(
            .usage, "\(cases.distribution?.rawValue ?? "") distribution needs --case-team TEAM")
        }
      case .direct?:
        guard let login = cases.assignTo else { throw EspoMailError(.usage, "direct distribution needs --assign-to LOGIN") }
        let assignee = try store.read { try $0.user(login: login) }.orNotFound("user", login)
        guard assignee.isActive else { throw EspoMailError.invalid("--assign-to \(login)", "the user is inactive") }
      case nil:
        break
      }
    }
    try store.read { tx in
      if let team = cases.team {
        let found = try tx.team(name: team).orNotFound("team", team)
        if let position = cases.position, !found.members.contains(where: { $0.position == position }) {
          throw EspoMailError.invalid("--position '\(position)'", "no member of team '\(team)' has that position")
        }
      }
    }
    account.cases = cases
  }

  /// The accounts the acting user may see: admins all; others their own personal accounts.
  public func listAccounts() throws -> [MailAccount] {
    return try store.read { try $0.mailAccounts() }.filter(accountAccess.maySee)
  }

  /// One account the acting user may see.
  public func showAccount(_ name: String) throws -> MailAccount {
    let account = try store.read { try $0.mailAccount(name: name) }.orNotFound("email account", name)
    guard accountAccess.maySee(account) else {
      throw EspoMailError.denied("account show \(name)", because: "only admins and the account's owner may see it")
    }
    return account
  }

  /// Removes an account. Its emails stay for the users who have them.
  public func removeAccount(_ name: String) throws -> MailAccount {
    let account = try manageableAccount(name, action: "account remove")
    try store.write { tx in
      if try tx.setting(.defaultOutbound)?.lowercased() == account.name.lowercased() {
        throw EspoMailError(
          .dataError, "'\(account.name)' is the system's default outbound account",
          hint: "choose another with 'espomail outbound set-default ACCOUNT' first")
      }
      try tx.deleteMailAccount(id: account.id)
    }
    return account
  }

  /// Forgets the folder checkpoints and sets a new fetch-since date (nil: all mail): the next fetch
  /// rescans from that date, and already imported messages are recognised, not duplicated.
  public func resetAccount(_ name: String, since: String?) throws -> MailAccount {
    var account = try manageableAccount(name, action: "account reset")
    account.fetchSince = since
    try Self.validate(account)
    return try store.write { tx in
      try tx.updateMailAccount(account)
      try tx.resetCheckpoints(accountID: account.id)
      return try tx.mailAccount(id: account.id).orNotFound("email account", name)
    }
  }

  /// An account the acting user may change: group accounts for admins; personal ones for admins
  /// and for their owner when the role grants personal-email-accounts.
  func manageableAccount(_ name: String, action: String) throws -> MailAccount {
    let account = try store.read { try $0.mailAccount(name: name) }.orNotFound("email account", name)
    _ = try accountAccess.requireManage(kind: account.kind, owner: account.owner, action: action)
    return account
  }

  /// Checks that a personal account's address is its owner's (or that an admin accepted otherwise).
  private func requireOwnedAddress(_ address: String, ownerLogin: String, _ request: AccountRequest) throws {
    let owner = try store.read { try $0.user(login: ownerLogin) }.orNotFound("user", ownerLogin)
    try accountAccess.requireOwnedAddress(address, owner: owner, allowUnowned: request.allowUnownedAddress)
  }

  /// Checks the connections a request sets up or changes: cleartext only on loopback, or accepted.
  private func requireProtectedConnections(_ account: MailAccount, _ request: AccountRequest) throws {
    if request.host != nil || request.security != nil || request.port != nil {
      try accountAccess.requireProtected(account.imap, "IMAP", allowCleartext: request.allowCleartext)
    }
    if let smtp = account.smtp, request.smtpHost != nil || request.smtpSecurity != nil || request.smtpPort != nil {
      try accountAccess.requireProtected(smtp, "SMTP", allowCleartext: request.allowCleartext)
    }
  }

  /// The account rules as they apply to the acting user.
  var accountAccess: AccountAccess { AccountAccess(user: user, permissions: permissions) }

  /// Seals a new secret, recording whether an admin set it; a non-admin may not set a command.
  private func sealed(_ secret: SecretInput, flag: String) throws -> StoredSecret {
    try accountAccess.requireMaySet(secret, flag: flag)
    switch secret {
    case .password(let password):
      guard !password.isEmpty else { throw EspoMailError.invalid("password", "it is empty") }
      let box = try store.secretBox()
      return StoredSecret(source: .stored, sealed: try box.seal(password), command: nil, setByAdmin: user.isAdmin)
    case .command(let command):
      guard !command.trimmingWhitespace().isEmpty else { throw EspoMailError.invalid("--password-command", "it is empty") }
      return StoredSecret(source: .command, sealed: nil, command: command, setByAdmin: user.isAdmin)
    case .oauth2Command(let command):
      guard !command.trimmingWhitespace().isEmpty else {
        throw EspoMailError.invalid("--oauth2-token-command", "it is empty")
      }
      return StoredSecret(source: .oauth2Command, sealed: nil, command: command, setByAdmin: user.isAdmin)
    }
  }

  /// Checks an account's settings for values that can never work.
  /// Checks a send-only account (no IMAP): it needs SMTP, and has nothing IMAP gives: no Sent
  /// folder to file copies in, no cases or auto-replies, which start from fetched mail.
  static func validateSendOnly(_ account: MailAccount) throws {
    guard !account.usesIMAP else { return }
    guard account.smtp != nil else {
      throw EspoMailError(.usage, "a send-only account (--no-imap) needs --smtp-host HOST")
    }
    guard account.sentFolder == nil else {
      throw EspoMailError.invalid("--sent-folder", "a send-only account has no IMAP folder to file copies in")
    }
    guard !account.cases.createCase, !account.autoReply.isOn else {
      throw EspoMailError.invalid(
        "a send-only account with cases or auto-replies", "both start from fetched mail",
        hint: "--no-create-case --no-auto-reply, or --imap --imap-host HOST to fetch it")
    }
  }

  static func validate(_ account: MailAccount) throws {
    guard !account.usesIMAP || !account.imap.host.trimmingWhitespace().isEmpty,
      !account.imap.host.contains(where: { $0 == " " || $0 == "/" || $0.isNewline })
    else { throw EspoMailError.invalid("--imap-host '\(account.imap.host)'", "give a host name or address") }
    guard (1...65535).contains(account.imap.port) else {
      throw EspoMailError.invalid("--imap-port \(account.imap.port)", "ports are 1 to 65535")
    }
    guard !account.imap.username.isEmpty, !account.imap.username.contains(where: \.isNewline) else {
      throw EspoMailError.invalid("--username", "it is empty or has a line break")
    }
    for folder in account.folders {
      guard !folder.isEmpty, !folder.contains(where: { $0.isNewline || $0 == "\u{0}" }) else {
        throw EspoMailError.invalid("--folder '\(folder)'", "folder names cannot be empty or hold line breaks or NUL")
      }
    }
    guard Set(account.folders).count == account.folders.count else {
      throw EspoMailError.invalid("--folder", "a folder is named twice")
    }
    if let since = account.fetchSince, FetchDate.parse(since) == nil {
      throw EspoMailError.malformed("--fetch-since date", since, accepted: "YYYY-MM-DD, such as 2026-01-31")
    }
    guard (1...100_000).contains(account.portion) else {
      throw EspoMailError.invalid("--portion \(account.portion)", "give 1 to 100000 messages per folder per run")
    }
    guard (1...2048).contains(account.maxSizeMB) else {
      throw EspoMailError.invalid("--max-size \(account.maxSizeMB)", "give 1 to 2048 megabytes")
    }
  }
}
