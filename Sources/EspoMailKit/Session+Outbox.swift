import EspoMailCore
import EspoMailStore
import Foundation

extension Session {
  /// Outbox messages, newest first, optionally of one status (admins only: it holds everyone's mail).
  public func listOutbox(status: OutboxStatus?, limit: Int) throws -> [OutboxMessage] {
    try requireAdmin("outbox list")
    return try store.read { try $0.outboxMessages(status: status, limit: limit) }
  }

  /// Sends outbox messages again now: the given ones, or with `allFailed` every failed one. A
  /// message left `sending` by a crash may already have gone out, so it is sent again only with
  /// `resendUnconfirmed`. Returns each message as it stands afterwards (admins only).
  public func retryOutbox(
    ids: [Int64], allFailed: Bool, resendUnconfirmed: Bool, network: NetworkOptions
  ) throws -> [OutboxMessage] {
    try requireAdmin("outbox retry")
    let targets: [Int64] = try store.write { tx in
      let chosen = allFailed ? try tx.outboxMessages(status: .failed, limit: Int.max).map(\.id).reversed() : ids
      for id in chosen {
        let message = try tx.outboxMessage(id: id).orNotFound("outbox message", "\(id)")
        switch message.status {
        case .failed, .queued: break
        case .sending where resendUnconfirmed: break
        case .sending:
          throw EspoMailError(
            .dataError, "outbox message \(id) was being sent when a run stopped; it may have gone out already",
            hint: "check with the recipients, then add --resend-unconfirmed to send it again")
        default:
          throw EspoMailError(
            .dataError, "outbox message \(id) is \(message.status.rawValue); only failed or queued mail is retried")
        }
        _ = try tx.requeueOutboxEntry(id: id)
      }
      return chosen
    }
    let transport = OutboundTransport(store: store, network: network)
    for id in targets {
      guard let entry = try store.read({ try $0.queuedEntry(id: id) }) else { continue }  // a fetch sent it meanwhile
      if case .sent = transport.deliver(entry), entry.kind == .user {
        try saveRetriedToSentFolder(entry.raw, accountID: entry.accountID, network: network)
      }
    }
    return try store.read { tx in try targets.map { try tx.outboxMessage(id: $0).orNotFound("outbox message", "\($0)") } }
  }

  /// Mail sent with `send` that finally went out is kept in its account's Sent folder, as a first
  /// send would have done; failing that only loses the copy, never the message.
  private func saveRetriedToSentFolder(
    _ raw: [UInt8], accountID: Int64?, network: NetworkOptions
  ) throws {
    guard let account = try store.read({ tx in try accountID.flatMap { try tx.mailAccount(id: $0) } }),
      let folder = account.sentFolder
    else { return }
    _ = saveToSentFolder(raw, folder: folder, account: account, network: network)
  }
}
