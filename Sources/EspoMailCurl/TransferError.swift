import EspoMailCore

/// A libcurl failure: the curl code, curl's fixed text for it, and the handle's error buffer.
public struct TransferError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The `CURLcode` number, such as 7 (couldn't connect) or 28 (timeout).
  public let code: Int
  /// `curl_easy_strerror` for the code, such as "Couldn't connect to server".
  public let summary: String
  /// The `CURLOPT_ERRORBUFFER` text, or our own detail, when there is one.
  public let detail: String?

  /// Creates an error from its parts.
  public init(code: Int, summary: String, detail: String? = nil) {
    self.code = code
    self.summary = summary
    let trimmed = detail?.trimmingWhitespace()
    self.detail = (trimmed?.isEmpty ?? true) ? nil : trimmed
  }

  /// The summary and, when it adds something, the detail.
  public var description: String {
    guard let detail, detail != summary else { return summary }
    return "\(summary): \(detail)"
  }

  /// What this failure means to the user, with the matching exit status.
  public var espoMailError: EspoMailError {
    let kind = TransferFailureKind(code: code)
    return EspoMailError(kind.status, "\(kind.lead): \(description)", hint: kind.hint)
  }
}

/// The classes of curl failure the user can act on.
enum TransferFailureKind {
  /// The cases: no route or refused; TLS; an untrusted certificate; login refused; timeout; dropped;
  /// bad settings; anything else.
  case unreachable, tls, certificate, loginDenied, timeout, connectionLost, configuration, protocolFailure

  /// Sorts a `CURLcode` number into its class.
  init(code: Int) {
    switch code {
    case 5, 6, 7: self = .unreachable
    case 60, 77, 83: self = .certificate
    case 35, 51, 53, 54, 58, 59, 64, 66, 80, 82, 90, 91: self = .tls
    case 67: self = .loginDenied
    case 28: self = .timeout
    case 52, 55, 56: self = .connectionLost
    case 1, 3, 4, 43, 48: self = .configuration
    default: self = .protocolFailure
    }
  }

  /// The exit status of the class.
  var status: ExitStatus {
    switch self {
    case .unreachable, .tls, .certificate, .connectionLost: .unavailable
    case .loginDenied: .permissionDenied
    case .timeout: .tryAgain
    case .configuration: .configuration
    case .protocolFailure: .protocolError
    }
  }

  /// The start of the message.
  var lead: String {
    switch self {
    case .unreachable: "cannot reach the server"
    case .tls: "TLS with the server failed"
    case .certificate: "the server's certificate is not trusted"
    case .loginDenied: "the server refused the login"
    case .timeout: "the server did not answer in time"
    case .connectionLost: "the connection to the server was lost"
    case .configuration: "the connection settings are not usable"
    case .protocolFailure: "the server answered something unusable"
    }
  }

  /// What to do about it.
  var hint: String? {
    switch self {
    case .unreachable: "check the host name, port and network"
    case .tls: "check the security setting (tls/starttls) and the server certificate or CA file"
    case .certificate:
      "if the server's certificate comes from a private CA, trust that CA's PEM file for the account: "
        + "'espomail account set NAME --ca-file PATH' (or ESPOMAIL_CA_FILE for every account of a run)"
    case .loginDenied: "check the user name and password or token"
    case .timeout: "try again later, or raise the timeout"
    case .connectionLost: "try again later"
    case .configuration, .protocolFailure: nil
    }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
