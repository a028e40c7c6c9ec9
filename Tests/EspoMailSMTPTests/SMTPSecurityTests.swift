import EspoMailCore
import EspoMailMIME
import EspoMailSMTP
import EspoMailTestSupport
import Foundation
import Synchronization
import Testing

@Suite(.enabled(if: SMTPSink.shouldRun, "needs /usr/bin/python3 with aiosmtpd"))
struct SMTPSecurityTests {
  @Test(arguments: [ConnectionSecurity.starttls, .tls])
  func deliversOverTLSTrustingTheSinkCertificate(security: ConnectionSecurity) throws {
    let sink = try SMTPSink.start(tls: true)
    defer { sink.stop() }
    try SMTPFixture.send(to: SMTPFixture.endpoint(sink, security))
    #expect(try sink.waitForMessages(count: 1).count == 1)
  }

  @Test(arguments: [ConnectionSecurity.starttls, .tls])
  func refusesAnUntrustedCertificate(security: ConnectionSecurity) throws {
    let sink = try SMTPSink.start(tls: true)
    defer { sink.stop() }
    var endpoint = SMTPFixture.endpoint(sink, security)
    endpoint.server.caFile = nil
    let error = #expect(throws: EspoMailError.self) { try SMTPFixture.send(to: endpoint) }
    #expect(error?.status == .unavailable)
    #expect(try sink.messages().isEmpty)
  }

  @Test func startTLSFailsWhenTheServerDoesNotOfferIt() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(sink, .starttls))
    }
    #expect(error?.status == .unavailable)
  }

  @Test(arguments: [ConnectionSecurity.none, .starttls, .tls])
  func logsInWithAPassword(security: ConnectionSecurity) throws {
    let sink = try SMTPSink.start(tls: true, users: ["ann": "s3cret pw"])
    defer { sink.stop() }
    try SMTPFixture.send(to: SMTPFixture.endpoint(sink, security, username: "ann", credential: .password("s3cret pw")))
    #expect(try sink.waitForMessages(count: 1).count == 1)
  }

  @Test func logsInWithAnOAuth2Token() throws {
    let sink = try SMTPSink.start(tls: true, users: ["ann@example.com": "ya29.token-value"])
    defer { sink.stop() }
    try SMTPFixture.send(
      to: SMTPFixture.endpoint(sink, .tls, username: "ann@example.com", credential: .oauth2("ya29.token-value")))
    #expect(try sink.waitForMessages(count: 1).count == 1)
  }

  @Test(arguments: [SMTPCredential.password("wrong"), .oauth2("expired-token")])
  func aRefusedLoginIsAPermissionError(credential: SMTPCredential) throws {
    let sink = try SMTPSink.start(tls: true, users: ["ann": "s3cret"])
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) {
      try SMTPFixture.send(to: SMTPFixture.endpoint(sink, .starttls, username: "ann", credential: credential))
    }
    #expect(error?.status == .permissionDenied)
    #expect(error?.message.contains("535") == true)
    #expect(error.map { !"\($0)".contains("wrong") && !"\($0)".contains("expired-token") } == true)
    #expect(try sink.messages().isEmpty)
  }

  @Test func sendingWithoutTheRequiredLoginIsAPermissionError() throws {
    let sink = try SMTPSink.start(users: ["ann": "s3cret"])
    defer { sink.stop() }
    let error = #expect(throws: EspoMailError.self) { try SMTPFixture.send(to: SMTPFixture.endpoint(sink)) }
    #expect(error?.status == .permissionDenied)
    #expect(error?.message.contains("530") == true, "\(String(describing: error))")
  }

  @Test func theTraceNeverShowsThePassword() throws {
    let sink = try SMTPSink.start(users: ["ann": "pa55-word-xyz"])
    defer { sink.stop() }
    let lines = Mutex<[String]>([])
    let endpoint = SMTPFixture.endpoint(sink, username: "ann", credential: .password("pa55-word-xyz"))
    let message = try MessageComposer.compose(SMTPFixture.message())
    try SMTPClient.send(message, from: SMTPFixture.sender, to: ["ann@example.org"], via: endpoint) { line in
      lines.withLock { $0.append(line) }
    }
    let trace = lines.withLock { $0 }
    let secrets = [
      "pa55-word-xyz", Data("\0ann\0pa55-word-xyz".utf8).base64EncodedString(),
      Data("pa55-word-xyz".utf8).base64EncodedString(),
    ]
    #expect(trace.contains { $0.hasPrefix("> AUTH ") })
    #expect(
      trace.contains("> MAIL FROM:<support@example.com> SIZE=\(message.count)")
        || trace.contains { $0.hasPrefix("> MAIL FROM:<support@example.com>") })
    #expect(trace.contains("> RCPT TO:<ann@example.org>"))
    for secret in secrets { #expect(!trace.contains { $0.contains(secret) }, "trace shows \(secret)") }
  }

  @Test func credentialsDescribeThemselvesRedacted() {
    #expect("\(SMTPCredential.password("hunter2"))" == "password(<redacted>)")
    #expect(String(reflecting: SMTPCredential.oauth2("tok")) == "bearer(<redacted>)")
    #expect("\(SMTPCredential.none)" == "none")
  }
}
