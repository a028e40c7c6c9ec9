import EspoMailCore
import EspoMailIMAP
import EspoMailStore

/// Logs in to an account's IMAP server: its secret resolved at the moment of login, what the
/// server may send bounded by the account's `--max-size`. Used by fetch, `account test` and the
/// Sent-folder append.
struct IMAPConnector {
  /// The store holding the account's secret.
  let store: Store
  /// The account to log in to.
  let account: MailAccount
  /// Timeout, CA bundle and trace.
  let network: NetworkOptions

  /// A logged-in IMAP client; the caller logs out.
  func connect() throws -> IMAPClient {
    let secret = try store.read { try $0.secret(accountID: account.id) }
    guard let secret else { throw EspoMailError.configuration("account '\(account.name)' has no secret configured") }
    let credential = try SecretResolver(store: store).credential(for: secret, account: account.name)
    var endpoint = IMAPEndpoint(
      host: account.imap.host, port: account.imap.port, security: account.imap.security,
      username: account.imap.username, credential: credential, timeoutSeconds: network.timeoutSeconds,
      caFile: account.caFile ?? network.caFile, limits: IMAPLimits(maxSizeMB: account.maxSizeMB))
    endpoint.loginMechanism = account.imap.loginMechanism
    let name = account.name
    return try IMAPClient(connecting: endpoint, trace: network.trace.map { trace in { trace("\(name): \($0)") } })
  }
}
