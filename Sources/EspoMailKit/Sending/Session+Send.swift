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
  /// Subject.
  public var subject: String
  /// Plain-text body.
  public var body: String
  /// The record the email is about (a Case gives Reply-To: its group address).
  public var parent: RecordReference?
  /// The email this one answers (threading headers; its parent by default).
  public var replyToEmail: Int64?
  /// Files to attach.
  public var attachments: [FileAttachment] = []

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
    let to = try request.to.flatMap(NamedAddress.list)
    let cc = try request.cc.flatMap(NamedAddress.list)
    let bcc = try request.bcc.flatMap(NamedAddress.list)
    guard !to.isEmpty else { throw EspoMailError(.usage, "send needs at least one --to") }
    let account = try sendingAccount(for: from)
    // Threading and parent.
    var parent = request.parent
    var inReplyTo: String?
    var references: [String] = []
    var repliedID: Int64?
    try store.read { tx in
      if let replied = request.replyToEmail {
        let detail = try readableEmail(replied, tx)
        inReplyTo = detail.summary.messageID
        references = (detail.references?.split(separator: " ").map(String.init) ?? []) + [detail.summary.messageID]
        parent = parent ?? detail.summary.parent
        repliedID = replied
      }
      if let parent { try requireReadable(parent, action: "send --parent \(parent)", tx) }
    }
    // Reply-To: the sending group account's own, else on a case the case account's (its Reply-To
    // address or its address), so the customer answers the team.
    var replyTo = account.kind == .group ? account.replyToAddress : nil
    if replyTo == nil, let parent, parent.type == .case {
      replyTo = try store.read { tx in
        try tx.caseOrigin(number: parent.id)?.mailAccountID.flatMap { try tx.mailAccount(id: $0) }
          .flatMap { $0.kind == .group ? $0.replyToAddress ?? $0.address : nil }
      }
    }
    // A group account may send under a name of its own ("Acme Support") instead of the agent's.
    let fromName = account.kind == .group ? account.fromName ?? user.name : user.name
    let messageID = OwnMessageID.make(
      parent: parent, unixTime: Int64(now.timeIntervalSince1970), random: String(UInt64.random(in: 0...UInt64.max), radix: 36),
      domain: OwnMessageID.domain(of: from.value))
    let message = OutgoingMessage(
      from: MailAddress(name: fromName, address: from.value), to: to.map { MailAddress(name: $0.name, address: $0.address.value) },
      cc: cc.map { MailAddress(name: $0.name, address: $0.address.value) },
      replyTo: replyTo.map { [MailAddress(name: nil, address: $0)] } ?? [], subject: request.subject, text: request.body,
      messageID: messageID, date: now, inReplyTo: inReplyTo, references: references,
      attachments: request.attachments.map { OutgoingAttachment(filename: $0.name, contentType: $0.contentType, data: $0.data) })
    let raw = try MessageComposer.compose(message)
    let recipients = (to + cc + bcc).map(\.address.value)
    // Store first (status sending) and claim the outbox row, then talk to the server.
    let (emailID, outboxID) = try store.write { tx -> (Int64, Int64) in
      var draft = NewEmail(
        messageID: messageID, isMessageIDSynthetic: false, subject: request.subject, dateSent: Timestamp.iso8601(now),
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
      draft.bodyPlain = request.body
      draft.inReplyTo = inReplyTo
      draft.references = references.isEmpty ? nil : references.joined(separator: " ")
      draft.attachments = request.attachments.map {
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

  /// The account whose SMTP may send as `from` for the acting user; refuses with the addresses
  /// they may use (the rule: `AccountAccess.maySend`).
  func sendingAccount(for from: EmailAddress) throws -> MailAccount {
    let accounts = try store.read { try $0.mailAccounts() }.filter { $0.isActive && $0.smtp != nil }
    let system = try store.read { try $0.setting(.defaultOutbound) }?.lowercased()
    let access = accountAccess
    if let match = accounts.first(where: { $0.address.lowercased() == from.lower && access.maySend(through: $0, as: from.value) }) {
      return match
    }
    let usable = accounts.filter { access.maySend(through: $0, as: $0.address) }
    let choices = usable.map(\.address) + (system.flatMap { name in usable.first { $0.name.lowercased() == name }?.address }.map { [$0] } ?? [])
    throw EspoMailError.denied(
      "send from \(from.value)",
      because: choices.isEmpty
        ? "you may send from no address (a personal account with SMTP, or a shared group account your role allows)"
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
