import EspoMailCore
import EspoMailCurl
import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

/// A server that quotes the secret back never gets it into a trace line or an error.
@Suite struct IMAPEchoedSecretTests {
  /// Connects to `server` with `credential`; returns the error and every trace line.
  private func failedLogin(_ server: HostileIMAPServer, _ credential: IMAPCredential) throws -> (IMAPError, [String]) {
    var lines: [String] = []
    let endpoint = IMAPEndpoint(
      host: "127.0.0.1", port: server.port, security: .none, username: "user@example.com", credential: credential,
      timeoutSeconds: 5)
    let error = try #require(throws: IMAPError.self) { try IMAPClient(connecting: endpoint, trace: { lines.append($0) }) }
    return (error, lines)
  }

  /// Every form of `secret` a test looks for.
  private func forms(_ secrets: [String]) -> [String] {
    secrets + secrets.map { Data($0.utf8).base64EncodedString() }
  }

  @Test func anEchoedLoginPasswordIsRedacted() throws {
    let server = try HostileIMAPServer(.echoLogin)
    let (error, lines) = try failedLogin(server, .password("s3cret-Pw9"))
    #expect(error.espoMailError.status == .permissionDenied, "\(error)")
    #expect(lines.contains { $0.contains("NO [AUTHENTICATIONFAILED]") }, "\(lines)")
    #expect(!lines.contains { $0.contains("s3cret-Pw9") }, "\(lines)")
    #expect(!error.description.contains("s3cret-Pw9"))
  }

  @Test func anEchoedSASLResponseIsRedacted() throws {
    let server = try HostileIMAPServer(.echoSASL)
    let (plainError, plainLines) = try failedLogin(server, .password("s3cret-Pw9"))
    let plain = "\u{0}user@example.com\u{0}s3cret-Pw9"
    #expect(plainLines.contains { $0.contains("NO [AUTHENTICATIONFAILED]") }, "\(plainLines)")
    for form in forms(["s3cret-Pw9", plain]) {
      #expect(!plainLines.contains { $0.contains(form) }, "\(form) in \(plainLines)")
      #expect(!plainError.description.contains(form))
    }
    let (tokenError, tokenLines) = try failedLogin(server, .oauth2("tok-ABC123xyz"))
    let xoauth2 = "user=user@example.com\u{1}auth=Bearer tok-ABC123xyz\u{1}\u{1}"
    #expect(tokenLines.contains { $0.contains("NO [AUTHENTICATIONFAILED]") }, "\(tokenLines)")
    for form in forms(["tok-ABC123xyz", xoauth2]) {
      #expect(!tokenLines.contains { $0.contains(form) }, "\(form) in \(tokenLines)")
      #expect(!tokenError.description.contains(form))
    }
  }

  @Test func aPasswordEchoedAfterTheLoginIsRedacted() throws {
    let server = try HostileIMAPServer(.echoLater)
    var lines: [String] = []
    let endpoint = IMAPEndpoint(
      host: "127.0.0.1", port: server.port, security: .none, username: "user", credential: .password("s3cret-Pw9"),
      timeoutSeconds: 5)
    let session = try IMAPClient(connecting: endpoint, trace: { lines.append($0) })
    let error = try #require(throws: IMAPError.self) { try session.listFolders() }
    session.logout()
    #expect(error.espoMailError.status == .protocolError, "\(error)")
    #expect(error.description.contains("invalid password"), "\(error)")
    #expect(!error.description.contains("s3cret-Pw9"), "\(error)")
    #expect(lines.contains { $0.contains("[ALERT]") }, "\(lines)")
    #expect(!lines.contains { $0.contains("s3cret-Pw9") }, "\(lines)")
  }
}
