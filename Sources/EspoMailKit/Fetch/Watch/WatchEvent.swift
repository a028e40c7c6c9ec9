import EspoMailCore

/// What a watch process has to say; the command decides what to print (`--verbose` talks,
/// otherwise only failures and, with `--format json`, import batches are printed).
public enum WatchEvent: Sendable {
  /// The process watches `count` accounts after (re-)reading them.
  case accountsRead(count: Int)
  /// An account is logged in and waiting: in IDLE, or polled where the server has no IDLE;
  /// `notify` when NOTIFY reports its other monitored folders during the IDLE.
  case watching(account: String, idle: Bool, notify: Bool)
  /// A wake-up's fetch settled messages, sent auto-replies, or failed (a failure is told once
  /// until it changes).
  case fetched(AccountFetchReport)
  /// Logging in or the session failed; the account is tried again after `retrySeconds`.
  case failed(account: String, error: EspoMailError, retrySeconds: Double)
  /// Another process (a `fetch` run or another watch process) holds the account; it is tried
  /// again at the next re-read of the accounts.
  case busy(account: String)
  /// The account is no longer watched (stopped, deactivated, removed, or changed and restarted).
  case stopped(account: String)
}
