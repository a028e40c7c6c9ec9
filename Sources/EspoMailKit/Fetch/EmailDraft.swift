import EspoMailCore
import EspoMailMIME
import EspoMailSecrets
import EspoMailStore
import Foundation

/// Turns a parsed message into the email row to store.
enum EmailDraft {
  /// The email for a parsed message. `headerOnly` marks a message over the size limit whose body
  /// was not downloaded.
  static func make(from message: ParsedMessage, raw: [UInt8], size: Int, headerOnly: Bool, now: Date) -> NewEmail {
    let identity = messageID(of: message, raw: raw)
    var email = NewEmail(
      messageID: identity.id, isMessageIDSynthetic: identity.isSynthetic, subject: message.subject,
      dateSent: Timestamp.iso8601(message.date ?? now), size: size)
    email.fingerprint = MessageFingerprint.of(message)
    email.from = message.from.first.map(party)
    email.to = message.to.map(party)
    email.cc = message.cc.map(party)
    email.bcc = message.bcc.map(party)
    email.replyTo = message.replyTo.map(party)
    email.deliveryDate = message.deliveryDate.map(Timestamp.iso8601)
    email.bodyPlain = message.textBody ?? message.htmlBody.map(PlainText.fromHTML)
    email.bodyHTML = message.htmlBody
    email.calendar = message.calendar
    email.inReplyTo = message.inReplyTo
    email.references = message.references.isEmpty ? nil : message.references.joined(separator: " ")
    email.automaticReason = MessageClassifier.automaticReason(message)
    email.noReplyReason = MessageClassifier.noReplyReason(message)
    email.isHeaderOnly = headerOnly
    if headerOnly {
      email.bodyPlain = "(This message is \(ByteSize.megabytes(size)), over the account's size limit: only its header was imported.)"
    }
    email.attachments = message.attachments.map {
      NewAttachment(
        name: $0.filename, contentType: $0.contentType, isInline: $0.isInline, contentID: $0.contentID, bytes: $0.data)
    }
    email.searchDocument = SearchDocument(of: email)
    return email
  }

  /// The message's Message-ID, or a deterministic synthetic one (hash of Date, From, To, Subject
  /// and the body) so a rescan never duplicates a message that has none.
  static func messageID(of message: ParsedMessage, raw: [UInt8]) -> (id: String, isSynthetic: Bool) {
    if let id = message.messageID, !id.isEmpty, id.utf8.count <= 900 { return (id, false) }
    let headerEnd = bodyStart(raw)
    var material = [UInt8]()
    for name in ["Date", "From", "To", "Subject"] {
      material += Array((message.header(name) ?? "").utf8) + [0]
    }
    material += raw[headerEnd...]
    return ("<\(Digest.sha256Hex(material).prefix(40))@synthetic.espomail>", true)
  }

  /// Where the body starts (after the first empty line), or the end.
  static func bodyStart(_ raw: [UInt8]) -> Int {
    var index = 0
    while index + 1 < raw.count {
      if raw[index] == 0x0A, raw[index + 1] == 0x0A { return index + 2 }
      if index + 3 < raw.count, raw[index] == 0x0D, raw[index + 1] == 0x0A, raw[index + 2] == 0x0D,
        raw[index + 3] == 0x0A
      {
        return index + 4
      }
      index += 1
    }
    return raw.count
  }

  private static func party(_ address: MailAddress) -> EmailParty {
    EmailParty(name: address.name.flatMap { $0.isEmpty ? nil : $0 }, address: address.address)
  }
}
