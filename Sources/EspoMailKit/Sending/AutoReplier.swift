import EspoMailCore
import EspoMailMIME
import EspoMailStore
import Foundation

/// Decides, inside the import transaction, whether a new email to a group account gets an
/// auto-reply, and queues it in the outbox (sent after the commit). Only the email that opened a
/// case is answered (on an account without cases, the first email of a thread); never automatic
/// mail, list mail, mail asking for no reply, our own addresses, duplicates, `--no-auto-reply`, or
/// a sender over the rate limit (Docs/email-to-case.md, "Auto-replies").
struct AutoReplier {
  /// The import transaction the reply is queued in.
  let tx: Transaction
  /// The group account that received the email.
  let account: MailAccount
  /// The clock, for the rate limit and the Date header.
  let now: Date
  /// False under `fetch --no-auto-reply`.
  let isEnabled: Bool

  /// Replies allowed per sender per period, unless `setting set auto-reply-limit` says otherwise.
  static let defaultLimit = 5
  /// The period of the limit, unless `setting set auto-reply-period-hours` says otherwise.
  static let defaultPeriod: TimeInterval = 2 * 3600

  /// Queues a reply to a new email, or records why not; returns whether one was queued. `cases`
  /// is what the case logic did with it, `repliedEmailID` the stored email it answers, if any.
  @discardableResult
  func consider(emailID: Int64, email: NewEmail, cases: CaseOutcome, repliedEmailID: Int64?) throws -> Bool {
    guard account.kind == .group, account.autoReply.isOn else { return false }
    func suppress(_ why: String) throws -> Bool {
      try tx.addDecision(emailID: emailID, step: .autoReply, outcome: "suppressed", detail: why)
      return false
    }
    guard isEnabled else { return try suppress("fetch --no-auto-reply") }
    if let reason = email.automaticReason { return try suppress("automatic mail (\(reason))") }
    var caseNumber: Int64?
    if account.cases.createCase {
      switch cases {
      case .created(let number, _): caseNumber = number
      case .threaded(let number):
        return try suppress("a follow-up in case #\(number): only the email that opened the case is answered")
      case .none: return try suppress("it opened no case")
      }
    } else if let repliedEmailID {
      return try suppress("a follow-up to email:\(repliedEmailID): only the first email of a thread is answered")
    }
    if let reason = email.noReplyReason { return try suppress(reason) }
    guard let sender = email.replyTo.first?.address ?? email.from?.address else { return try suppress("no sender address") }
    if try tx.isOwnAddress(sender) { return try suppress("\(sender) is one of our own addresses") }
    let limit = try tx.number(.autoReplyLimit)
    let hours = try tx.number(.autoReplyPeriodHours)
    let since = Timestamp.iso8601(now.addingTimeInterval(-Double(hours) * 3600))
    let recent = try tx.autoRepliesSent(to: sender, since: since)
    if recent >= limit {
      return try suppress("\(sender) already got \(recent) auto-replies in the last \(hours) hour(s) (limit \(limit))")
    }
    guard let templateName = account.autoReply.template, let template = try tx.template(name: templateName) else {
      return try suppress("the reply template is missing")
    }
    guard let sendingAccount = try sendingAccount() else {
      return try suppress("neither this account nor the system sender has SMTP")
    }
    let caseName = try caseNumber.flatMap { try tx.caseRecord(number: $0)?.name }
    var values = [
      "person.name": email.from?.name ?? "", "person.address": email.from?.address ?? "", "email.subject": email.subject,
      "email.date": email.dateSent, "account.name": account.name, "account.address": account.address,
      "date.today": String(Timestamp.iso8601(now).prefix(10)),
    ]
    if let caseNumber { values["case.number"] = "\(caseNumber)" }
    if let caseName { values["case.name"] = caseName }
    // {user.*}: the user the case went to, or on an account without cases the one it assigns its mail to.
    let assigneeLogin = try caseNumber.flatMap { try tx.caseRecord(number: $0)?.assignedUser }
      ?? (account.cases.createCase ? nil : account.cases.assignTo)
    if let assignee = try assigneeLogin.flatMap({ try tx.user(login: $0) }), assignee.isActive {
      values["user.name"] = assignee.name
      values["user.login"] = assignee.login
      if caseNumber != nil { values["case.assignee"] = assignee.name }
    }
    var subject = Template.render(template.subject, values)
    if let caseNumber, !subject.contains("[#\(caseNumber)]") { subject = "[#\(caseNumber)] " + subject }
    let body = Template.render(template.body, values, escapingHTML: template.isHTML)
    let fromAddress = account.autoReply.from ?? account.address
    // Threading ids come from the incoming message and may be malformed: those are left out.
    let references = ((email.references?.split(separator: " ").map(String.init) ?? []) + [email.messageID])
      .filter { MessageComposer.canWrite(messageID: $0) }
    let inReplyTo = MessageComposer.canWrite(messageID: email.messageID) ? email.messageID : nil
    let message = OutgoingMessage(
      from: MailAddress(name: account.autoReply.fromName ?? account.fromName, address: fromAddress),
      to: [MailAddress(name: email.from?.name, address: sender)],
      replyTo: (account.autoReply.replyTo ?? account.replyToAddress).map { [MailAddress(name: nil, address: $0)] } ?? [],
      subject: subject,
      text: template.isHTML ? PlainText.fromHTML(body) : body, html: template.isHTML ? body : nil,
      messageID: OwnMessageID.make(
        parent: caseNumber.map { RecordReference(.case, $0) }, unixTime: Int64(now.timeIntervalSince1970),
        random: String(UInt64.random(in: 0...UInt64.max), radix: 36), domain: OwnMessageID.domain(of: fromAddress)),
      date: now, inReplyTo: inReplyTo, references: references,
      extraHeaders: [
        (name: "Auto-Submitted", value: "auto-replied"), (name: "X-Auto-Response-Suppress", value: "All"),
        (name: "Precedence", value: "auto_reply"),
      ],
      attachments: try tx.templateAttachments(templateID: template.id).map {
        OutgoingAttachment(filename: $0.name, contentType: $0.contentType, data: $0.bytes)
      })
    let raw: [UInt8]
    do {
      raw = try MessageComposer.compose(message)
    } catch let error as EspoMailError where error.status == .dataError {
      // A value taken from the incoming mail (its sender, name or subject) cannot be written in a
      // reply: the email is still imported, without a reply.
      return try suppress("the reply cannot be written: \(error.message)")
    }
    try tx.enqueueOutbox(
      key: "auto-reply:\(emailID)", kind: .autoReply, accountID: sendingAccount.id, emailID: emailID, inReplyTo: emailID,
      mailFrom: fromAddress, recipients: [sender], raw: raw)
    try tx.addDecision(
      emailID: emailID, step: .autoReply, outcome: "queued",
      detail: "to \(sender) from \(fromAddress) via \(sendingAccount.name) with template \(template.name)")
    return true
  }

  /// This account when it has SMTP, else the system sender.
  private func sendingAccount() throws -> MailAccount? {
    if account.smtp != nil { return account }
    guard let name = try tx.setting(.defaultOutbound), let system = try tx.mailAccount(name: name),
      system.smtp != nil
    else { return nil }
    return system
  }
}
