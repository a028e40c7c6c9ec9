import EspoMailCore
import EspoMailStore
import Foundation

/// Turns notifications waiting for mail into outbox messages to the users whose preferences ask
/// for them (Docs/notifications.md), inside one write transaction: each notification is settled
/// in the transaction that queues its mail (keyed `notification:ID`), so it is mailed at most once.
/// A notification is mailed only when its user is active, has an address, chose its topic, and
/// may still read what it is about (`EmailAccessCheck`, `CaseAccess`); never about mail that came
/// from the system sender itself, so a notification fetched back cannot notify again.
struct NotificationMailer {
  /// The write transaction.
  let tx: Transaction
  /// The clock.
  let now: Date

  /// Notifications considered per call; the caller repeats until none are left.
  static let batch = 200

  /// Settles up to `batch` pending notifications, queueing mail for those that get one; returns
  /// how many were settled and how many queued.
  func settlePending() throws -> (settled: Int, queued: Int) {
    let pending = try tx.pendingMailNotifications(limit: Self.batch)
    guard !pending.isEmpty else { return (0, 0) }
    let sender = try SystemMail.sender(in: tx)
    let people = PeopleCache(tx: tx)
    var queued = 0
    for notification in pending {
      if let sender, let user = try recipient(of: notification, people: people),
        try mail(notification, to: user, via: SystemMail(tx: tx, sender: sender, now: now))
      {
        queued += 1
      }
      try tx.settleMailNotification(id: notification.id)
    }
    return (pending.count, queued)
  }

  /// The notified user when they should get this notification by mail, else nil.
  private func recipient(of notification: PendingMailNotification, people: PeopleCache) throws -> User? {
    guard let topic = NotificationTopic.of(notification.kind, record: notification.record),
      let user = try tx.user(id: notification.userID), user.isActive, !user.addresses.isEmpty,
      user.emailNotifications.contains(topic)
    else { return nil }
    if let emailID = notification.emailID {
      guard try EmailAccessCheck(tx: tx, people: people).decide(userID: user.id, emailID: emailID).allowed else { return nil }
    }
    if let record = notification.record, record.type == .case {
      guard let found = try tx.caseRecord(number: record.id) else { return nil }
      let level = user.isAdmin ? AccessLevel.all : try people.permissions(userID: user.id).level(.case, .read)
      guard CaseAccess.covers(found, level: level, user: user) else { return nil }
    }
    return user
  }

  /// Queues the mail of one notification; false when it is about mail from the system sender.
  private func mail(_ notification: PendingMailNotification, to user: User, via system: SystemMail) throws -> Bool {
    var lines = [notification.message, ""]
    var replyTo: String?
    if let emailID = notification.emailID, let email = try tx.emailDetail(id: emailID, viewerID: user.id)?.summary {
      if email.from?.address.lowercased() == system.sender.address.lowercased() { return false }
      lines += [
        "Subject: \(email.subject.isEmpty ? "(no subject)" : email.subject)",
        "From:    \(email.from?.formatted ?? "unknown sender")", "Date:    \(email.date)", "",
        "Read it: espomail email show \(emailID)",
      ]
    }
    if let record = notification.record {
      if record.type == .case, let found = try tx.caseRecord(number: record.id) {
        lines.append("Case:    espomail case show \(record.id)  (\(found.name), \(found.status.rawValue))")
        // Replies go to the case's group address, where they join the case.
        replyTo = try found.groupAccount.flatMap { try tx.mailAccount(name: $0) }.map { $0.replyToAddress ?? $0.address }
      } else {
        lines.append("Record:  espomail crm show \(record)")
      }
    }
    let topic = NotificationTopic.of(notification.kind, record: notification.record)?.rawValue ?? ""
    lines += [
      "", "-- ", "You get this because your email notifications include \(topic).",
      "Change them: espomail notification preferences --email TOPICS|none",
    ]
    // The subject carries text from incoming mail: control characters become spaces, and a value
    // the composer still refuses costs the mail of this notification, never the others.
    let subject = String(notification.message.map { $0.isNewline || $0.asciiValue.map { $0 < 32 || $0 == 127 } == true ? " " : $0 })
    do {
      return try system.queue(
        key: "notification:\(notification.id)", to: user, address: user.addresses[0], subject: subject,
        text: lines.joined(separator: "\n") + "\n", about: notification.record?.type == .case ? notification.record : nil,
        replyTo: replyTo, emailID: notification.emailID)
    } catch let error as EspoMailError where error.status == .dataError {
      return false
    }
  }
}
