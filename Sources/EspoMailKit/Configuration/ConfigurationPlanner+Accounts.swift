import EspoMailCore

extension ConfigurationPlanner {
  /// The step that adds an account, or a refusal when its password is sealed elsewhere.
  func accountAddition(_ account: AccountConfiguration) -> ConfigurationStep {
    let change = ConfigurationChange(.add, .account, account.name)
    guard account.imap.secret != .stored, account.smtp?.secret != .stored else {
      return ConfigurationStep(
        refused: change,
        because: "its password is sealed in the store it came from; add the account with "
          + "'espomail account add \(account.name) … --password-stdin' first, or give a secret-command")
    }
    var request = accountRequest(account)
    request.kind = account.kind
    request.owner = account.owner
    request.secret = Self.secretInput(account.imap)
    request.smtpSecret = account.smtp.flatMap(Self.secretInput)
    if account.smtp?.secret == account.imap.secret, account.smtp?.secretCommand == account.imap.secretCommand {
      request.smtpSecret = nil
    }
    return ConfigurationStep(change) {
      _ = try session.addAccount(request)
      if !account.active { try deactivate(account.name) }
    }
  }

  /// The step that changes an account, or a refusal for what `account set` cannot change.
  func accountChange(_ old: AccountConfiguration, _ new: AccountConfiguration) -> ConfigurationStep {
    let change = ConfigurationChange(.change, .account, new.name, fields: changedFields(old, new))
    if old.kind != new.kind || old.owner != new.owner {
      return ConfigurationStep(
        refused: change, because: "an account's kind and owner are fixed; remove it and add it anew to change them")
    }
    let cleared = Self.clearedFields(old, new)
    if !cleared.isEmpty {
      return ConfigurationStep(
        refused: change,
        because: "espomail cannot unset \(cleared.joined(separator: ", ")) of an account; give a value instead")
    }
    var request = accountRequest(new)
    if new.imap.secret != old.imap.secret || new.imap.secretCommand != old.imap.secretCommand {
      guard let secret = Self.secretInput(new.imap) else {
        return ConfigurationStep(
          refused: change,
          because: "the document says its password is sealed, but the store has none: "
            + "set it with 'espomail account set \(new.name) --password-stdin'")
      }
      request.secret = secret
    }
    if let smtp = new.smtp, smtp.secret != old.smtp?.secret || smtp.secretCommand != old.smtp?.secretCommand {
      guard let secret = Self.secretInput(smtp) else {
        return ConfigurationStep(
          refused: change,
          because: "the document says its SMTP password is sealed, but the store has none: "
            + "set it with 'espomail account set \(new.name) --smtp-password-stdin'")
      }
      request.smtpSecret = secret
    }
    if new.smtp == nil, old.smtp != nil { request.smtpHost = "" }
    for imapFolder in (old.folderMap ?? [:]).keys where new.folderMap?[imapFolder] == nil {
      request.folderMap[imapFolder] = ""
    }
    return ConfigurationStep(change) { _ = try session.setAccount(request) }
  }

  /// The request that gives an account every setting of the document's entry.
  private func accountRequest(_ account: AccountConfiguration) -> AccountRequest {
    var request = AccountRequest(name: account.name)
    request.address = account.address
    request.host = account.imap.host
    request.port = account.imap.port
    request.security = account.imap.security
    request.username = account.imap.username
    request.loginMechanism = account.imap.loginMechanism
    request.caFile = account.caFile ?? ""
    request.heloName = account.heloName ?? ""
    request.usesIMAP = account.usesIMAP
    request.excludeFromReply = account.excludeFromReply
    if account.kind == .group {
      request.fromName = account.fromName ?? ""
      request.replyToAddress = account.replyToAddress ?? ""
    }
    request.folders = account.folders
    request.fetchSince = account.fetchSince
    request.keepUnread = account.keepUnread
    request.portion = account.portion
    request.maxSizeMB = account.maxSizeMB
    request.isActive = account.active
    if account.kind == .group {
      request.teams = account.teams
      request.createCase = account.cases.create
      request.distribution = DistributionChoice(rawValue: account.cases.distribution?.rawValue ?? "none")
      request.caseTeam = account.cases.team
      request.position = account.cases.position ?? ""
      request.assignTo = account.cases.assignTo ?? ""
      request.smtpShared = account.smtpShared
      request.groupFolder = account.groupFolder ?? ""
      request.addsAllTeamUsers = account.addAllTeamUsers ?? true
    }
    request.folderMap = account.folderMap ?? [:]
    if let smtp = account.smtp {
      request.smtpHost = smtp.host
      request.smtpPort = smtp.port
      request.smtpSecurity = smtp.security
      request.smtpUsername = smtp.username
      request.smtpLoginMechanism = smtp.loginMechanism
    }
    request.sentFolder = account.sentFolder ?? ""
    if account.autoReply != AutoReplyConfiguration(.off) {
      request.autoReply = account.autoReply.enabled
      request.replyTemplate = account.autoReply.template
      request.replyFrom = account.autoReply.from
      request.replyFromName = account.autoReply.fromName
      request.replyTo = account.autoReply.replyTo
    }
    request.allowCleartext = options.allowCleartext
    request.allowUnownedAddress = options.allowUnownedAddress
    return request
  }

  /// `account add` makes active accounts: one the document keeps inactive is set so after.
  private func deactivate(_ name: String) throws {
    var request = AccountRequest(name: name)
    request.isActive = false
    _ = try session.setAccount(request)
  }

  /// The fields a change would have to unset, which `account set` has no way to do.
  static func clearedFields(_ old: AccountConfiguration, _ new: AccountConfiguration) -> [String] {
    let pairs: [(String, String?, String?)] = [
      ("fetch-since", old.fetchSince, new.fetchSince),
      ("cases.team", old.cases.team, new.cases.team),
      ("auto-reply.template", old.autoReply.template, new.autoReply.template),
      ("auto-reply.from", old.autoReply.from, new.autoReply.from),
      ("auto-reply.from-name", old.autoReply.fromName, new.autoReply.fromName),
      ("auto-reply.reply-to", old.autoReply.replyTo, new.autoReply.replyTo),
    ]
    return pairs.filter { $0.1 != nil && $0.2 == nil }.map(\.0)
  }

  /// The secret a server entry gives, or nil for a sealed password (which the document cannot carry).
  static func secretInput(_ server: ServerConfiguration) -> SecretInput? {
    switch (server.secret, server.secretCommand) {
    case (.command, let command?): .command(command)
    case (.oauth2Command, let command?): .oauth2Command(command)
    default: nil
    }
  }
}
