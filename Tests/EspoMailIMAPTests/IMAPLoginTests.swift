import EspoMailCore
import EspoMailCurl
import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

@Suite(.enabled(if: DovecotServer.shouldRun), .dovecot)
struct IMAPLoginTests {
  @Test(arguments: [ConnectionSecurity.none, .starttls, .tls])
  func logsInWithEachSecurity(_ security: ConnectionSecurity) throws {
    let account = try TestAccount.make()
    let session = try IMAPClient(connecting: account.endpoint(security))
    #expect(session.capabilities.contains("IMAP4REV1"))
    #expect(!session.capabilities.contains("STARTTLS"), "capabilities are the post-login ones")
    #expect(try session.examine("INBOX").messages == 0)
    session.logout()
  }

  @Test(arguments: [ConnectionSecurity.none, .starttls, .tls])
  func logsInWithoutAskingForCapabilitiesLibcurlAlreadyRead(_ security: ConnectionSecurity) throws {
    let account = try TestAccount.make()
    var lines: [String] = []
    let session = try IMAPClient(connecting: account.endpoint(security), trace: { lines.append($0) })
    #expect(try session.examine("INBOX").messages == 0)
    session.logout()
    // libcurl asks once in its connect phase (after STARTTLS again); the session never does:
    // its login's answer carries the new list.
    let ours = lines.filter { $0.contains("> E") }
    #expect(!ours.contains { $0.contains("CAPABILITY") }, "\(ours)")
    #expect(ours.first?.contains("AUTHENTICATE PLAIN") == true || ours.first?.contains("LOGIN") == true, "\(ours)")
    #expect(session.capabilities.contains("IDLE"))
  }

  @Test func logsInWithAnOAuthToken() throws {
    let account = try TestAccount.make()
    var endpoint = account.endpoint(.tls)
    endpoint.credential = .oauth2(account.password)
    var lines: [String] = []
    let session = try IMAPClient(connecting: endpoint, trace: { lines.append($0) })
    #expect(try session.listFolders().map(\.name) == ["INBOX"])
    session.logout()
    #expect(lines.contains { $0.contains("AUTHENTICATE XOAUTH2 <redacted>") })
    #expect(!lines.contains { $0.contains(account.password) })
    endpoint.credential = .oauth2("expired-token-42")
    let error = try #require(throws: IMAPError.self) { try IMAPClient(connecting: endpoint) }
    #expect(error.espoMailError.status == .permissionDenied)
    #expect(!"\(endpoint)".contains("expired-token-42"))
  }

  @Test func untrustedCertificateIsUnavailable() throws {
    let account = try TestAccount.make()
    var endpoint = account.endpoint(.tls)
    endpoint.server.caFile = nil
    let error = try #require(throws: IMAPError.self) { try IMAPClient(connecting: endpoint) }
    #expect(error.espoMailError.status == .unavailable)
    endpoint.server.verifiesCertificate = false
    try IMAPClient(connecting: endpoint).logout()
  }

  @Test func wrongPasswordIsPermissionDenied() throws {
    let account = try TestAccount.make()
    for security in [ConnectionSecurity.none, .tls] {
      let error = try #require(throws: IMAPError.self) {
        try IMAPClient(connecting: account.endpoint(security, password: "wrong-secret-123"))
      }
      #expect(error.espoMailError.status == .permissionDenied)
      #expect(!error.description.contains("wrong-secret-123"))
    }
  }

  @Test func traceNeverShowsThePassword() throws {
    let account = try TestAccount.make()
    var lines: [String] = []
    for security in [ConnectionSecurity.none, .starttls] {
      let session = try IMAPClient(connecting: account.endpoint(security), trace: { lines.append($0) })
      _ = try session.listFolders()
      session.logout()
    }
    let plain = Data("\0\(account.user)\0\(account.password)".utf8).base64EncodedString()
    #expect(lines.contains { $0.contains("AUTHENTICATE PLAIN <redacted>") })
    #expect(lines.contains { $0.contains("LIST \"\" \"*\"") })
    #expect(!lines.contains { $0.contains(account.password) || $0.contains(plain) })
  }

  @Test func refusedPortIsUnavailable() throws {
    let endpoint = IMAPEndpoint(
      host: "127.0.0.1", port: try SilentListener.refusedPort(), security: .none, username: "nobody",
      credential: .password("x"), timeoutSeconds: 5)
    let error = try #require(throws: IMAPError.self) { try IMAPClient(connecting: endpoint) }
    #expect(error.espoMailError.status == .unavailable)
  }

  @Test(arguments: [ConnectionSecurity.none, .tls])
  func silentServerTimesOut(_ security: ConnectionSecurity) throws {
    let listener = try SilentListener()
    let endpoint = IMAPEndpoint(
      host: "127.0.0.1", port: listener.port, security: security, username: "nobody", credential: .password("x"),
      timeoutSeconds: 1)
    let started = ContinuousClock.now
    let error = try #require(throws: IMAPError.self) { try IMAPClient(connecting: endpoint) }
    #expect(started.duration(to: .now) < .seconds(4))
    #expect([.tryAgain, .unavailable].contains(error.espoMailError.status))
  }

  @Test func receiveTimesOutWhenTheServerSaysNothing() throws {
    let account = try TestAccount.make()
    let connection = try CurlConnection(
      CurlConnectOptions(
        scheme: "imap", host: "127.0.0.1", port: account.server.port, security: .none, username: account.user,
        secret: .password(account.password), timeoutSeconds: 5))
    var buffer = [UInt8](repeating: 0, count: 64)
    let started = ContinuousClock.now
    let error = try #require(throws: TransferError.self) {
      try buffer.withUnsafeMutableBytes { try connection.receive(into: $0, timeout: 0.3) }
    }
    let elapsed = started.duration(to: .now)
    #expect(error.code == 28)
    #expect(elapsed >= .milliseconds(250) && elapsed < .seconds(2))
    try connection.send(Array("X1 NOOP\r\n".utf8))
    let count = try buffer.withUnsafeMutableBytes { try connection.receive(into: $0, timeout: 5) }
    #expect(String(decoding: buffer[..<count], as: UTF8.self).hasPrefix("X1 OK"))
  }
}
