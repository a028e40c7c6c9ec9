import EspoMailCore
import EspoMailMIME
import EspoMailStore
import Foundation

/// Mail espomail writes itself (notifications, account failure notices) from the system sender
/// (`outbound set-default`): marked automatic (`Auto-Submitted: auto-generated`), so no mail
/// server, auto-responder or espomail store answers it or opens a case from it, and queued in
/// the outbox once per key.
struct SystemMail {
  /// The transaction it is queued in.
  let tx: Transaction
  /// The system sender.
  let sender: MailAccount
  /// The clock, for the Date header and the Message-ID.
  let now: Date

  /// The system sender when one is set, active and has SMTP; nil otherwise.
  static func sender(in tx: Transaction) throws -> MailAccount? {
    guard let name = try tx.setting(.defaultOutbound), let account = try tx.mailAccount(name: name),
      account.isActive, account.smtp != nil
    else { return nil }
    return account
  }

  /// Composes a message to one user and queues it under `key` (nothing when the key was queued
  /// before); `about` is the record a reply should thread to, `replyTo` where replies go.
  @discardableResult
  func queue(
    key: String, to user: User, address: String, subject: String, text: String, about: RecordReference? = nil,
    replyTo: String? = nil, emailID: Int64? = nil
  ) throws -> Bool {
    let message = OutgoingMessage(
      from: MailAddress(name: sender.fromName ?? "espomail", address: sender.address),
      to: [MailAddress(name: user.name, address: address)],
      replyTo: replyTo.map { [MailAddress(name: nil, address: $0)] } ?? [], subject: subject, text: text,
      messageID: OwnMessageID.make(
        parent: about, unixTime: Int64(now.timeIntervalSince1970),
        random: String(UInt64.random(in: 0...UInt64.max), radix: 36), domain: OwnMessageID.domain(of: sender.address)),
      date: now,
      extraHeaders: [
        (name: "Auto-Submitted", value: "auto-generated"), (name: "X-Auto-Response-Suppress", value: "All"),
        (name: "Precedence", value: "bulk"),
      ])
    let raw = try MessageComposer.compose(message)
    return try tx.enqueueOutbox(
      key: key, kind: .notification, accountID: sender.id, emailID: emailID, inReplyTo: nil, mailFrom: sender.address,
      recipients: [address], raw: raw) != nil
  }
}
