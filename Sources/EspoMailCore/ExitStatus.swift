/// Process exit statuses, following sysexits(3), with what each means for espomail.
public enum ExitStatus: Int32, CaseIterable, Sendable {
  /// Everything asked for was done.
  case success = 0
  /// An internal error: a bug in espomail. Run again with `--verbose` and report it.
  case internalError = 1
  /// `audit` found something to fix (its report says what and how).
  case auditFindings = 3
  /// The command line is wrong: unknown flag, missing argument, malformed value.
  case usage = 64
  /// The input was understood but rejected: invalid value, duplicate name, unparseable message.
  case dataError = 65
  /// Something named does not exist: user, team, role, record, account, file.
  case notFound = 66
  /// A server could not be reached: connection refused, DNS failure, TLS handshake failed.
  case unavailable = 69
  /// A local input/output failure, such as a full disk.
  case ioError = 74
  /// Try again later: a timeout, a busy store, another run holds the lock.
  case tryAgain = 75
  /// A server answered something unusable: an IMAP NO/BAD, an SMTP 5xx.
  case protocolError = 76
  /// Authentication was refused, or the acting user may not do this.
  case permissionDenied = 77
  /// Configuration is missing or inconsistent: no store, store newer than this binary.
  case configuration = 78

  /// The sysexits constant name.
  public var constantName: String {
    switch self {
    case .success: "EX_OK"
    case .internalError: "-"
    case .auditFindings: "-"
    case .usage: "EX_USAGE"
    case .dataError: "EX_DATAERR"
    case .notFound: "EX_NOINPUT"
    case .unavailable: "EX_UNAVAILABLE"
    case .ioError: "EX_IOERR"
    case .tryAgain: "EX_TEMPFAIL"
    case .protocolError: "EX_PROTOCOL"
    case .permissionDenied: "EX_NOPERM"
    case .configuration: "EX_CONFIG"
    }
  }

  /// What the status means, in one line.
  public var meaning: String {
    switch self {
    case .success: "success"
    case .internalError: "internal error (a bug): run again with --verbose and report it"
    case .auditFindings: "audit found something to fix: its report says what and how"
    case .usage: "bad command line: unknown flag, missing argument, malformed value"
    case .dataError: "input rejected: invalid value, duplicate name or address, unparseable message"
    case .notFound: "something named does not exist: user, team, role, record, account, file"
    case .unavailable: "server unreachable: connection refused, DNS failure, TLS handshake failed"
    case .ioError: "local input/output failure, such as a full disk"
    case .tryAgain: "try again later: timeout, store busy, another run holds the lock"
    case .protocolError: "the server answered something unusable (IMAP NO/BAD, SMTP 5xx)"
    case .permissionDenied: "authentication refused, or the acting user may not do this"
    case .configuration: "configuration missing or inconsistent: store newer than this binary"
    }
  }
}
