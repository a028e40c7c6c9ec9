/// Which of the `IMAPLimits` a server went over, with the numbers for the message.
public enum IMAPLimitViolation: Sendable, Equatable {
  /// A literal (or the literals of one response together) over the account's literal limit.
  case literal(bytes: Int, limitBytes: Int, maxSizeMB: Int)
  /// The non-literal part of one response over the line limit.
  case line(limitBytes: Int)
  /// A UID SEARCH that returned more UIDs than the limit.
  case searchResults(limit: Int)
  /// Messages of one fetch whose bytes together are over what it may hold (`what`: headers or
  /// bodies).
  case fetchedBytes(what: String, limitBytes: Int)

  /// What the server did, as the end of "the IMAP server …".
  var message: String {
    switch self {
    case .literal(let bytes, let limit, let maxSize):
      "sent a \(bytes)-byte literal; the limit for this account is \(Self.mebibytes(limit)) MiB "
        + "(--max-size \(maxSize) plus margin)"
    case .line(let limit):
      "sent a response line over \(Self.mebibytes(limit)) MiB"
    case .searchResults(let limit):
      "answered UID SEARCH with more than \(limit) UIDs"
    case .fetchedBytes(let what, let limit):
      "sent more than \(Self.mebibytes(limit)) MiB of message \(what) for one fetch, more than their sizes announced"
    }
  }

  /// What the user can do.
  var hint: String {
    switch self {
    case .literal:
      "the server is broken or hostile; if it is trusted and its messages are that big, raise the account's --max-size"
    case .line, .fetchedBytes:
      "the server is broken or hostile"
    case .searchResults:
      "the server is broken or hostile; a folder that big can be fetched from a date on with --fetch-since"
    }
  }

  /// Bytes in whole mebibytes, rounded down.
  private static func mebibytes(_ bytes: Int) -> Int { bytes >> 20 }
}
