import EspoMailCore
import Foundation

extension Session {
  /// Watches every account `fetch --all` would fetch until `control` stops it: new mail is
  /// imported as it arrives, by the same fetch `fetch NAME` runs (Docs/architecture.md,
  /// "Watching"). The accounts are re-read every `options.rescanSeconds` and on
  /// `control.reload()`.
  public func watch(
    options: WatchOptions, control: WatchControl, now: @escaping @Sendable () -> Date = { Date() },
    events: @escaping @Sendable (WatchEvent) -> Void
  ) throws {
    try requireServiceConnection("fetch")
    try Watcher(
      store: store, options: options, accounts: { try self.fetchableAccounts() }, control: control, now: now,
      events: events
    ).run()
  }
}
