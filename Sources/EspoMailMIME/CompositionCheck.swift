import EspoMailCore
import Foundation

/// Checks every header value of an `OutgoingMessage` before GMime sees it: header injection (CR,
/// LF, NUL) in any field, address and message-id form, extra header names, attachment names and
/// types. Every refusal is an `EspoMailError(.dataError)` naming the field.
enum CompositionCheck {
  /// Headers the composer writes itself, lower-cased; extra headers may not set them again
  /// (nor any `Content-*` header).
  static let composerHeaders: Set<String> = [
    "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "in-reply-to",
    "references", "mime-version",
  ]

  /// Throws for the first value of `message` that cannot be written safely.
  static func validate(_ message: OutgoingMessage) throws {
    try address(message.from, field: "From")
    for (field, list) in [("To", message.to), ("Cc", message.cc), ("Reply-To", message.replyTo)] {
      for entry in list { try address(entry, field: field) }
    }
    try HeaderSafety.check(message.subject, field: "Subject")
    guard unixSeconds(message.date) != nil else {
      throw EspoMailError.invalid("Date", "it is not between the years 1970 and 9999")
    }
    try messageID(message.messageID, field: "Message-ID")
    if let inReplyTo = message.inReplyTo { try messageID(inReplyTo, field: "In-Reply-To") }
    for reference in message.references { try messageID(reference, field: "References") }
    for header in message.extraHeaders { try extraHeader(name: header.name, value: header.value) }
    for (index, attachment) in message.attachments.enumerated() {
      try self.attachment(attachment, number: index + 1)
    }
  }

  /// The whole seconds since 1970 of `date`, or nil outside the years 1970 to 9999.
  static func unixSeconds(_ date: Date) -> Int64? {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    guard seconds >= 0, seconds <= 253_402_300_799 else { return nil }
    return Int64(seconds)
  }

  /// A mailbox: a one-line name and a valid `local@domain` address.
  static func address(_ address: MailAddress, field: String) throws {
    if let name = address.name { try HeaderSafety.check(name, field: "\(field) name") }
    try HeaderSafety.check(address.address, field: "\(field) address")
    guard AddressReader.isValid(address.address) else {
      throw EspoMailError.invalid("\(field) address '\(address.address)'", "it is not of the form local@domain")
    }
  }

  /// A message id: one line, in angle brackets, with no blanks or brackets inside.
  static func messageID(_ id: String, field: String) throws {
    try HeaderSafety.check(id, field: field)
    let inner = id.dropFirst().dropLast()
    guard id.hasPrefix("<"), id.hasSuffix(">"), !inner.isEmpty,
      !inner.unicodeScalars.contains(where: { $0 == "<" || $0 == ">" || HeaderReader.isSpace($0) || $0.value < 0x20 })
    else {
      throw EspoMailError.invalid("\(field) '\(id)'", "a message id looks like <local@domain>")
    }
  }

  /// An extra header: a valid field name the composer does not write itself, and a one-line value.
  static func extraHeader(name: String, value: String) throws {
    try HeaderSafety.check(name, field: "extra header name")
    guard !name.isEmpty, name.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != ":" }) else {
      throw EspoMailError.invalid("header name '\(name)'", "use printable ASCII without blanks or colons")
    }
    let lowered = name.lowercased()
    guard !composerHeaders.contains(lowered), !lowered.hasPrefix("content-") else {
      throw EspoMailError.invalid(
        "extra header \(name)", "the composer writes this header itself", hint: "set it through the message's fields")
    }
    try HeaderSafety.check(value, field: "header \(name)")
  }

  /// An attachment: a one-line, non-empty file name and a `type/subtype` content type.
  static func attachment(_ attachment: OutgoingAttachment, number: Int) throws {
    try HeaderSafety.check(attachment.filename, field: "attachment \(number) filename")
    try HeaderSafety.check(attachment.contentType, field: "attachment \(number) content type")
    guard !attachment.filename.isEmpty else {
      throw EspoMailError.invalid("attachment \(number) filename", "it is empty")
    }
    guard isMediaType(attachment.contentType) else {
      throw EspoMailError.invalid(
        "attachment \(number) content type '\(attachment.contentType)'", "it is not of the form type/subtype",
        hint: "use application/octet-stream when unsure")
    }
  }

  /// True when `value` starts with `type/subtype` made of RFC 2045 token characters.
  static func isMediaType(_ value: String) -> Bool {
    let mediaType = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    let parts = HeaderReader.trimmed(String(mediaType)).split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(isTokenCharacter) }
  }

  /// An RFC 2045 token character: printable ASCII except the specials.
  static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
    (0x21...0x7E).contains(scalar.value) && !"()<>@,;:\\\"/[]?=".unicodeScalars.contains(scalar)
  }
}
