import EspoMailCore

/// A failed SMTP delivery: libcurl's error plus the server's last reply, which tells a deferral
/// (4xx, try again later) from a refusal (5xx).
public struct SMTPTransferError: Error, Equatable, Sendable, CustomStringConvertible {
  /// libcurl's code, text and error buffer.
  public let transfer: TransferError
  /// The server's last reply code when it was an error (400 or more), such as 550.
  public let replyCode: Int?
  /// The server's last reply line, such as "550 5.1.1 <bob@example.org>: unknown user".
  public let replyText: String?
  /// The login mechanisms that were allowed, such as "PLAIN or LOGIN", for a refused login's message.
  public var mechanisms: String?

  /// Creates an error; reply codes below 400 (the last good step) are dropped.
  public init(transfer: TransferError, replyCode: Int?, replyText: String?) {
    self.transfer = transfer
    let isError = (replyCode ?? 0) >= 400
    self.replyCode = isError ? replyCode : nil
    self.replyText = isError ? replyText : nil
  }

  /// libcurl's description and, when there is one, the server's reply.
  public var description: String {
    guard let replyText else { return transfer.description }
    return "\(transfer.description) (server: \(replyText))"
  }

  /// What this failure means to the user, with the matching exit status.
  public var espoMailError: EspoMailError {
    let kind = TransferFailureKind(code: transfer.code)
    let server = replyText ?? replyCode.map { "reply \($0)" } ?? transfer.description
    if kind == .loginDenied {
      let mechanism = mechanisms.map { " with \($0)" } ?? ""
      return EspoMailError(
        .permissionDenied, "the SMTP server refused the login\(mechanism): \(server)",
        hint: "check the user name and password or token; choose another mechanism with "
          + "'espomail account set NAME --smtp-login-mechanism plain|login|cram-md5|…'")
    }
    guard kind != .unreachable, kind != .tls, kind != .certificate, let replyCode else { return transfer.espoMailError }
    let step = SMTPStep(detail: transfer.detail)
    if [530, 534, 538].contains(replyCode) {
      return EspoMailError(
        .permissionDenied, "the SMTP server requires a login it accepts: \(server)",
        hint: "set the user name and password or token, and use tls or starttls")
    }
    if replyCode < 500 {
      return EspoMailError(.tryAgain, "the SMTP server deferred \(step.object): \(server)", hint: "try again later")
    }
    return EspoMailError(.protocolError, "the SMTP server refused \(step.object): \(server)")
  }
}

/// The SMTP command a failure belongs to, as told by libcurl's error buffer.
enum SMTPStep {
  /// MAIL FROM, RCPT TO, or the message itself (DATA and what follows).
  case sender, recipient, message

  /// Reads libcurl's "MAIL failed: 550" / "RCPT failed: 550" texts; anything else is the message.
  init(detail: String?) {
    let text = detail ?? ""
    if text.hasPrefix("MAIL") {
      self = .sender
    } else if text.hasPrefix("RCPT") {
      self = .recipient
    } else {
      self = .message
    }
  }

  /// The words naming what was refused or deferred.
  var object: String {
    switch self {
    case .sender: "the sender (MAIL FROM)"
    case .recipient: "a recipient (RCPT TO)"
    case .message: "the message"
    }
  }
}
