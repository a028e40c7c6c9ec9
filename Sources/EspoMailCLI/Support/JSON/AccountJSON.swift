import EspoMailCore

/// A mail account as `account add|list|show|set|remove|reset` print it: every setting, where the
/// secret comes from but never the secret; the SMTP keys are null when the account has no SMTP.
struct AccountJSON: JSONOutput {
  /// The account shown.
  let account: MailAccount

  /// Wraps an account.
  init(_ account: MailAccount) { self.account = account }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case name = "name"
    case kind = "kind"
    case owner = "owner"
    case address = "address"
    case isActive = "isActive"
    case imapHost = "imapHost"
    case imapPort = "imapPort"
    case security = "security"
    case username = "username"
    case loginMechanism = "loginMechanism"
    case secretSource = "secretSource"
    case secretCommand = "secretCommand"
    case secretSetByAdmin = "secretSetByAdmin"
    case folders = "folders"
    case fetchSince = "fetchSince"
    case keepUnread = "keepUnread"
    case portion = "portion"
    case maxSizeMB = "maxSizeMB"
    case teams = "teams"
    case health = "health"
    case cases = "cases"
    case smtpHost = "smtpHost"
    case smtpPort = "smtpPort"
    case smtpSecurity = "smtpSecurity"
    case smtpUsername = "smtpUsername"
    case smtpLoginMechanism = "smtpLoginMechanism"
    case heloName = "heloName"
    case fromName = "fromName"
    case usesIMAP = "usesIMAP"
    case excludeFromReply = "excludeFromReply"
    case replyToAddress = "replyToAddress"
    case smtpSecretSource = "smtpSecretSource"
    case smtpSecretCommand = "smtpSecretCommand"
    case smtpSecretSetByAdmin = "smtpSecretSetByAdmin"
    case smtpShared = "smtpShared"
    case sentFolder = "sentFolder"
    case sentAppendFailures = "sentAppendFailures"
    case lastSentAppendError = "lastSentAppendError"
    case caFile = "caFile"
    case autoReply = "autoReply"
    case groupFolder = "groupFolder"
    case addAllTeamUsers = "addAllTeamUsers"
    case folderMap = "folderMap"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(account.id, forKey: .id)
    try json.encode(account.name, forKey: .name)
    try json.encode(account.kind.rawValue, forKey: .kind)
    try json.encodeOrNull(account.owner, forKey: .owner)
    try json.encode(account.address, forKey: .address)
    try json.encode(account.isActive, forKey: .isActive)
    try json.encode(account.imap.host, forKey: .imapHost)
    try json.encode(account.imap.port, forKey: .imapPort)
    try json.encode(account.imap.security.rawValue, forKey: .security)
    try json.encode(account.imap.username, forKey: .username)
    try json.encode(account.imap.loginMechanism.rawValue, forKey: .loginMechanism)
    try json.encode(account.imap.secretSource.rawValue, forKey: .secretSource)
    try json.encodeOrNull(account.imap.secretCommand, forKey: .secretCommand)
    try json.encode(account.imap.secretSetByAdmin, forKey: .secretSetByAdmin)
    try json.encode(account.folders, forKey: .folders)
    try json.encodeOrNull(account.fetchSince, forKey: .fetchSince)
    try json.encode(account.keepUnread, forKey: .keepUnread)
    try json.encode(account.portion, forKey: .portion)
    try json.encode(account.maxSizeMB, forKey: .maxSizeMB)
    try json.encode(account.teams, forKey: .teams)
    try json.encode(AccountHealthJSON(account.health), forKey: .health)
    try json.encode(CaseSettingsJSON(account.cases), forKey: .cases)
    let smtp = account.smtp
    try json.encodeOrNull(smtp?.host, forKey: .smtpHost)
    try json.encodeOrNull(smtp?.port, forKey: .smtpPort)
    try json.encodeOrNull(smtp?.security.rawValue, forKey: .smtpSecurity)
    try json.encodeOrNull(smtp?.username, forKey: .smtpUsername)
    try json.encodeOrNull(smtp?.loginMechanism.rawValue, forKey: .smtpLoginMechanism)
    try json.encodeOrNull(account.heloName, forKey: .heloName)
    try json.encodeOrNull(account.fromName, forKey: .fromName)
    try json.encode(account.usesIMAP, forKey: .usesIMAP)
    try json.encode(account.excludeFromReply, forKey: .excludeFromReply)
    try json.encodeOrNull(account.replyToAddress, forKey: .replyToAddress)
    try json.encodeOrNull(smtp?.secretSource.rawValue, forKey: .smtpSecretSource)
    try json.encodeOrNull(smtp?.secretCommand, forKey: .smtpSecretCommand)
    try json.encodeOrNull(smtp?.secretSetByAdmin, forKey: .smtpSecretSetByAdmin)
    try json.encode(account.isSMTPShared, forKey: .smtpShared)
    try json.encodeOrNull(account.sentFolder, forKey: .sentFolder)
    try json.encode(account.sentAppend.failures, forKey: .sentAppendFailures)
    try json.encodeOrNull(account.sentAppend.lastError, forKey: .lastSentAppendError)
    try json.encodeOrNull(account.caFile, forKey: .caFile)
    try json.encode(AutoReplyJSON(account.autoReply), forKey: .autoReply)
    try json.encodeOrNull(account.groupFolder, forKey: .groupFolder)
    try json.encode(account.addsAllTeamUsers, forKey: .addAllTeamUsers)
    try json.encode(account.folderMap, forKey: .folderMap)
  }
}

/// An account's fetch history, the `health` object of `AccountJSON`.
struct AccountHealthJSON: JSONOutput {
  /// The history shown.
  let health: AccountHealth

  /// Wraps a history.
  init(_ health: AccountHealth) { self.health = health }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case lastSuccessAt = "lastSuccessAt"
    case lastAttemptAt = "lastAttemptAt"
    case lastError = "lastError"
    case consecutiveFailures = "consecutiveFailures"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encodeOrNull(health.lastSuccessAt, forKey: .lastSuccessAt)
    try json.encodeOrNull(health.lastAttemptAt, forKey: .lastAttemptAt)
    try json.encodeOrNull(health.lastError, forKey: .lastError)
    try json.encode(health.consecutiveFailures, forKey: .consecutiveFailures)
  }
}

/// An account's email-to-case settings, the `cases` object of `AccountJSON`.
struct CaseSettingsJSON: JSONOutput {
  /// The settings shown.
  let cases: CaseSettings

  /// Wraps settings.
  init(_ cases: CaseSettings) { self.cases = cases }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case createCase = "createCase"
    case distribution = "distribution"
    case team = "team"
    case position = "position"
    case assignTo = "assignTo"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(cases.createCase, forKey: .createCase)
    try json.encodeOrNull(cases.distribution?.rawValue, forKey: .distribution)
    try json.encodeOrNull(cases.team, forKey: .team)
    try json.encodeOrNull(cases.position, forKey: .position)
    try json.encodeOrNull(cases.assignTo, forKey: .assignTo)
  }
}

/// An account's auto-reply settings, the `autoReply` object of `AccountJSON`.
struct AutoReplyJSON: JSONOutput {
  /// The settings shown.
  let reply: AutoReplySettings

  /// Wraps settings.
  init(_ reply: AutoReplySettings) { self.reply = reply }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case isOn = "isOn"
    case template = "template"
    case from = "from"
    case fromName = "fromName"
    case replyTo = "replyTo"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(reply.isOn, forKey: .isOn)
    try json.encodeOrNull(reply.template, forKey: .template)
    try json.encodeOrNull(reply.from, forKey: .from)
    try json.encodeOrNull(reply.fromName, forKey: .fromName)
    try json.encodeOrNull(reply.replyTo, forKey: .replyTo)
  }
}
