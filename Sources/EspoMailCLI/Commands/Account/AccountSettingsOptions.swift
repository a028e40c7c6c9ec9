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
  @Flag(help: "Read the password from standard input; it is stored encrypted.") var passwordStdin = false
  @Option(help: ArgumentHelp("A command printing the password (run at each fetch).", valueName: "cmd"))
  var passwordCommand: String?
  @Option(help: ArgumentHelp("A command printing an OAuth2 access token (XOAUTH2).", valueName: "cmd"))
  var oauth2TokenCommand: String?
  @Option(name: .customLong("folder"), help: ArgumentHelp("A folder to monitor; repeat for more (default INBOX).", valueName: "name"))
  var folders: [String] = []
  @Option(help: ArgumentHelp("Only mail from this date on (first sync and after a reset).", valueName: "YYYY-MM-DD"))
  var fetchSince: String?
  @Flag(help: "Leave fetched messages unread on the server.") var keepUnread = false
  @Option(help: ArgumentHelp("At most this many new messages per folder per run (default 500).", valueName: "n"))
  var portion: Int?
  @Option(help: ArgumentHelp("Import bigger messages header-only (default 10).", valueName: "MB")) var maxSize: Int?
  @Option(name: .customLong("team"), help: "A team the account's mail is assigned to (group accounts); repeat for more.")
  var teams: [String] = []

  func validate() throws {
    let sources = [passwordStdin, passwordCommand != nil, oauth2TokenCommand != nil].filter { $0 }.count
    if sources > 1 {
      throw ValidationError("give one of --password-stdin, --password-command and --oauth2-token-command")
    }
  }

  /// The request these options describe, reading the password from stdin when asked.
  func request(named name: String, in context: CommandContext) throws -> AccountRequest {
    var request = AccountRequest(name: name)
    request.address = address
    request.host = imapHost
    request.port = imapPort
    request.security = security
    request.username = username
    request.folders = folders
    request.fetchSince = fetchSince
    request.keepUnread = keepUnread ? true : nil
    request.portion = portion
    request.maxSizeMB = maxSize
    request.teams = teams.isEmpty ? nil : teams
    if passwordStdin {
      let text = String(decoding: context.readStandardInput(), as: UTF8.self)
      let password = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      request.secret = .password(password)
    } else if let passwordCommand {
      request.secret = .command(passwordCommand)
    } else if let oauth2TokenCommand {
      request.secret = .oauth2Command(oauth2TokenCommand)
    }
    return request
  }
}
