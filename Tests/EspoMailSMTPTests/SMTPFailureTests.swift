import EspoMailCore
import EspoMailMIME
import EspoMailSMTP
import EspoMailTestSupport
import Foundation
import Testing

@Suite struct SMTPFailureTests {
  @Test func aRefusedConnectionIsUnavailable() throws {
    let closed = try LoopbackSocket(listening: false)
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(port: closed.port))
    }
    #expect(error?.status == .unavailable)
    #expect(error?.message.contains("127.0.0.1:\(closed.port)") == true)
  }

  @Test func aServerThatNeverGreetsTimesOut() throws {
    let silent = try LoopbackSocket(listening: true)
    let started = ContinuousClock.now
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(port: silent.port, timeout: 1))
    }
    #expect(error?.status == .tryAgain)
    #expect(started.duration(to: .now) < .seconds(5))
  }

  @Test(arguments: [
    "ann@example.org\r\nRCPT TO:<evil@example.net>", "ann@example.org\n", "\rann@example.org", "<ann@example.org>",
    "ann<x>@example.org", "ann @example.org", "ann\0@example.org", "ann", "@example.org", "ann@", "",
  ])
  func aBadRecipientIsRefusedBeforeConnecting(recipient: String) throws {
    // Nothing listens on the port: reaching the network would give 69, not 65.
    let closed = try LoopbackSocket(listening: false)
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(port: closed.port), recipients: ["bob@example.org", recipient])
    }
    #expect(error?.status == .dataError)
    #expect(error?.message.contains("recipient") == true)
    #expect(error.map { !"\($0)".contains("\r") && !"\($0)".contains("\n") } == true)
  }

  @Test(arguments: ["support@example.com\r\nRSET", "<support@example.com>", "support@example.com>"])
  func aBadSenderIsRefusedBeforeConnecting(sender: String) throws {
    let closed = try LoopbackSocket(listening: false)
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(port: closed.port), from: sender)
    }
    #expect(error?.status == .dataError)
    #expect(error?.message.contains("sender") == true)
  }

  @Test func noRecipientsIsRefused() throws {
    let closed = try LoopbackSocket(listening: false)
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(port: closed.port), recipients: [])
    }
    #expect(error?.status == .dataError)
  }

  @Test func unusableEndpointsAreConfigurationErrors() throws {
    var endpoint = SMTPFixture.endpoint(port: 25)
    endpoint.username = nil
    endpoint.credential = .password("secret")
    for broken in [
      endpoint, SMTPFixture.endpoint(port: 0),
      SMTPEndpoint(host: "mail.example.com/x", port: 25, security: .tls, username: nil, credential: .none),
      SMTPEndpoint(host: "", port: 25, security: .tls, username: nil, credential: .none),
    ] {
      let error = #expect(throws: EspoMailError.self) { try SMTPFixture.send(to: broken) }
      #expect(error?.status == .configuration)
      #expect(error.map { !"\($0)".contains("secret") } == true)
    }
  }
}

@Suite(.enabled(if: SMTPSink.shouldRun, "needs /usr/bin/python3 with aiosmtpd"))
struct SMTPServerRefusalTests {
  @Test func aRefusedRecipientIsAProtocolErrorAndNothingIsSent() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(sink), recipients: ["ann@example.org", "reject-bob@example.org"])
    }
    #expect(error?.status == .protocolError)
    #expect(error?.message.contains("recipient") == true)
    #expect(error?.message.contains("550 5.1.1 <reject-bob@example.org>") == true)
    #expect(try sink.messages().isEmpty)
  }

  @Test func aDeferredRecipientIsTryAgain() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(sink), recipients: ["defer-ann@example.org"])
    }
    #expect(error?.status == .tryAgain)
    #expect(error?.message.contains("451") == true, "\(String(describing: error))")
  }

  @Test func aRefusedSenderIsAProtocolError() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(sink), from: "reject-me@example.com")
    }
    #expect(error?.status == .protocolError)
    #expect(error?.message.contains("sender") == true)
  }

  @Test func aMessageRefusedAfterDataIsAProtocolError() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(sink), from: "refuse-data-me@example.com")
    }
    #expect(error?.status == .protocolError)
    #expect(error?.message.contains("554 5.6.0") == true)
  }

  @Test(arguments: HeaderInjection.allCases)
  func headerInjectionIsRefusedAndNothingIsSent(injection: HeaderInjection) throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(sink), bytes: try MessageComposer.compose(injection.message))
    }
    #expect(error?.status == .dataError)
    #expect(error?.message.contains(injection.field) == true, "\(error.map { "\($0)" } ?? "")")
    #expect(try sink.messages().isEmpty)
  }
}

/// Header values carrying a line break, in every kind of field the composer writes.
enum HeaderInjection: CaseIterable, Sendable {
  case subject, fromName, toName, ccAddress, extraHeaderValue, extraHeaderName, attachmentFilename

  /// The field the error must name.
  var field: String {
    switch self {
    case .subject: "Subject"
    case .fromName: "From name"
    case .toName: "To name"
    case .ccAddress: "Cc address"
    case .extraHeaderValue: "header X-Campaign"
    case .extraHeaderName: "extra header name"
    case .attachmentFilename: "attachment 1 filename"
    }
  }

  /// The sample message with the injection in place.
  var message: OutgoingMessage {
    let evil = "x\r\nBcc: victim@example.net"
    var message = SMTPFixture.message()
    switch self {
    case .subject: message.subject = "Hello" + evil
    case .fromName: message.from = MailAddress(name: "Support" + evil, address: SMTPFixture.sender)
    case .toName: message.to = [MailAddress(name: "Ann\nBcc: victim@example.net", address: "ann@example.org")]
    case .ccAddress: message.cc = [MailAddress(name: nil, address: "bob@example.org\r\nBcc: victim@example.net")]
    case .extraHeaderValue: message.extraHeaders = [(name: "X-Campaign", value: "spring" + evil)]
    case .extraHeaderName: message.extraHeaders = [(name: "X-A\r\nBcc", value: "victim@example.net")]
    case .attachmentFilename:
      message.attachments = [
        OutgoingAttachment(filename: "a.pdf\"\r\nContent-Type: text/html", contentType: "application/pdf", data: [1])
      ]
    }
    return message
  }
}
