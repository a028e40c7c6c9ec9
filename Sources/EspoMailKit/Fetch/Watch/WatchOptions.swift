/// How `fetch --watch` runs (Docs/architecture.md, "Watching").
public struct WatchOptions: Sendable {
  /// What each wake-up's fetch does: jobs (fetches at once), timeout, auto-replies, notifications.
  public var fetch = FetchOptions()
  /// Seconds between fetches of every monitored folder of an account (its other folders, and all
  /// of them where the server has no IDLE); also the longest an IDLE lasts before it is renewed.
  public var pollSeconds = 60.0
  /// Seconds between re-reads of the accounts (SIGHUP re-reads at once).
  public var rescanSeconds = 60.0
  /// The first wait after a failure; each failure in a row doubles it, up to `longestBackoffSeconds`.
  public var firstBackoffSeconds = 1.0
  /// The longest wait between reconnection attempts.
  public var longestBackoffSeconds = 300.0
  /// The longest poll interval: 29 minutes, the longest an IDLE may last (RFC 2177).
  public static let longestPollSeconds = 29.0 * 60
  /// Default options.
  public init() {}
}
