import EspoMailCore
import EspoMailStore
import Foundation

/// What mailing notifications did.
public struct NotificationMailReport: Sendable {
  /// Messages that went out.
  public var sent = 0
  /// Messages that failed, with why; they stay in the outbox (`outbox retry`).
  public var failures: [String] = []
}

extension Session {
  /// Queues the mail of notifications made since the last call and of accounts failing over
  /// the threshold, then sends every queued notification message through the system sender.
  /// Never throws: what fails is reported (and stays in the outbox) and never costs the caller's
  /// work. A connection as a user's own database role leaves all of it to the fetch service.
  @discardableResult
  public func mailNotifications(now: Date = Date(), network: NetworkOptions = NetworkOptions()) -> NotificationMailReport {
    var report = NotificationMailReport()
    do {
      guard try !store.read({ try $0.connectsAsAgent() }) else { return report }
      while try store.write({ tx in try NotificationMailer(tx: tx, now: now).settlePending().settled }) > 0 {}
      try store.write { tx in _ = try AccountFailureNotice(tx: tx, now: now).queueDue() }
      let transport = OutboundTransport(store: store, network: network)
      for entry in try store.read({ try $0.queuedOutbox(kind: .notification) }) {
        switch transport.deliver(entry) {
        case .sent: report.sent += 1
        case .failed(let error):
          report.failures.append("outbox message \(entry.id) to \(entry.recipients.joined(separator: ", ")): \(error.message)")
        case .claimedElsewhere: break
        }
      }
    } catch {
      report.failures.append("notification mail: \(EspoMailError.userFacing(error).message)")
    }
    return report
  }

  /// The acting user's email notification topics.
  public func emailNotificationTopics() throws -> [NotificationTopic] { user.emailNotifications }

  /// Sets which notifications a user also gets by email: the acting user's own (anyone), or with
  /// `login` another's (admins only: `config apply`, or `--as`).
  public func setEmailNotificationTopics(_ topics: [NotificationTopic], login: String? = nil) throws -> [NotificationTopic] {
    if let login, login != user.login { try requireAdmin("set \(login)'s email notifications") }
    try store.write { tx in
      let id = try login.map { try tx.userID(login: $0).orNotFound("user", $0) } ?? user.id
      try tx.setEmailNotifications(userID: id, topics)
    }
    return topics.sorted()
  }
}
