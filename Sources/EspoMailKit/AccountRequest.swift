import EspoMailCore

/// Where a new secret comes from, as given on the command line.
public enum SecretInput: Sendable {
  /// A password read from stdin.
  case password(String)
  /// A command printing the password.
  case command(String)
  /// A command printing an OAuth2 access token.
  case oauth2Command(String)
}

/// What `account add` and `account set` ask for; nil fields keep their value (set) or take defaults (add).
public struct AccountRequest: Sendable {
  /// Account name.
  public var name: String
  /// Group or personal (add only).
  public var kind: MailAccountKind?
  /// Owner login of a personal account (add only).
  public var owner: String?
  /// Mailbox address.
  public var address: String?
  /// IMAP host.
  public var host: String?
  /// IMAP port.
  public var port: Int?
  /// TLS mode.
  public var security: ConnectionSecurity?
  /// Login name.
  public var username: String?
  /// A new secret.
  public var secret: SecretInput?
  /// How a password logs in to IMAP.
  public var loginMechanism: LoginMechanism?
  /// How a password logs in to SMTP.
  public var smtpLoginMechanism: LoginMechanism?
  /// A PEM file of CA certificates for the account's servers (empty string: none).
  public var caFile: String?
  /// The fully qualified name SMTP's EHLO gives (empty string: this machine's).
  public var heloName: String?
  /// Fetch over IMAP (true), or send only (false).
  public var usesIMAP: Bool?
  /// Reply-all leaves the account's address out (nil leaves it as it is).
  public var excludeFromReply: Bool?
  /// The From name of mail sent through a group account (empty: none).
  public var fromName: String?
  /// The Reply-To of mail sent through a group account (empty: none).
  public var replyToAddress: String?
  /// Monitored folders (replaces the list when non-empty).
  public var folders: [String]
  /// Fetch-since date, YYYY-MM-DD.
  public var fetchSince: String?
  /// Keep fetched messages unread.
  public var keepUnread: Bool?
  /// New messages per folder per run.
  public var portion: Int?
  /// Size limit in megabytes.
  public var maxSizeMB: Int?
  /// Teams (group accounts; replaces the list when non-nil).
  public var teams: [String]?
  /// Activate or deactivate (set only).
  public var isActive: Bool?
  /// Turn email-to-case on (true) or off (false) (set only).
  public var createCase: Bool?
  /// Case distribution rule (`none` removes it).
  public var distribution: DistributionChoice?
  /// The team cases go to.
  public var caseTeam: String?
  /// Only team members with this position get cases.
  public var position: String?
  /// The user for direct assignment, or on an account without cases the user its mail is
  /// assigned to (empty: nobody).
  public var assignTo: String?
  /// SMTP host (empty string: remove SMTP).
  public var smtpHost: String?
  /// SMTP port.
  public var smtpPort: Int?
  /// SMTP TLS mode.
  public var smtpSecurity: ConnectionSecurity?
  /// SMTP login name (default: the IMAP one).
  public var smtpUsername: String?
  /// A separate SMTP secret (default: the IMAP one).
  public var smtpSecret: SecretInput?
  /// Share the SMTP with users (group accounts).
  public var smtpShared: Bool?
  /// IMAP folder sent mail is appended to.
  public var sentFolder: String?
  /// Turn auto-reply on or off.
  public var autoReply: Bool?
  /// The auto-reply template.
  public var replyTemplate: String?
  /// Auto-reply From address.
  public var replyFrom: String?
  /// Auto-reply From name.
  public var replyFromName: String?
  /// Auto-reply Reply-To.
  public var replyTo: String?
  /// The group folder a group account files its new mail in (empty: none).
  public var groupFolder: String?
  /// Give every active member of a group account's teams its mail (true), or only team access (false).
  public var addsAllTeamUsers: Bool?
  /// A personal account's IMAP folders filed in its owner's folders (IMAP folder → folder; an
  /// empty folder removes that IMAP folder's entry); entries not named keep their value.
  public var folderMap: [String: String] = [:]
  /// Unencrypted connections to hosts outside loopback are accepted (admins only).
  public var allowCleartext = false
  /// A personal account's address need not be one of its owner's (admins only).
  public var allowUnownedAddress = false

  /// Creates a request naming the account.
  public init(name: String) {
    self.name = name
    folders = []
  }
}
