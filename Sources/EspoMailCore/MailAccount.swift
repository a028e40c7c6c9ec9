/// Whose mailbox an account is.
public enum MailAccountKind: String, CaseIterable, Codable, Sendable {
  /// A shared mailbox managed by admins; mail goes to its teams, may open cases.
  case group
  /// One user's mailbox.
  case personal
}

/// Where an account's password or token comes from. The secret itself never leaves the store
/// except to log in.
public enum SecretSource: String, CaseIterable, Codable, Sendable {
  /// A password given once on stdin, stored encrypted with the key file beside the store.
  case stored
  /// A command whose stdout is the password (like mbsync's PassCmd).
  case command
  /// A command whose stdout is an OAuth2 access token (XOAUTH2).
  case oauth2Command = "oauth2-command"
}

/// How to reach a mail server.
public struct ServerSettings: Equatable, Sendable {
  /// Host name or address.
  public var host: String
  /// TCP port.
  public var port: Int
  /// TLS mode.
  public var security: ConnectionSecurity
  /// Login name.
  public var username: String
  /// Where the secret comes from.
  public var secretSource: SecretSource
  /// The command for `command` and `oauth2-command` sources (shown; it is not itself secret).
  public var secretCommand: String?
  /// Whether an admin set the secret; a command secret runs only then (Docs/security.md).
  public var secretSetByAdmin: Bool
  /// How a password logs in.
  public var loginMechanism: LoginMechanism

  /// Creates settings.
  public init(
    host: String, port: Int, security: ConnectionSecurity, username: String, secretSource: SecretSource,
    secretCommand: String?, secretSetByAdmin: Bool = false, loginMechanism: LoginMechanism = .auto
  ) {
    self.secretSetByAdmin = secretSetByAdmin
    self.loginMechanism = loginMechanism
    self.host = host
    self.port = port
    self.security = security
    self.username = username
    self.secretSource = secretSource
    self.secretCommand = secretCommand
  }

  /// A command secret that may not run because no admin set it (Docs/security.md, "Command secrets").
  public var hasUnapprovedCommand: Bool { secretSource != .stored && !secretSetByAdmin }

  /// The default SMTP port for a security mode.
  public static func defaultSMTPPort(_ security: ConnectionSecurity) -> Int {
    switch security {
    case .tls: 465
    case .starttls: 587
    case .none: 25
    }
  }

  /// The default IMAP port for a security mode.
  public static func defaultIMAPPort(_ security: ConnectionSecurity) -> Int { security == .tls ? 993 : 143 }
}

/// How an account's last fetches went.
public struct AccountHealth: Equatable, Sendable {
  /// When a fetch last succeeded.
  public var lastSuccessAt: String?
  /// When a fetch was last attempted.
  public var lastAttemptAt: String?
  /// The last error's message, cleared by a success.
  public var lastError: String?
  /// Failed fetches in a row.
  public var consecutiveFailures: Int

  /// Creates a health record.
  public init(lastSuccessAt: String?, lastAttemptAt: String?, lastError: String?, consecutiveFailures: Int) {
    self.lastSuccessAt = lastSuccessAt
    self.lastAttemptAt = lastAttemptAt
    self.lastError = lastError
    self.consecutiveFailures = consecutiveFailures
  }
}

/// How appending sent mail to an account's Sent folder went.
public struct SentAppendHealth: Equatable, Sendable {
  /// Sent messages the Sent folder did not take, since the account was added.
  public var failures: Int
  /// The last refusal's message.
  public var lastError: String?

  /// Creates a record.
  public init(failures: Int, lastError: String?) {
    self.failures = failures
    self.lastError = lastError
  }
}

/// How a group account hands new cases out.
public enum CaseDistribution: String, CaseIterable, Codable, Sendable {
  /// Always the named user.
  case direct
  /// Team members in turn, by login.
  case roundRobin = "round-robin"
  /// The team member with the fewest open cases.
  case leastBusy = "least-busy"
}

/// Email-to-case settings of a group account.
public struct CaseSettings: Equatable, Sendable {
  /// Whether new threads open cases.
  public var createCase: Bool
  /// How cases are assigned.
  public var distribution: CaseDistribution?
  /// The team cases go to and are distributed in.
  public var team: String?
  /// Only team members with this position are eligible.
  public var position: String?
  /// The user for direct assignment.
  public var assignTo: String?

  /// Creates settings.
  public init(createCase: Bool, distribution: CaseDistribution?, team: String?, position: String?, assignTo: String?) {
    self.createCase = createCase
    self.distribution = distribution
    self.team = team
    self.position = position
    self.assignTo = assignTo
  }

  /// No email-to-case.
  public static let off = CaseSettings(createCase: false, distribution: nil, team: nil, position: nil, assignTo: nil)
}

/// Auto-reply settings of a group account.
public struct AutoReplySettings: Equatable, Sendable {
  /// Whether new mail is answered automatically.
  public var isOn: Bool
  /// The template the reply is made from.
  public var template: String?
  /// From address of the reply (default: the account's address).
  public var from: String?
  /// From name of the reply.
  public var fromName: String?
  /// Reply-To of the reply.
  public var replyTo: String?

  /// Creates settings.
  public init(isOn: Bool, template: String?, from: String?, fromName: String?, replyTo: String?) {
    self.isOn = isOn
    self.template = template
    self.from = from
    self.fromName = fromName
    self.replyTo = replyTo
  }

  /// No auto-reply.
  public static let off = AutoReplySettings(isOn: false, template: nil, from: nil, fromName: nil, replyTo: nil)
}

/// A monitored mailbox: a group account or a user's personal account.
public struct MailAccount: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Unique name.
  public var name: String
  /// Group or personal.
  public var kind: MailAccountKind
  /// The owner's login (personal accounts).
  public var owner: String?
  /// The mailbox's address.
  public var address: String
  /// Inactive accounts are not fetched.
  public var isActive: Bool
  /// The IMAP server.
  public var imap: ServerSettings
  /// Monitored folders, in order (default INBOX).
  public var folders: [String]
  /// Only mail on or after this date (YYYY-MM-DD) on first sync and after a reset.
  public var fetchSince: String?
  /// Leave fetched messages unread on the server.
  public var keepUnread: Bool
  /// At most this many new messages per folder per run.
  public var portion: Int
  /// Messages bigger than this many megabytes are imported header-only.
  public var maxSizeMB: Int
  /// Teams the mail of a group account is assigned to.
  public var teams: [String]
  /// Fetch history.
  public var health: AccountHealth
  /// Email-to-case settings (group accounts).
  public var cases: CaseSettings = .off
  /// The SMTP server for sending, if any.
  public var smtp: ServerSettings?
  /// Group accounts: whether users may send through it (by the group-email-account permission).
  public var isSMTPShared = false
  /// IMAP folder sent mail is appended to, if any.
  public var sentFolder: String?
  /// Auto-reply settings (group accounts).
  public var autoReply: AutoReplySettings = .off
  /// A PEM file of CA certificates this account's servers are checked against, besides ESPOMAIL_CA_FILE.
  public var caFile: String?
  /// The fully qualified name SMTP's EHLO gives; nil for this machine's.
  public var heloName: String?
  /// Whether the account is fetched over IMAP; a send-only account (a no-reply sender) is not.
  public var usesIMAP = true
  /// The From name of mail sent through a group account (nil: the sender's own name).
  public var fromName: String?
  /// The Reply-To of mail sent through a group account, and of its auto-replies (nil: none, or on
  /// a case the case account's address).
  public var replyToAddress: String?
  /// Group accounts: reply-all leaves this account's address out (`--exclude-from-reply`).
  public var excludeFromReply = false
  /// Whether admins were told of the current streak of failed fetches (cleared by a success).
  public var failureNoticed = false
  /// Sent mail the Sent folder refused, and the last refusal.
  public var sentAppend = SentAppendHealth(failures: 0, lastError: nil)
  /// Where a group account files its new mail, if anywhere (EspoCRM's `groupEmailFolder`).
  public var groupFolder: String?
  /// Whether every active member of a group account's teams is given its mail (EspoCRM's
  /// `addAllTeamUsers`); without it the teams see the mail by team access only.
  public var addsAllTeamUsers = true
  /// A personal account's monitored IMAP folders whose mail its owner finds in one of their own
  /// folders (IMAP folder → the owner's folder); others land in the inbox.
  public var folderMap: [String: String] = [:]

  /// Creates an account value.
  public init(
    id: Int64, name: String, kind: MailAccountKind, owner: String?, address: String, isActive: Bool,
    imap: ServerSettings, folders: [String], fetchSince: String?, keepUnread: Bool, portion: Int, maxSizeMB: Int,
    teams: [String], health: AccountHealth, cases: CaseSettings = .off
  ) {
    self.cases = cases
    self.id = id
    self.name = name
    self.kind = kind
    self.owner = owner
    self.address = address
    self.isActive = isActive
    self.imap = imap
    self.folders = folders
    self.fetchSince = fetchSince
    self.keepUnread = keepUnread
    self.portion = portion
    self.maxSizeMB = maxSizeMB
    self.teams = teams
    self.health = health
  }
}
