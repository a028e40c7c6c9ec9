import ArgumentParser
import EspoMailCore
import EspoMailKit

/// The settings `account add` and `account set` share.
struct AccountSettingsOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The mailbox's email address.", valueName: "addr")) var address: String?
  @Option(help: ArgumentHelp("IMAP server host.", valueName: "host")) var imapHost: String?
  @Option(help: ArgumentHelp("IMAP port (default 993 for tls, 143 otherwise).", valueName: "n")) var imapPort: Int?
  @Option(help: "tls (implicit, default), starttls, or none (loopback only).") var security: ConnectionSecurity?
  @Option(help: ArgumentHelp("IMAP login name.", valueName: "user")) var username: String?
  @Option(help: "How a password logs in to IMAP: auto (SASL PLAIN if offered, else LOGIN; default), plain, login, cram-md5, digest-md5, ntlm or gssapi.")
  var loginMechanism: LoginMechanism?
  @Option(help: ArgumentHelp("A PEM file of CA certificates to trust for this account's servers (empty: none).", valueName: "path"))
  var caFile: String?
  @Flag(help: "Read the password from standard input; it is stored encrypted.") var passwordStdin = false
  @Option(help: ArgumentHelp("A command printing the password (run at each fetch).", valueName: "cmd"))
  var passwordCommand: String?
  @Option(help: ArgumentHelp("A command printing an OAuth2 access token (XOAUTH2).", valueName: "cmd"))
  var oauth2TokenCommand: String?
  @Option(name: .customLong("folder"), help: ArgumentHelp("A folder to monitor; repeat for more (default INBOX).", valueName: "name"))
  var folders: [String] = []
  @Option(help: ArgumentHelp("Only mail from this date on (first sync and after a reset).", valueName: "YYYY-MM-DD"))
  var fetchSince: String?
  @Flag(inversion: .prefixedNo, help: "Leave fetched messages unread on the server, or (no-) mark them read.")
  var keepUnread: Bool?
  @Option(help: ArgumentHelp("At most this many new messages per folder per run (default 500).", valueName: "n"))
  var portion: Int?
  @Option(help: ArgumentHelp("Import bigger messages header-only (default 10).", valueName: "MB")) var maxSize: Int?
  @Option(
    name: .customLong("team"), help: "A team the account's mail is assigned to (group accounts); repeat for more.",
    completion: LiveCompletion.teams)
  var teams: [String] = []
  @Option(
    help: ArgumentHelp("The group folder a group account files its new mail in (empty: none).", valueName: "name"),
    completion: LiveCompletion.groupFolders)
  var groupFolder: String?
  @Flag(
    inversion: .prefixedNo,
    help: "Give every active member of a group account's teams its mail (the default), or (no-) let the teams see it by team access only.")
  var addAllTeamUsers: Bool?
  @Option(
    name: .customLong("folder-map"),
    help: ArgumentHelp(
      "File a personal account's monitored IMAP folder in one of its owner's folders, such as 'Lists=Newsletters' (IMAP=: back to the inbox); repeat for more.",
      valueName: "IMAP=folder"))
  var folderMap: [String] = []
  @Option(help: ArgumentHelp("SMTP server host for sending (empty: no SMTP).", valueName: "host")) var smtpHost: String?
  @Option(help: ArgumentHelp("SMTP port (default 465 for tls, 587 for starttls).", valueName: "n")) var smtpPort: Int?
  @Option(help: "SMTP security: tls, starttls (default) or none.") var smtpSecurity: ConnectionSecurity?
  @Option(help: ArgumentHelp("SMTP login name (default: the IMAP one).", valueName: "user")) var smtpUsername: String?
  @Option(help: "How a password logs in to SMTP: auto (AUTH PLAIN, else LOGIN; default), plain, login, cram-md5, digest-md5, ntlm or gssapi.")
  var smtpLoginMechanism: LoginMechanism?
  @Option(help: ArgumentHelp("The fully qualified name SMTP's EHLO gives (default: this machine's, else the address's domain).", valueName: "name"))
  var heloName: String?
  @Flag(inversion: .prefixedNo, help: "Fetch the account over IMAP (the default), or (no-) send only: a no-reply or system sender with SMTP and no IMAP.")
  var imap: Bool?
  @Option(help: ArgumentHelp("The From name of mail sent through this group account, such as 'Acme Support' (default: the sender's own; empty: back to it).", valueName: "name"))
  var fromName: String?
  @Option(help: ArgumentHelp("The Reply-To of mail sent through this group account and of its auto-replies (empty: none).", valueName: "addr"))
  var replyToAddress: String?
  @Flag(inversion: .prefixedNo, help: "Leave this account's address out when a user replies to all, or (no-) keep it.")
  var excludeFromReply: Bool?
  @Flag(help: "Read the SMTP password from standard input (the line after the IMAP one when both are read).")
  var smtpPasswordStdin = false
  @Option(help: ArgumentHelp("A command printing the SMTP password.", valueName: "cmd")) var smtpPasswordCommand: String?
  @Option(help: ArgumentHelp("A command printing an OAuth2 token for SMTP.", valueName: "cmd"))
  var smtpOauth2TokenCommand: String?
  @Flag(
    inversion: .prefixedNo,
    help: "Let users send through this group account by their group-email-account permission, or (no-) stop.")
  var smtpShared: Bool?
  @Option(help: ArgumentHelp("IMAP folder sent mail is appended to (empty: none).", valueName: "name"))
  var sentFolder: String?
  @Flag(
    help: "Accept --security none or --smtp-security none to a host outside loopback: the password and all mail cross the network unencrypted (admins only)."
  )
  var allowCleartext = false
  @Flag(help: "Accept a personal account address that is not one of its owner's addresses (admins only).")
  var allowUnownedAddress = false

  func validate() throws {
    let sources = [passwordStdin, passwordCommand != nil, oauth2TokenCommand != nil].filter { $0 }.count
    if sources > 1 {
      throw ValidationError("give one of --password-stdin, --password-command and --oauth2-token-command")
    }
    let smtpSources = [smtpPasswordStdin, smtpPasswordCommand != nil, smtpOauth2TokenCommand != nil].filter { $0 }.count
    if smtpSources > 1 {
      throw ValidationError("give one of --smtp-password-stdin, --smtp-password-command and --smtp-oauth2-token-command")
    }
    for entry in folderMap where !entry.contains("=") || entry.hasPrefix("=") {
      throw ValidationError("--folder-map '\(entry)': give IMAP-FOLDER=FOLDER, such as Lists=Newsletters")
    }
  }

  /// `--folder-map` entries as IMAP folder → folder (empty: back to the inbox); checked by `validate`.
  private var folderMapEntries: [String: String] {
    Dictionary(
      folderMap.map { entry in
        let (imap, folder) = (entry.prefix { $0 != "=" }, entry.drop { $0 != "=" }.dropFirst())
        return (String(imap), String(folder))
      }, uniquingKeysWith: { _, last in last })
  }

  /// The request these options describe, reading the password from stdin when asked.
  func request(named name: String, in context: CommandContext) throws -> AccountRequest {
    var request = AccountRequest(name: name)
    request.address = address
    request.host = imapHost
    request.port = imapPort
    request.security = security
    request.username = username
    request.loginMechanism = loginMechanism
    request.smtpLoginMechanism = smtpLoginMechanism
    request.caFile = caFile
    request.heloName = heloName
    request.fromName = fromName
    request.usesIMAP = imap
    request.excludeFromReply = excludeFromReply
    request.replyToAddress = replyToAddress
    request.folders = folders
    request.fetchSince = fetchSince
    request.keepUnread = keepUnread
    request.portion = portion
    request.maxSizeMB = maxSize
    request.teams = teams.isEmpty ? nil : teams
    request.smtpHost = smtpHost
    request.smtpPort = smtpPort
    request.smtpSecurity = smtpSecurity
    request.smtpUsername = smtpUsername
    request.smtpShared = smtpShared
    request.sentFolder = sentFolder
    request.groupFolder = groupFolder
    request.addsAllTeamUsers = addAllTeamUsers
    request.folderMap = folderMapEntries
    request.allowCleartext = allowCleartext
    request.allowUnownedAddress = allowUnownedAddress
    var lines: [String] = []
    if passwordStdin || smtpPasswordStdin {
      let text = String(decoding: context.readStandardInput(), as: UTF8.self)
      lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        String($0.hasSuffix("\r") ? $0.dropLast() : $0)
      }
    }
    if smtpPasswordStdin {
      request.smtpSecret = .password(lines.count > (passwordStdin ? 1 : 0) ? lines[passwordStdin ? 1 : 0] : "")
    } else if let smtpPasswordCommand {
      request.smtpSecret = .command(smtpPasswordCommand)
    } else if let smtpOauth2TokenCommand {
      request.smtpSecret = .oauth2Command(smtpOauth2TokenCommand)
    }
    if passwordStdin {
      request.secret = .password(lines.first ?? "")
    } else if let passwordCommand {
      request.secret = .command(passwordCommand)
    } else if let oauth2TokenCommand {
      request.secret = .oauth2Command(oauth2TokenCommand)
    }
    return request
  }
}
