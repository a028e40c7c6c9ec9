import Foundation

/// A message the test SMTP sink accepted: its SMTP envelope and the exact bytes sent after DATA.
public struct DeliveredMessage: Sendable, Equatable {
  /// The MAIL FROM address as aiosmtpd reports it ("<>" for the null sender).
  public let mailFrom: String
  /// The RCPT TO addresses, in the order the client sent them.
  public let recipients: [String]
  /// The message as the client sent it (CRLF line ends, dot-stuffing removed).
  public let bytes: [UInt8]
  /// The name the client gave in EHLO (or HELO).
  public var heloName: String?
  /// The SASL mechanism the client logged in with, nil without a login.
  public var loginMechanism: String?

  /// Creates a delivered message from its parts.
  public init(mailFrom: String, recipients: [String], bytes: [UInt8]) {
    self.mailFrom = mailFrom
    self.recipients = recipients
    self.bytes = bytes
  }

  /// Reads a file of the sink's Maildir: an `X-MailFrom:` line, an `X-RcptTo:` line (addresses
  /// separated by ", "), `X-Helo:` and `X-Auth:` lines, then the message bytes.
  static func read(file bytes: [UInt8]) throws -> DeliveredMessage {
    var rest = bytes[...]
    let mailFrom = try envelopeLine(&rest, name: "X-MailFrom: ")
    let recipients = try envelopeLine(&rest, name: "X-RcptTo: ")
    let helo = try envelopeLine(&rest, name: "X-Helo: ")
    let mechanism = try envelopeLine(&rest, name: "X-Auth: ")
    var message = DeliveredMessage(
      mailFrom: mailFrom,
      recipients: recipients.isEmpty ? [] : recipients.components(separatedBy: ", "),
      bytes: Array(rest))
    message.heloName = helo
    message.loginMechanism = mechanism == "none" ? nil : mechanism
    return message
  }

  /// Takes the CRLF-ended line `name…` off the front of `rest` and returns the part after `name`.
  private static func envelopeLine(_ rest: inout ArraySlice<UInt8>, name: String) throws -> String {
    let prefix = Array(name.utf8)
    guard rest.starts(with: prefix), let end = rest.firstIndex(of: 0x0D), end + 1 < rest.endIndex,
      rest[end + 1] == 0x0A
    else { throw SMTPSinkError("a sink Maildir file does not start with \(name)") }
    let value = String(decoding: rest[(rest.startIndex + prefix.count)..<end], as: UTF8.self)
    rest = rest[(end + 2)...]
    return value
  }
}
