import EspoMailCore
import EspoMailCurl
@testable import EspoMailIMAP
import Testing

/// A scripted server advertising `capabilities` that answers logins with `loginReply`
/// ("OK", or "NO [CODE] text") and the bare `AUTHENTICATE PLAIN` with a continuation.
private func server(_ capabilities: String, loginReply: String = "OK logged in") -> ScriptedTransport {
  ScriptedTransport { text in
    let tag = ScriptedTransport.tag(of: text)
    if text.hasSuffix("CAPABILITY\r\n") { return "* CAPABILITY \(capabilities)\r\n\(tag) OK\r\n" }
    if text == "\(tag) AUTHENTICATE PLAIN\r\n" { return "+ \r\n" }
    if text.hasSuffix("{8}\r\n") { return "+ go on\r\n" }
    if !text.hasPrefix("E") { return "E2 \(loginReply)\r\n" }  // a continuation's answer
    return "\(tag) \(loginReply)\r\n"
  }
}

/// Logs in over a scripted transport after reading its capabilities; returns what was sent and traced.
private func logIn(
  _ transport: ScriptedTransport, mechanism: LoginMechanism, password: String = "s3cret", overTLS: Bool = true
) throws -> (sent: [String], trace: [String]) {
  var trace: [String] = []
  let client = IMAPClient(
    transport: transport, timeoutSeconds: 1, trace: { trace.append($0) },
    redactor: SecretRedactor(username: "jane", secret: .password(password)))
  try client.refreshCapabilities()
  try client.logIn(username: "jane", password: password, mechanism: mechanism, overTLS: overTLS)
  return (transport.sent, trace)
}

@Suite struct IMAPLoginMechanismTests {
  @Test func autoUsesPlainWithTheInitialResponseWhenOffered() throws {
    // Listed first, the "stronger" mechanisms libcurl would pick are left alone.
    let (sent, trace) = try logIn(
      server("IMAP4rev1 SASL-IR AUTH=GSSAPI AUTH=CRAM-MD5 AUTH=PLAIN"), mechanism: .auto)
    #expect(sent.last == "E2 AUTHENTICATE PLAIN AGphbmUAczNjcmV0\r\n")
    #expect(trace.contains("> E2 AUTHENTICATE PLAIN <redacted>"))
    #expect(!trace.joined().contains("AGphbmUAczNjcmV0"))
  }

  @Test func plainWithoutSASLIRWaitsForTheContinuation() throws {
    let (sent, _) = try logIn(server("IMAP4rev1 AUTH=PLAIN"), mechanism: .plain)
    #expect(Array(sent.suffix(2)) == ["E2 AUTHENTICATE PLAIN\r\n", "AGphbmUAczNjcmV0\r\n"])
  }

  @Test func autoFallsBackToTheLoginCommand() throws {
    let (sent, trace) = try logIn(server("IMAP4rev1 AUTH=GSSAPI"), mechanism: .auto, password: "a\"b\\c")
    #expect(sent.last == "E2 LOGIN \"jane\" \"a\\\"b\\\\c\"\r\n")
    #expect(trace.contains("> E2 LOGIN <redacted>"))
  }

  @Test func aPasswordBeyondASCIIIsSentAsALiteral() throws {
    let (sent, _) = try logIn(server("IMAP4rev1"), mechanism: .login, password: "pässwö")
    #expect(Array(sent.suffix(3)) == ["E2 LOGIN \"jane\" {8}\r\n", "pässwö", "\r\n"])
  }

  @Test func noPasswordWithoutTLSSaysTheServerWantsTLS() throws {
    #expect(throws: IMAPError.loginNeedsTLS("it advertises LOGINDISABLED and no AUTH=PLAIN")) {
      try logIn(server("IMAP4rev1 LOGINDISABLED"), mechanism: .auto, overTLS: false)
    }
    let privacy = server("IMAP4rev1", loginReply: "NO [PRIVACYREQUIRED] Plaintext authentication disallowed")
    do {
      _ = try logIn(privacy, mechanism: .auto, overTLS: false)
      Issue.record("the login should have failed")
    } catch let error as IMAPError {
      #expect(error.espoMailError.status == .configuration)
      #expect(error.espoMailError.message.contains("wants TLS"))
      #expect(error.espoMailError.hint?.contains("--security starttls") == true)
    }
  }

  @Test func aRefusalNamesTheMechanismAndWhatTheServerOffers() throws {
    let refusing = server("IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=CRAM-MD5", loginReply: "NO [AUTHENTICATIONFAILED] s3cret is wrong")
    do {
      _ = try logIn(refusing, mechanism: .auto)
      Issue.record("the login should have failed")
    } catch let error as IMAPError {
      let failure = error.espoMailError
      #expect(failure.status == .permissionDenied)
      #expect(failure.message == "the IMAP server refused the login with PLAIN: [AUTHENTICATIONFAILED] <redacted> is wrong")
      #expect(failure.hint?.contains("the server offers CRAM-MD5, PLAIN") == true)
      #expect(failure.hint?.contains("--login-mechanism") == true)
    }
  }

  @Test func aBareRefusalWithoutTLSFromAServerOfferingSTARTTLSSuggestsTLS() throws {
    let refusing = server("IMAP4rev1 STARTTLS", loginReply: "NO LOGIN Command disabled")
    do {
      _ = try logIn(refusing, mechanism: .auto, overTLS: false)
      Issue.record("the login should have failed")
    } catch let error as IMAPError {
      let failure = error.espoMailError
      #expect(failure.status == .permissionDenied)
      #expect(failure.message.contains("without TLS, and it offers STARTTLS"))
      #expect(failure.hint?.contains("--security starttls") == true)
    }
    // Wrong credentials said as such are a plain refusal, STARTTLS or not.
    let wrong = server("IMAP4rev1 STARTTLS", loginReply: "NO [AUTHENTICATIONFAILED] Authentication failed.")
    do {
      _ = try logIn(wrong, mechanism: .auto, overTLS: false)
      Issue.record("the login should have failed")
    } catch let error as IMAPError {
      #expect(error.espoMailError.message == "the IMAP server refused the login with LOGIN: [AUTHENTICATIONFAILED] Authentication failed.")
    }
  }
}
