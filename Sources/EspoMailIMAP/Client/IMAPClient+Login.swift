import EspoMailCore
import EspoMailCurl

/// Logging in with a password as mail clients do: SASL PLAIN when the server offers it, else the
/// LOGIN command. libcurl would pick the "strongest" mechanism the server advertises (CRAM-MD5,
/// DIGEST-MD5, NTLM, GSSAPI) and never fall back, which fails on servers that advertise
/// mechanisms they cannot serve for the account (Docs/architecture.md, "Logging in").
extension IMAPClient {
  /// How a password login is sent.
  private enum PasswordLogin {
    /// `AUTHENTICATE PLAIN`.
    case plain
    /// The `LOGIN` command.
    case command

    /// The name in messages.
    var name: String { self == .plain ? "PLAIN" : "LOGIN" }
  }

  /// Logs in with `mechanism` (auto, plain or login); the capabilities must be read already.
  /// Returns the login's completion. Throws `IMAPError.loginNeedsTLS` when the server takes no
  /// password without TLS, and `IMAPError.loginRefused` naming the mechanism and what the server offers.
  @discardableResult
  func logIn(username: String, password: String, mechanism: LoginMechanism, overTLS: Bool) throws -> ResponseState {
    let offered = capabilities.filter { $0.hasPrefix("AUTH=") }.map { String($0.dropFirst(5)) }.sorted()
    let loginDisabled = capabilities.contains("LOGINDISABLED")
    // A server that says it takes logins only over TLS never gets the password in the clear.
    if !overTLS, capabilities.contains("XTLSREQUIRED") {
      throw IMAPError.loginNeedsTLS("it advertises XTLSREQUIRED")
    }
    let way: PasswordLogin
    switch mechanism {
    case .plain:
      way = .plain
    case .login:
      way = .command
    default:
      if offered.contains("PLAIN") {
        way = .plain
      } else if !loginDisabled {
        way = .command
      } else if !overTLS {
        throw IMAPError.loginNeedsTLS("it advertises LOGINDISABLED and no AUTH=PLAIN")
      } else {
        throw IMAPError.loginRefused(
          LoginRefusal(mechanism: "PLAIN or LOGIN", code: nil, text: "the server offers neither", offered: offered))
      }
    }
    if way == .command, loginDisabled, !overTLS {
      throw IMAPError.loginNeedsTLS("it advertises LOGINDISABLED")
    }
    do {
      switch way {
      case .plain: return try authenticatePlain(username: username, password: password)
      case .command: return try loginCommand(username: username, password: password)
      }
    } catch IMAPError.commandFailed(_, _, let code, let text) {
      if code == "PRIVACYREQUIRED" { throw IMAPError.loginNeedsTLS("[PRIVACYREQUIRED] \(text)") }
      var refusal = LoginRefusal(mechanism: way.name, code: code, text: text, offered: offered)
      refusal.offersSTARTTLS = !overTLS && capabilities.contains("STARTTLS")
        && code != "AUTHENTICATIONFAILED" && code != "AUTHORIZATIONFAILED"
      throw IMAPError.loginRefused(refusal)
    }
  }

  /// `AUTHENTICATE PLAIN`, with the initial response on the command line when the server
  /// offers SASL-IR, else after its continuation request.
  private func authenticatePlain(username: String, password: String) throws -> ResponseState {
    let message = SecretRedactor.base64([0] + Array(username.utf8) + [0] + Array(password.utf8))
    if capabilities.contains("SASL-IR") {
      let tag = try send("AUTHENTICATE PLAIN \(message)", shown: "AUTHENTICATE PLAIN <redacted>")
      return try complete(tag, name: "AUTHENTICATE PLAIN")
    }
    let tag = try send("AUTHENTICATE PLAIN")
    try awaitContinuation(tag, name: "AUTHENTICATE PLAIN", folder: nil)
    trace?("> <redacted>")
    try sendRaw(Array((message + "\r\n").utf8))
    return try complete(tag, name: "AUTHENTICATE PLAIN")
  }

  /// `LOGIN user password`: each a quoted string, or a literal when it holds bytes beyond ASCII
  /// (non-synchronizing when the server offers LITERAL+).
  private func loginCommand(username: String, password: String) throws -> ResponseState {
    let shown = "LOGIN <redacted>"
    let nonSynchronizing = capabilities.contains("LITERAL+")
    var tag: String?
    var line = "LOGIN"
    for (text, what) in [(username, "the user name"), (password, "the password")] {
      guard text.utf8.contains(where: { $0 > 0x7E }) else {
        line += " " + (try CommandArgument.quoted(text, what: what))
        continue
      }
      let bytes = Array(text.utf8)
      guard !bytes.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }) else {
        throw IMAPError.invalidArgument("\(what) contains a line break or NUL")
      }
      line += nonSynchronizing ? " {\(bytes.count)+}" : " {\(bytes.count)}"
      let current = try sendLine(line, tag: tag, shown: shown)
      tag = current
      if !nonSynchronizing { try awaitContinuation(current, name: "LOGIN", folder: nil) }
      try sendRaw(bytes)
      line = ""
    }
    return try complete(try sendLine(line, tag: tag, shown: shown), name: "LOGIN")
  }

  /// Sends the first line of a command (tagged) or a later one (after a literal); returns the tag.
  private func sendLine(_ line: String, tag: String?, shown: String) throws -> String {
    guard let tag else { return try send(line, shown: shown) }
    try sendRaw(Array((line + "\r\n").utf8))
    return tag
  }
}
