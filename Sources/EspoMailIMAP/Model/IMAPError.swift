import EspoMailCore
import EspoMailCurl

/// Why an IMAP operation failed. `espoMailError` gives the user's message and exit status.
public enum IMAPError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Connecting, TLS, login or the connection itself failed (libcurl's report).
  case connection(TransferError)
  /// The server refused the login; says with which mechanism and what the server offers.
  case loginRefused(LoginRefusal)
  /// The server takes no password over this unencrypted connection (LOGINDISABLED, PRIVACYREQUIRED).
  case loginNeedsTLS(String)
  /// The named folder (UTF-8 name) does not exist on the server.
  case folderNotFound(String)
  /// The server answered NO or BAD to a command.
  case commandFailed(command: String, condition: String, code: String?, text: String)
  /// The server said BYE and closed the connection.
  case closedByServer(String)
  /// The server sent something that is not IMAP as we understand it.
  case malformedResponse(String)
  /// An argument cannot be sent (a line break in a name, a flag with blanks, …).
  case invalidArgument(String)
  /// The server sent more than the session's `IMAPLimits` allow; the session is closed.
  case limitExceeded(IMAPLimitViolation)
  /// A command did not complete within its deadline (`IMAPLimits.deadlineSeconds`), although
  /// the server kept sending something; the session is closed.
  case deadlineExceeded(command: String, seconds: Double)

  /// The error as the user sees it, with its exit status.
  public var espoMailError: EspoMailError {
    switch self {
    case .connection(let error):
      return error.espoMailError
    case .loginRefused(let refusal):
      return refusal.espoMailError
    case .loginNeedsTLS(let text):
      return EspoMailError(
        .configuration, "the server wants TLS before a login: \(text)",
        hint: "use --security starttls or tls (espomail account set NAME --security starttls)")
    case .folderNotFound(let name):
      return .notFound("IMAP folder", name, hint: "list the account's folders to see the exact names")
    case .commandFailed(let command, let condition, let code, let text):
      let codePart = code.map { "[\($0)] " } ?? ""
      if condition == "NO", code == "AUTHENTICATIONFAILED" || code == "AUTHORIZATIONFAILED" {
        return EspoMailError(.permissionDenied, "the IMAP server refused \(command): \(codePart)\(text)")
      }
      return EspoMailError(.protocolError, "the IMAP server answered \(condition) to \(command): \(codePart)\(text)")
    case .closedByServer(let text):
      return EspoMailError(.unavailable, "the IMAP server closed the connection: \(text)", hint: "try again later")
    case .malformedResponse(let detail):
      return EspoMailError(.protocolError, "the IMAP server sent an unreadable response: \(detail)")
    case .invalidArgument(let detail):
      return EspoMailError(.dataError, "cannot send to the IMAP server: \(detail)")
    case .limitExceeded(let violation):
      return EspoMailError(.protocolError, "the IMAP server \(violation.message)", hint: violation.hint)
    case .deadlineExceeded(let command, let seconds):
      return EspoMailError(
        .tryAgain,
        "the IMAP server did not complete \(command) within \(Int(seconds.rounded())) s "
          + "(twice --timeout, plus 1 s per \(IMAPLimits.minimumBytesPerSecond / 1024) KiB received)",
        hint: "try again later, or raise --timeout for a slow server")
    }
  }

  /// Whether the session is still in step with the server after this error, so other folders
  /// can still be worked on: a missing folder, a NO or BAD, or an argument never sent.
  public var leavesSessionUsable: Bool {
    switch self {
    case .folderNotFound, .commandFailed, .invalidArgument: true
    case .connection, .closedByServer, .malformedResponse, .limitExceeded, .deadlineExceeded, .loginRefused,
      .loginNeedsTLS:
      false
    }
  }

  /// The user's message.
  public var description: String { espoMailError.description }
}
