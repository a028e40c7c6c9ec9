import EspoMailCore
import EspoMailMIME
import EspoMailStore
import Foundation

/// What `send` asks for.
public struct SendRequest: Sendable {
  /// The From address: one of yours, a shared group account's, or the system sender's.
  public var from: String
  /// Recipients.
  public var to: [String]
  /// Copy recipients.
  public var cc: [String] = []
  /// Blind copy recipients: in the SMTP envelope and the stored email, never in the message sent.
  public var bcc: [String] = []
  /// Subject (empty on a reply: `Re: ` and the replied subject).
  public var subject: String
  /// Plain-text body (empty with a template: the template's).
  public var body: String
  /// The record the email is about (a Case gives Reply-To: its group address).
  public var parent: RecordReference?
  /// The email this one answers (threading headers; its parent by default).
  public var replyToEmail: Int64?
  /// With `replyToEmail`: answer its sender and its other recipients too (`--reply-all`).
  public var replyAll = false
  /// Files to attach.
  public var attachments: [FileAttachment] = []
  /// A template giving the subject and body (unless given) and more files (`--template`).
  public var template: String?

  /// Creates a request.
  public init(from: String, to: [String], subject: String, body: String) {
    self.from = from
    self.to = to
    self.subject = subject
    self.body = body
  }
}

/// A file to attach: its name and bytes (the type is taken from the name's extension).
public struct FileAttachment: Sendable {
  /// File name.
  public var name: String
  /// Contents.
  public var data: [UInt8]

  /// Creates an attachment.
  public init(name: String, data: [UInt8]) {
    self.name = name
    self.data = data
  }

  /// The attachment as the store keeps it.
  var stored: NewAttachment { NewAttachment(name: name, contentType: contentType, isInline: false, contentID: nil, bytes: data) }

  /// The MIME type for the file name's extension.
  var contentType: String {
    let types = [
      "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
      "txt": "text/plain", "csv": "text/csv", "html": "text/html", "zip": "application/zip", "json": "application/json",
      "eml": "message/rfc822", "ics": "text/calendar",
    ]
    let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
    return types[ext] ?? "application/octet-stream"
  }
}

/// What `send` did.
public struct SendResult: Sendable {
  /// The stored email.
  public var emailID: Int64
  /// Its Message-ID (carries the parent, so replies thread back).
  public var messageId: String
  /// The account whose SMTP sent it.
  public var account: String
  /// The linked record.
  public var parent: RecordReference?
  /// Reply-To, when the parent is a Case of a group account.
  public var replyTo: String?
  /// Whether a copy was appended to the account's IMAP Sent folder.
  public var savedToSentFolder: Bool
  /// Why the Sent folder did not take the copy, when it did not (the mail itself went out).
  public var sentFolderError: String?
}

extension Session {
  /// Sends an email as the acting user and stores it as Sent: the From
  /// address decides the SMTP account and is checked against the user's rights.
  public func send(
    _ request: SendRequest, now: Date = Date(), network: NetworkOptions = NetworkOptions()
  ) throws -> SendResult {
    try requireServiceConnection("send")
    try HeaderText.check(request.subject, field: "--subject")
    let from = try EmailAddress(request.from)
    var to = try request.to.flatMap(NamedAddress.list)
    var cc = try request.cc.flatMap(NamedAddress.list)
    let bcc = try request.bcc.flatMap(NamedAddress.list)
    guard !to.isEmpty || request.replyToEmail != nil else { throw EspoMailError(.usage, "send needs at least one --to") }
    guard !request.replyAll || request.replyToEmail != nil else {
      throw EspoMailError(.usage, "--reply-all needs --reply-to-email ID", hint: "name the email you answer: --reply-to-email 42")
    }
    let (account, isSharedSystem) = try sendingAccount(for: from)
    // Sent from one's own address through the system sender: the user's name, no team Reply-To.
    let asTeam = account.kind == .group && !isSharedSystem
    // Threading and parent.
    var parent = request.parent
    var inReplyTo: String?
    var references: [String] = []
    var repliedID: Int64?
    var subject = request.subject
    var text = request.body
    var html: String?
    var attachments = request.attachments
    try store.read { tx in
      var repliedDetail: EmailDetail?
      if let replied = request.replyToEmail {
        let detail = try readableEmail(replied, tx)
        repliedDetail = detail
        let excluded = Set(try tx.mailAccounts().filter(\.excludeFromReply).map { $0.address.lowercased() })
        let own = Set((user.addresses + [from.value]).map { $0.lowercased() })
        let answer = ReplyRecipients(replying: detail, all: request.replyAll, own: own, excluded: excluded)
        let given = Set((to + cc).map(\.address.lower))
        to += answer.to.filter { !given.contains($0.address.lower) }
        cc += answer.cc.filter { !given.contains($0.address.lower) }
        if subject.isEmpty { subject = Self.replySubject(detail.summary.subject) }
        inReplyTo = detail.summary.messageID
        references = (detail.references?.split(separator: " ").map(String.init) ?? []) + [detail.summary.messageID]
        parent = parent ?? detail.summary.parent
        repliedID = replied
      }
      if let parent { try requireReadable(parent, action: "send --parent \(parent)", tx) }
      if let name = request.template {
        let filled = try TemplateFill(
          template: name, tx: tx, parent: parent, replied: repliedDetail, recipient: to.first, sender: user,
          account: account, now: now)
        if request.subject.isEmpty { subject = filled.subject }
        if request.body.isEmpty {
          text = filled.text
          html = filled.html
        }
        attachments = filled.attachments + attachments
      }
    }
    guard !to.isEmpty else {
      throw EspoMailError(
        .usage, "the reply has nobody to go to: every address of email \(request.replyToEmail ?? 0) is yours or left out of replies",
        hint: "name the recipients with --to ADDR")
    }
    guard !subject.isEmpty else { throw EspoMailError(.usage, "send needs --subject TEXT") }
    // Reply-To: the sending group account's own, else on a case the case account's (its Reply-To
    // address or its address), so the customer answers the team.
    var replyTo = asTeam ? account.replyToAddress : nil
    if replyTo == nil, let parent, parent.type == .case {
      replyTo = try store.read { tx in
        try tx.caseOrigin(number: parent.id)?.mailAccountID.flatMap { try tx.mailAccount(id: $0) }
          .flatMap { $0.kind == .group ? $0.replyToAddress ?? $0.address : nil }
      }
    }
    // A group account may send under a name of its own ("Acme Support") instead of the agent's.
    let fromName = asTeam ? account.fromName ?? user.name : user.name
    let messageID = OwnMessageID.make(
      parent: parent, unixTime: Int64(now.timeIntervalSince1970), random: String(UInt64.random(in: 0...UInt64.max), radix: 36),
      domain: OwnMessageID.domain(of: from.value))
    let message = OutgoingMessage(
      from: MailAddress(name: fromName, address: from.value), to: to.map { MailAddress(name: $0.name, address: $0.address.value) },
      cc: cc.map { MailAddress(name: $0.name, address: $0.address.value) },
      replyTo: replyTo.map { [MailAddress(name: nil, address: $0)] } ?? [], subject: subject, text: text, html: html,
      messageID: messageID, date: now, inReplyTo: inReplyTo, references: references,
      attachments: attachments.map { OutgoingAttachment(filename: $0.name, contentType: $0.contentType, data: $0.data) })
    let raw = try MessageComposer.compose(message)
    let recipients = (to + cc + bcc).map(\.address.value)
    // Store first (status sending) and claim the outbox row, then talk to the server.
    let (emailID, outboxID) = try store.write { tx -> (Int64, Int64) in
      var draft = NewEmail(
        messageID: messageID, isMessageIDSynthetic: false, subject: subject, dateSent: Timestamp.iso8601(now),
        size: raw.count)
      draft.status = .sending
      // The fingerprint of the bytes sent, so a copy fetched back (Sent folder, a recipient's
      // mailbox) merges into this email.
      draft.fingerprint = (try? MessageParser.parseHeaders(Array(raw.prefix(EmailDraft.bodyStart(raw)))))
        .map(MessageFingerprint.of)
      draft.from = EmailParty(name: fromName, address: from.value)
      draft.to = to.map { EmailParty(name: $0.name, address: $0.address.value) }
      draft.cc = cc.map { EmailParty(name: $0.name, address: $0.address.value) }
      draft.bcc = bcc.map { EmailParty(name: $0.name, address: $0.address.value) }
      draft.replyTo = replyTo.map { [EmailParty(name: nil, address: $0)] } ?? []
      draft.bodyPlain = text
      draft.bodyHTML = html
      draft.inReplyTo = inReplyTo
      draft.references = references.isEmpty ? nil : references.joined(separator: " ")
      draft.attachments = attachments.map {
        NewAttachment(name: $0.name, contentType: $0.contentType, isInline: false, contentID: nil, bytes: $0.data)
      }
      draft.parent = parent
      draft.crmAccountID = try parent.flatMap { try tx.accountOf($0) }
      draft.repliedEmailID = repliedID
      let emailID = try tx.insertEmail(draft, createdBy: user.id)
      try tx.addEmailAccount(emailID: emailID, accountID: account.id)
      let users = try tx.activeUserIDs(withAddresses: recipients + [from.value]) + [user.id]
      try tx.addEmailUsers(emailID: emailID, userIDs: Array(Set(users)).sorted())
      try tx.setFlag(.read, true, emailID: emailID, userID: user.id)
      if let repliedID { try tx.flagReplied(emailID: repliedID) }
      try tx.addDecision(
        emailID: emailID, step: .parent, outcome: parent?.description ?? "none",
        detail: parent == nil ? "sent without a parent" : "sent by \(user.login) about \(parent?.description ?? "")")
      guard
        let outboxID = try tx.enqueueOutbox(
          key: "send:\(emailID)", kind: .user, accountID: account.id, emailID: emailID, inReplyTo: repliedID,
          mailFrom: from.value, recipients: recipients, raw: raw), try tx.claimOutboxEntry(id: outboxID)
      else { throw EspoMailError(.internalError, "the outbox refused a new message") }
      return (emailID, outboxID)
    }
    let transport = OutboundTransport(store: store, network: network)
    do {
      try transport.send(raw, from: from.value, to: recipients, via: account)
    } catch {
      let failure = EspoMailError.userFacing(error)
      transport.record(outboxID: outboxID, kind: .user, emailID: emailID, failure: failure)
      throw failure
    }
    transport.record(outboxID: outboxID, kind: .user, emailID: emailID, failure: nil)
    let sentFolderError = account.sentFolder.flatMap { saveToSentFolder(raw, folder: $0, account: account, network: network) }
    return SendResult(
      emailID: emailID, messageId: messageID, account: account.name, parent: parent, replyTo: replyTo,
      savedToSentFolder: account.sentFolder != nil && sentFolderError == nil, sentFolderError: sentFolderError)
  }

  /// A reply's subject: the replied one with `Re: ` unless it has it already.
  static func replySubject(_ replied: String) -> String {
    let trimmed = replied.trimmingWhitespace()
    return trimmed.lowercased().hasPrefix("re:") ? trimmed : "Re: " + trimmed
  }

  /// The account whose SMTP may send as `from` for the acting user, and whether it is the system
  /// sender lent for one of the user's own addresses (`setting set outbound-shared yes`); refuses
  /// with the addresses they may use (the rules: `AccountAccess.maySend` and `maySendOwnAddress`).
  func sendingAccount(for from: EmailAddress) throws -> (account: MailAccount, isSharedSystem: Bool) {
    let accounts = try store.read { try $0.mailAccounts() }.filter { $0.isActive && $0.smtp != nil }
    let system = try store.read { try $0.setting(.defaultOutbound) }?.lowercased()
    let systemAccount = accounts.first { $0.name.lowercased() == system }
    let shared = try store.read { try $0.isOutboundShared() }
    let access = accountAccess
    if let match = accounts.first(where: { $0.address.lowercased() == from.lower && access.maySend(through: $0, as: from.value) }) {
      return (match, false)
    }
    if let systemAccount, access.maySendOwnAddress(from.value, throughSystemSender: shared) { return (systemAccount, true) }
    let usable = accounts.filter { access.maySend(through: $0, as: $0.address) }
    var choices = usable.map(\.address)
    if systemAccount != nil, shared { choices += user.addresses }
    throw EspoMailError.denied(
      "send from \(from.value)",
      because: choices.isEmpty
        ? "you may send from no address (a personal account with SMTP, a shared group account your role allows, "
          + "or your own address when an admin sets outbound-shared yes)"
        : "you may send from \(Array(Set(choices)).sorted().joined(separator: ", "))")
  }

  /// Appends a sent message to the account's Sent folder; a refusal (`NO [TRYCREATE]`, a dead
  /// server) is counted on the account for `account status` and returned as the message to warn
  /// with, never thrown: the mail itself went out.
  func saveToSentFolder(_ raw: [UInt8], folder: String, account: MailAccount, network: NetworkOptions) -> String? {
    do {
      try appendToSentFolder(raw, folder: folder, account: account, network: network)
      return nil
    } catch {
      let failure = EspoMailError.userFacing(error)
      let message = "the Sent folder '\(folder)' did not take the copy: \(failure.message)"
      try? store.write { try $0.recordSentAppendFailure(accountID: account.id, error: message) }
      return message
    }
  }

  /// Appends `raw` to `folder` as read.
  func appendToSentFolder(_ raw: [UInt8], folder: String, account: MailAccount, network: NetworkOptions) throws {
    let imap = try IMAPConnector(store: store, account: account, network: network).connect()
    defer { imap.logout() }
    try imap.append(raw, to: folder, flags: ["\\Seen"])
  }
}
