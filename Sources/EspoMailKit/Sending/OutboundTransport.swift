import EspoMailCore
import EspoMailSMTP
import EspoMailStore
import Foundation

/// Sends composed mail through an account's SMTP server, resolving its secret at that moment.
struct OutboundTransport {
  /// The store (outbox and secrets).
  let store: Store
  /// Seconds to wait for a silent server.
  let timeoutSeconds: Double
  /// Extra CA certificates to trust.
  let caFile: String?
  /// Receives the SMTP conversation (credentials redacted) under `--verbose`.
  var trace: (@Sendable (String) -> Void)? = nil

  /// Sends `raw` from `envelopeFrom` to `recipients` through `account`'s SMTP.
  func send(_ raw: [UInt8], from envelopeFrom: String, to recipients: [String], via account: MailAccount) throws {
    guard let smtp = account.smtp else {
      throw EspoMailError.configuration(
        "account '\(account.name)' has no SMTP server", hint: "espomail account set \(account.name) --smtp-host HOST")
    }
    let secret = try store.read { try $0.smtpSecret(accountID: account.id) }
    var credential = SMTPCredential.none
    if let secret {
      switch try SecretResolver(storePath: store.path).resolve(secret, account: account.name) {
      case .password(let value): credential = .password(value)
      case .oauth2(let value): credential = .oauth2(value)
      }
    }
    let endpoint = SMTPEndpoint(
      host: smtp.host, port: smtp.port, security: smtp.security, username: smtp.username.isEmpty ? nil : smtp.username,
      credential: credential, timeoutSeconds: timeoutSeconds, caFile: caFile)
    try SMTPClient.send(raw, from: envelopeFrom, to: recipients, via: endpoint, trace: trace.map { trace in { trace($0) } })
  }

  /// Sends every queued message of a kind, each claimed first so a crash never sends one twice;
  /// returns how many went out.
  @discardableResult
  func flush(kind: String, accountID: Int64?) -> (sent: Int, failed: [String]) {
    var sent = 0
    var failed: [String] = []
    guard let queued = try? store.read({ try $0.queued(kind: kind, accountID: accountID) }) else { return (0, []) }
    for entry in queued {
      guard (try? store.write({ try $0.claim(outboxID: entry.id) })) == true else { continue }
      var failureMessage: String?
      do {
        let account = try store.read { tx in try entry.accountID.flatMap { try tx.mailAccount(id: $0) } }
        guard let account else { throw EspoMailError.configuration("the sending account is gone") }
        try send(entry.raw, from: entry.mailFrom, to: entry.recipients, via: account)
        sent += 1
      } catch {
        let failure = AccountFetcher.userFacing(error)
        failed.append(failure.message)
        failureMessage = failure.message
      }
      try? store.write { tx in try tx.finish(outboxID: entry.id, error: failureMessage) }
    }
    return (sent, failed)
  }
}
