import EspoMailCore
import EspoMailCurl

/// Sends finished messages (RFC 5322 bytes, as `MessageComposer` makes them) over SMTP.
public enum SMTPClient {
  /// Delivers `message` to the server in `endpoint` with the given envelope: MAIL FROM
  /// `envelopeFrom` ("" for the null sender `<>`, as for bounces) and RCPT TO each of `recipients`
  /// (To, Cc and Bcc together; repeats are sent once).
  ///
  /// Addresses are checked before connecting. Bare CR or LF line ends in `message` are sent as CRLF.
  /// Throws `EspoMailError`: invalid envelope or message 65; unreachable server or TLS failure 69;
  /// server deferral (4xx) or timeout 75; refusal (5xx) 76; login refused or required 77. `trace`,
  /// when given, receives libcurl's verbose output with login lines redacted.
  public static func send(
    _ message: [UInt8], from envelopeFrom: String, to recipients: [String], via endpoint: SMTPEndpoint,
    trace: ((String) -> Void)? = nil
  ) throws {
    let recipients = try checkedEnvelope(from: envelopeFrom, to: recipients)
    try check(endpoint)
    guard !message.isEmpty else { throw EspoMailError.invalid("message", "it is empty") }
    do {
      try CurlSMTPTransfer.send(
        LineEnds.crlf(message), from: envelopeFrom, to: recipients, options: endpoint.connectOptions, trace: trace)
    } catch let error as SMTPTransferError {
      var failure = error.espoMailError
      failure.message = "sending through SMTP server \(endpoint.server.address) failed: \(failure.message)"
      throw failure
    }
  }

  /// The recipients without repeats (ignoring letter case), after checking every address.
  static func checkedEnvelope(from sender: String, to recipients: [String]) throws -> [String] {
    if !sender.isEmpty { try EnvelopeAddress.check(sender, role: "sender") }
    guard !recipients.isEmpty else {
      throw EspoMailError.invalid(
        "envelope", "there are no recipients", hint: "give at least one To, Cc or Bcc address")
    }
    var seen: Set<String> = []
    var unique: [String] = []
    for recipient in recipients {
      try EnvelopeAddress.check(recipient, role: "recipient")
      if seen.insert(recipient.lowercased()).inserted { unique.append(recipient) }
    }
    return unique
  }

  /// Throws `.configuration` for an endpoint that cannot work.
  static func check(_ endpoint: SMTPEndpoint) throws {
    let host = endpoint.server.host
    let isBad: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 || $0.value == 0x7F || "/?#@".unicodeScalars.contains($0) }
    if host.isEmpty || host.unicodeScalars.contains(where: isBad) {
      throw EspoMailError.configuration(
        "invalid SMTP host \(EnvelopeAddress.shown(host))", hint: "give a host name or address only")
    }
    guard (1...65535).contains(endpoint.server.port) else {
      throw EspoMailError.configuration("invalid SMTP port \(endpoint.server.port)", hint: "use a port from 1 to 65535")
    }
    if endpoint.credential.secret != nil, (endpoint.username ?? "").isEmpty {
      throw EspoMailError.configuration(
        "an SMTP password or token needs a user name", hint: "set the account's SMTP user name")
    }
    if let name = endpoint.heloName, !HeloName.isValid(name) {
      throw EspoMailError.configuration(
        "invalid EHLO name \(EnvelopeAddress.shown(name))", hint: "give a fully qualified host name such as mail.example.org")
    }
    guard endpoint.server.timeoutSeconds > 0, endpoint.server.timeoutSeconds.isFinite else {
      throw EspoMailError.configuration(
        "invalid SMTP timeout \(endpoint.server.timeoutSeconds)", hint: "give a positive number of seconds")
    }
  }
}
