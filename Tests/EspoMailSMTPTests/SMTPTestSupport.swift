import EspoMailCore
import EspoMailMIME
import EspoMailSMTP
import EspoMailTestSupport
import Foundation

/// Messages, endpoints and envelopes the SMTP tests share.
enum SMTPFixture {
  /// The envelope sender of the sample messages.
  static let sender = "support@example.com"

  /// A composed reply with To and Cc, HTML and one attachment.
  static func message(subject: String = "Re: Printer on floor 3", attachments: [OutgoingAttachment]? = nil)
    -> OutgoingMessage
  {
    OutgoingMessage(
      from: MailAddress(name: "Support Team", address: sender),
      to: [MailAddress(name: "Ann Lee", address: "ann@example.org")],
      cc: [MailAddress(name: "Bob Stone", address: "bob@example.org")],
      subject: subject, text: "Hello Ann,\n.\nthe printer is fixed.\n", html: "<p>Hello Ann,</p><p>fixed.</p>",
      messageID: "<espomail.Case.7.1700000000.1111@example.com>", date: Date(timeIntervalSince1970: 1_700_000_000),
      inReplyTo: "<ask-7@example.org>", references: ["<ask-7@example.org>"],
      attachments: attachments ?? [
        OutgoingAttachment(filename: "report.pdf", contentType: "application/pdf", data: [0, 1, 2, 3])
      ])
  }

  /// An endpoint for `sink`: the TLS port for `.tls`, its certificate as CA file.
  static func endpoint(
    _ sink: SMTPSink, _ security: ConnectionSecurity = .none, username: String? = nil,
    credential: SMTPCredential = .none, timeout: Double = 10
  ) -> SMTPEndpoint {
    SMTPEndpoint(
      host: "127.0.0.1", port: security == .tls ? sink.tlsPort ?? sink.port : sink.port, security: security,
      username: username, credential: credential, timeoutSeconds: timeout, caFile: sink.certificatePath)
  }

  /// An endpoint on a local port with nothing behind it that answers.
  static func endpoint(port: Int, timeout: Double = 10) -> SMTPEndpoint {
    SMTPEndpoint(
      host: "127.0.0.1", port: port, security: .none, username: nil, credential: .none, timeoutSeconds: timeout)
  }

  /// Sends the composed sample (or `bytes`) from `sender` to Ann, Bob and a Bcc recipient.
  static func send(
    to endpoint: SMTPEndpoint, bytes: [UInt8]? = nil, from: String = sender,
    recipients: [String] = ["ann@example.org", "bob@example.org", "carol@example.net"]
  ) throws {
    let message = try bytes ?? MessageComposer.compose(self.message())
    try SMTPClient.send(message, from: from, to: recipients, via: endpoint)
  }
}
