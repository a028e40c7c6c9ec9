import EspoMailCore
import EspoMailSMTP
import EspoMailStore
import Foundation

/// Sends composed mail through an account's SMTP server, resolving its secret at that moment.
struct OutboundTransport {
  /// The store (outbox and secrets).
  let store: Store
  /// Timeout, CA bundle and trace.
  let network: NetworkOptions

  /// Sends `raw` from `envelopeFrom` to `recipients` through `account`'s SMTP.
  func send(_ raw: [UInt8], from envelopeFrom: String, to recipients: [String], via account: MailAccount) throws {
    guard let smtp = account.smtp else {
      throw EspoMailError.configuration(
        "account '\(account.name)' has no SMTP server", hint: "espomail account set \(account.name) --smtp-host HOST")
    }
    let secret = try store.read { try $0.smtpSecret(accountID: account.id) }
    var credential = SMTPCredential.none
    if let secret {
      switch try SecretResolver(store: store).resolve(secret, account: account.name) {
      case .password(let value): credential = .password(value)
      case .oauth2(let value): credential = .oauth2(value)
      }
    }
    var endpoint = SMTPEndpoint(
      host: smtp.host, port: smtp.port, security: smtp.security, username: smtp.username.isEmpty ? nil : smtp.username,
      credential: credential, timeoutSeconds: network.timeoutSeconds, caFile: account.caFile ?? network.caFile)
    endpoint.loginMechanism = smtp.loginMechanism
    endpoint.heloName = account.heloName ?? MachineName.heloName(forAddress: account.address)
    try SMTPClient.send(raw, from: envelopeFrom, to: recipients, via: endpoint, trace: network.trace.map { trace in { trace($0) } })
  }

  /// Sends queued messages, each claimed first so a crash never sends one twice; returns how many
  /// went out (a failure stays in the outbox with its error, for `outbox list` and `outbox retry`).
  func flush(_ queued: [OutboxEntry]) -> Int {
    var sent = 0
    for entry in queued {
      if case .sent = deliver(entry) { sent += 1 }
    }
    return sent
  }

  /// How sending one queued message went.
  enum Attempt {
    /// It went out.
    case sent
    /// It failed, and why; the outbox row says so too.
    case failed(EspoMailError)
    /// Another run claimed it first (and sends it).
    case claimedElsewhere
  }

  /// Claims a queued message (committed before the transfer, so a crash never sends it twice),
  /// sends it through its account and records how it went; mail sent with `send` also gets its
  /// email's status, and a stream note on its parent once it went out.
  func deliver(_ entry: OutboxEntry) -> Attempt {
    guard (try? store.write({ try $0.claimOutboxEntry(id: entry.id) })) == true else { return .claimedElsewhere }
    var failure: EspoMailError?
    do {
      let account = try store.read { tx in try entry.accountID.flatMap { try tx.mailAccount(id: $0) } }
      guard let account else { throw EspoMailError.configuration("the sending account is gone") }
      try send(entry.raw, from: entry.mailFrom, to: entry.recipients, via: account)
    } catch {
      failure = EspoMailError.userFacing(error)
    }
    record(outboxID: entry.id, kind: entry.kind, emailID: entry.emailID, failure: failure)
    return failure.map { .failed($0) } ?? .sent
  }

  /// Records how sending a claimed message went: the outbox row's status and error; for mail
  /// sent with `send`, its email's status and, once it went out, a stream note on its parent. A
  /// store that cannot take this leaves the row `sending` (`outbox retry --resend-unconfirmed`).
  func record(outboxID: Int64, kind: OutboxKind, emailID: Int64?, failure: EspoMailError?) {
    try? store.write { tx in
      try tx.finishOutboxEntry(id: outboxID, error: failure?.message)
      guard kind == .user, let emailID else { return }
      try tx.setEmailStatus(emailID: emailID, failure == nil ? .sent : .failed)
      if failure == nil, let parent = try tx.threadingInfo(ofEmail: emailID)?.parent {
        try tx.addNote(parent, kind: .emailSent, emailID: emailID)
      }
    }
  }
}
