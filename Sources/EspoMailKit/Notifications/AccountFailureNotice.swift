import EspoMailCore
import EspoMailStore
import Foundation

/// Tells admins, and a personal account's owner, by mail when an account's fetch has failed
/// `setting set account-failure-notice N` times in a row: once per streak (a successful fetch
/// starts a new one), each recipient in a message of their own (Docs/notifications.md).
struct AccountFailureNotice {
  /// The write transaction.
  let tx: Transaction
  /// The clock.
  let now: Date

  /// The default number of failed fetches in a row before the notice.
  static let defaultThreshold = 3

  /// Queues the notices due; returns how many messages were queued. Without a system sender
  /// nothing is queued and the streaks stay un-noticed, so the notice follows once one is set.
  func queueDue() throws -> Int {
    let threshold = try tx.number(.accountFailureNotice)
    guard threshold > 0, let sender = try SystemMail.sender(in: tx) else { return 0 }
    let system = SystemMail(tx: tx, sender: sender, now: now)
    var queued = 0
    for account in try tx.accountsDueFailureNotice(threshold: threshold) {
      let streak = try tx.fetchAttempts(accountID: account.id) - Int64(account.health.consecutiveFailures)
      var recipients = try tx.activeAdmins()
      if account.kind == .personal, let owner = try account.owner.flatMap({ try tx.user(login: $0) }), owner.isActive,
        !recipients.contains(where: { $0.id == owner.id })
      {
        recipients.append(owner)
      }
      let failures = account.health.consecutiveFailures
      let text = """
        The email account '\(account.name)' (\(account.address)) has failed to fetch \(failures) times in a row.

        Last error:   \(account.health.lastError ?? "-")
        Last success: \(account.health.lastSuccessAt ?? "never")

        Check it:     espomail account test \(account.name)
        Its health:   espomail account status \(account.name)

        -- 
        You are told once per streak of failures; the next successful fetch ends it.
        Change when: espomail setting set account-failure-notice N (0: never)

        """
      for user in recipients {
        guard let address = user.addresses.first else { continue }
        if try system.queue(
          key: "account-failing:\(account.id):\(streak):\(user.id)", to: user, address: address,
          subject: "Email account '\(account.name)' keeps failing (\(failures) fetches in a row)", text: text)
        {
          queued += 1
        }
      }
      try tx.markFailureNoticed(accountID: account.id)
    }
    return queued
  }
}
