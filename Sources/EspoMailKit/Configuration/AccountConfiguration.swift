import EspoMailCore

/// A mail account as the document holds it. Secrets appear by reference only: a command, or
/// `sealed` for a password kept encrypted in the store and set separately.
public struct AccountConfiguration: Codable, Equatable, Sendable {
  /// Unique name.
  public var name: String
  /// Group or personal.
  public var kind: MailAccountKind
  /// The owner's login (personal accounts).
  public var owner: String?
  /// The mailbox's address.
  public var address: String
  /// Fetched or not.
  public var active: Bool
  /// The IMAP server.
  public var imap: ServerConfiguration
  /// Monitored folders.
  public var folders: [String]
  /// Only mail on or after this date on first sync.
  public var fetchSince: String?
  /// Leave fetched messages unread.
  public var keepUnread: Bool
  /// New messages per folder per run.
  public var portion: Int
  /// Bigger messages are imported header-only.
  public var maxSizeMB: Int
  /// Teams of a group account.
  public var teams: [String]
  /// Email-to-case settings.
  public var cases: CaseConfiguration
  /// The SMTP server, if any.
  public var smtp: ServerConfiguration?
  /// Users may send through it by permission.
  public var smtpShared: Bool
  /// IMAP folder sent mail is appended to.
  public var sentFolder: String?
  /// Auto-reply settings.
  public var autoReply: AutoReplyConfiguration
  /// A CA file the account's servers are checked against.
  public var caFile: String?
  /// The name SMTP's EHLO gives (nil: this machine's).
  public var heloName: String?
  /// Fetched over IMAP, or send only.
  public var usesIMAP: Bool
  /// The From name of mail sent through a group account.
  public var fromName: String?
  /// The Reply-To of mail sent through a group account.
  public var replyToAddress: String?
  /// The group folder a group account files its new mail in.
  public var groupFolder: String?
  /// Whether all active members of a group account's teams get its mail (nil for personal accounts).
  public var addAllTeamUsers: Bool?
  /// A personal account's IMAP folders filed in its owner's folders (nil when none).
  public var folderMap: [String: String]?
  /// Reply-all leaves the account's address out.
  public var excludeFromReply: Bool

  /// The account's entry.
  public init(_ account: MailAccount) {
    name = account.name
    kind = account.kind
    owner = account.owner
    address = account.address
    active = account.isActive
    imap = ServerConfiguration(account.imap)
    folders = account.folders
    fetchSince = account.fetchSince
    keepUnread = account.keepUnread
    portion = account.portion
    maxSizeMB = account.maxSizeMB
    teams = account.teams
    cases = CaseConfiguration(account.cases)
    smtp = account.smtp.map(ServerConfiguration.init)
    smtpShared = account.isSMTPShared
    sentFolder = account.sentFolder
    autoReply = AutoReplyConfiguration(account.autoReply)
    caFile = account.caFile
    heloName = account.heloName
    usesIMAP = account.usesIMAP
    fromName = account.fromName
    replyToAddress = account.replyToAddress
    groupFolder = account.groupFolder
    addAllTeamUsers = account.kind == .group ? account.addsAllTeamUsers : nil
    folderMap = account.folderMap.isEmpty ? nil : account.folderMap
    excludeFromReply = account.excludeFromReply
  }

  /// Reads an entry; what is left out takes `account add`'s defaults.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    kind = try container.decode(MailAccountKind.self, forKey: .kind)
    owner = try container.decodeIfPresent(String.self, forKey: .owner)
    address = try container.decode(String.self, forKey: .address)
    active = try container.decodeIfPresent(Bool.self, forKey: .active) ?? true
    imap = try container.decode(ServerConfiguration.self, forKey: .imap)
    folders = try container.decodeIfPresent([String].self, forKey: .folders) ?? ["INBOX"]
    fetchSince = try container.decodeIfPresent(String.self, forKey: .fetchSince)
    keepUnread = try container.decodeIfPresent(Bool.self, forKey: .keepUnread) ?? false
    portion = try container.decodeIfPresent(Int.self, forKey: .portion) ?? 500
    maxSizeMB = try container.decodeIfPresent(Int.self, forKey: .maxSizeMB) ?? 10
    teams = try container.decodeIfPresent([String].self, forKey: .teams) ?? []
    cases = try container.decodeIfPresent(CaseConfiguration.self, forKey: .cases) ?? CaseConfiguration(.off)
    smtp = try container.decodeIfPresent(ServerConfiguration.self, forKey: .smtp)
    smtpShared = try container.decodeIfPresent(Bool.self, forKey: .smtpShared) ?? false
    sentFolder = try container.decodeIfPresent(String.self, forKey: .sentFolder)
    autoReply = try container.decodeIfPresent(AutoReplyConfiguration.self, forKey: .autoReply) ?? AutoReplyConfiguration(.off)
    caFile = try container.decodeIfPresent(String.self, forKey: .caFile)
    heloName = try container.decodeIfPresent(String.self, forKey: .heloName)
    usesIMAP = try container.decodeIfPresent(Bool.self, forKey: .usesIMAP) ?? true
    fromName = try container.decodeIfPresent(String.self, forKey: .fromName)
    replyToAddress = try container.decodeIfPresent(String.self, forKey: .replyToAddress)
    groupFolder = try container.decodeIfPresent(String.self, forKey: .groupFolder)
    addAllTeamUsers = try container.decodeIfPresent(Bool.self, forKey: .addAllTeamUsers) ?? (kind == .group ? true : nil)
    folderMap = try container.decodeIfPresent([String: String].self, forKey: .folderMap)
    excludeFromReply = try container.decodeIfPresent(Bool.self, forKey: .excludeFromReply) ?? false
  }

  private enum CodingKeys: String, CodingKey {
    case name, kind, owner, address, active, imap, folders
    case fetchSince = "fetch-since"
    case keepUnread = "keep-unread"
    case portion
    case maxSizeMB = "max-size-mb"
    case teams, cases, smtp
    case smtpShared = "smtp-shared"
    case sentFolder = "sent-folder"
    case autoReply = "auto-reply"
    case caFile = "ca-file"
    case heloName = "helo-name"
    case usesIMAP = "uses-imap"
    case fromName = "from-name"
    case replyToAddress = "reply-to-address"
    case groupFolder = "group-folder"
    case addAllTeamUsers = "add-all-team-users"
    case folderMap = "folder-map"
    case excludeFromReply = "exclude-from-reply"
  }
}

/// An IMAP or SMTP server and where its secret comes from.
public struct ServerConfiguration: Codable, Equatable, Sendable {
  /// Host name or address.
  public var host: String
  /// TCP port.
  public var port: Int
  /// TLS mode.
  public var security: ConnectionSecurity
  /// Login name.
  public var username: String
  /// `stored` (written `sealed`: set separately), `command` or `oauth2-command`.
  public var secret: SecretSource
  /// The command of a command secret.
  public var secretCommand: String?
  /// How a password logs in.
  public var loginMechanism: LoginMechanism

  /// The server's entry.
  public init(_ server: ServerSettings) {
    host = server.host
    port = server.port
    security = server.security
    username = server.username
    secret = server.secretSource
    secretCommand = server.secretCommand
    loginMechanism = server.loginMechanism
  }

  /// Reads an entry.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    host = try container.decode(String.self, forKey: .host)
    security = try container.decode(ConnectionSecurity.self, forKey: .security)
    port = try container.decode(Int.self, forKey: .port)
    username = try container.decode(String.self, forKey: .username)
    switch try container.decode(String.self, forKey: .secret) {
    case Self.sealedWord: secret = .stored
    case SecretSource.command.rawValue: secret = .command
    case SecretSource.oauth2Command.rawValue: secret = .oauth2Command
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .secret, in: container, debugDescription: "secret must be sealed, command or oauth2-command")
    }
    secretCommand = try container.decodeIfPresent(String.self, forKey: .secretCommand)
    if (secret == .stored) != (secretCommand == nil) {
      throw DecodingError.dataCorruptedError(
        forKey: .secretCommand, in: container,
        debugDescription: "secret-command goes with secret: command or oauth2-command, and only with them")
    }
    loginMechanism = try container.decodeIfPresent(LoginMechanism.self, forKey: .loginMechanism) ?? .auto
  }

  /// Writes the entry; a stored secret is written `sealed`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(host, forKey: .host)
    try container.encode(port, forKey: .port)
    try container.encode(security, forKey: .security)
    try container.encode(username, forKey: .username)
    try container.encode(secret == .stored ? Self.sealedWord : secret.rawValue, forKey: .secret)
    try container.encodeIfPresent(secretCommand, forKey: .secretCommand)
    try container.encode(loginMechanism, forKey: .loginMechanism)
  }

  /// How the document names a password sealed in the store.
  public static let sealedWord = "sealed"

  private enum CodingKeys: String, CodingKey {
    case host, port, security, username, secret
    case secretCommand = "secret-command"
    case loginMechanism = "login-mechanism"
  }
}

/// Email-to-case settings.
public struct CaseConfiguration: Codable, Equatable, Sendable {
  /// New threads open cases.
  public var create: Bool
  /// How cases are handed out.
  public var distribution: CaseDistribution?
  /// The team cases go to.
  public var team: String?
  /// Only members with this position.
  public var position: String?
  /// The user of direct distribution.
  public var assignTo: String?

  /// The settings' entry.
  public init(_ settings: CaseSettings) {
    create = settings.createCase
    distribution = settings.distribution
    team = settings.team
    position = settings.position
    assignTo = settings.assignTo
  }

  private enum CodingKeys: String, CodingKey {
    case create, distribution, team, position
    case assignTo = "assign-to"
  }
}

/// Auto-reply settings.
public struct AutoReplyConfiguration: Codable, Equatable, Sendable {
  /// Replies are sent.
  public var enabled: Bool
  /// The template replies are made from.
  public var template: String?
  /// From address of replies.
  public var from: String?
  /// From name of replies.
  public var fromName: String?
  /// Reply-To of replies.
  public var replyTo: String?

  /// The settings' entry.
  public init(_ settings: AutoReplySettings) {
    enabled = settings.isOn
    template = settings.template
    from = settings.from
    fromName = settings.fromName
    replyTo = settings.replyTo
  }

  private enum CodingKeys: String, CodingKey {
    case enabled, template, from
    case fromName = "from-name"
    case replyTo = "reply-to"
  }
}
