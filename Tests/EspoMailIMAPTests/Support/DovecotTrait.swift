import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

/// Starts one private Dovecot for a suite and stops it when the suite is done.
struct DovecotTrait: SuiteTrait, TestScoping {
  /// The server of the suite being run.
  @TaskLocal static var current: DovecotServer?

  /// Called once for the whole suite, not per test.
  var isRecursive: Bool { false }

  /// Runs the suite with a fresh server in `current`.
  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let server = try DovecotServer.start()
    defer { server.stop() }
    try await Self.$current.withValue(server) { try await function() }
  }
}

extension Trait where Self == DovecotTrait {
  /// A private Dovecot for the suite (see `DovecotTrait`).
  static var dovecot: Self { Self() }
}

/// A mailbox user of the suite's Dovecot, unique to one test.
struct TestAccount {
  /// The server.
  let server: DovecotServer
  /// Login name.
  let user: String
  /// Password.
  let password: String

  /// Makes a new user on the suite's server.
  static func make(_ label: String = #function) throws -> TestAccount {
    let server = try #require(DovecotTrait.current, "the suite must carry the .dovecot trait")
    let stem = label.prefix { $0.isLetter || $0.isNumber }.lowercased()
    let user = "\(stem)-\(UUID().uuidString.prefix(8).lowercased())"
    let password = "pw-\(UUID().uuidString)"
    try server.addUser(user, password: password)
    return TestAccount(server: server, user: user, password: password)
  }

  /// The endpoint for this account with the given security (the TLS port for `.tls`).
  func endpoint(_ security: ConnectionSecurity = .none, password: String? = nil, timeout: Double = 10) -> IMAPEndpoint {
    IMAPEndpoint(
      host: "127.0.0.1", port: security == .tls ? server.tlsPort : server.port, security: security, username: user,
      credential: .password(password ?? self.password), timeoutSeconds: timeout, caFile: server.certificatePath)
  }

  /// A logged-in session over plain IMAP.
  func session(trace: ((String) -> Void)? = nil) throws -> IMAPClient {
    try IMAPClient(connecting: endpoint(), trace: trace)
  }
}
