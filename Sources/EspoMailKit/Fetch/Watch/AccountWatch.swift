import EspoMailCore
import EspoMailIMAP
import EspoMailStore
import Foundation
import Synchronization

/// Watches one account on a thread of its own: takes its lease, logs in, fetches it as
/// `fetch NAME` does, then waits in IDLE on its first monitored folder (INBOX by default), hearing
/// of the other monitored folders through NOTIFY where the server offers it, until the server
/// reports a change, the poll interval passes (every folder is fetched then) or it is stopped;
/// reconnects with backoff after failures (Docs/architecture.md, "Watching").
final class AccountWatch: Sendable {
  /// The account as it was read when the watch started.
  let account: MailAccount
  private let store: Store
  private let leases: WatchLeases
  private let options: WatchOptions
  /// Bounds how many accounts log in or fetch at once (`--jobs`).
  private let gate: DispatchSemaphore
  private let events: @Sendable (WatchEvent) -> Void
  private let now: @Sendable () -> Date
  /// Readable once the watch is to stop.
  private let wake: WakeSignal
  private let stopping = Atomic<Bool>(false)
  private let ended = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)

  /// The thread's stack: the fetch parses on it, as it does on the 512 KiB stacks of `fetch`'s
  /// workers, so 1 MiB leaves room; a thousand watches reserve 1 GiB of address space and touch
  /// only the pages they use.
  static let stackBytes = 1 << 20

  /// A watch that has not started.
  init(
    account: MailAccount, store: Store, leases: WatchLeases, options: WatchOptions, gate: DispatchSemaphore,
    now: @escaping @Sendable () -> Date, events: @escaping @Sendable (WatchEvent) -> Void
  ) throws {
    self.account = account
    self.store = store
    self.leases = leases
    self.options = options
    self.gate = gate
    self.now = now
    self.events = events
    wake = try WakeSignal()
  }

  /// Starts the watch's thread.
  func start() {
    PosixThread.start(stackBytes: Self.stackBytes) { [self] in
      run()
      ended.store(true, ordering: .releasing)
      finished.signal()
    }
  }

  /// Asks the watch to stop: a fetch in progress finishes first, an IDLE or a wait ends at once.
  func stop() {
    stopping.store(true, ordering: .relaxed)
    wake.signal()
  }

  /// Waits until the watch's thread has ended (after `stop`, or after it found the account busy).
  func join() {
    finished.wait()
    finished.signal()
  }

  /// Whether the watch's thread has ended.
  var hasEnded: Bool { ended.load(ordering: .acquiring) }

  private var isStopping: Bool { stopping.load(ordering: .relaxed) }

  /// The folder waited on in IDLE: INBOX when monitored, else the first monitored folder.
  private var idleFolder: String {
    account.folders.first { $0.uppercased() == "INBOX" } ?? account.folders.first ?? "INBOX"
  }

  private func run() {
    defer { events(.stopped(account: account.name)) }
    var failures = 0
    while !isStopping {
      let lease: AccountLease?
      do {
        lease = try leases.take(account.id)
      } catch {
        failures += 1
        guard pauseAfterFailure(EspoMailError.userFacing(error), failures: failures) else { return }
        continue
      }
      guard let lease else {
        events(.busy(account: account.name))
        return
      }
      do {
        try watch(holding: lease, failures: &failures)
      } catch is ReportedFailure {
        failures += 1
        guard pauseAfterFailure(nil, failures: failures) else { return }
      } catch {
        failures += 1
        let shown = EspoMailError.userFacing(error)
        let message = shown.message
        try? store.write { tx in
          try tx.recordFetch(accountID: account.id, at: Timestamp.iso8601(now()), error: message)
        }
        guard pauseAfterFailure(shown, failures: failures) else { return }
      }
    }
  }

  /// Reports a failure (unless the fetch's report told it) and waits before the next attempt;
  /// false when the watch was stopped meanwhile.
  private func pauseAfterFailure(_ error: EspoMailError?, failures: Int) -> Bool {
    let delay = Backoff(first: options.firstBackoffSeconds, longest: options.longestBackoffSeconds)
      .seconds(afterFailures: failures)
    if let error { events(.failed(account: account.name, error: error, retrySeconds: delay)) }
    return !wake.wait(seconds: delay)
  }

  /// One logged-in session: fetch, wait for a change, fetch again, until stopped or broken.
  private func watch(holding lease: AccountLease, failures: inout Int) throws {
    let imap = try gated { try IMAPConnector(store: store, account: account, network: options.fetch.network).connect() }
    defer { imap.logout() }
    var lastFailure: String?
    var announced = false
    var rechecked = false
    // NOTIFY reports the other monitored folders during the IDLE, until the server refuses it.
    var notifies = imap.supportsIdle && imap.supportsNotify && account.folders.count > 1
    while !isStopping {
      var fetcher = AccountFetcher(store: store, account: account, options: options.fetch, now: now, progress: nil)
      fetcher.held = HeldSession(lease: lease, imap: imap)
      let report = gated { fetcher.run() }
      if report.status == .failed {
        if report.error != lastFailure { events(.fetched(report)) }
        lastFailure = report.error
        // A lost connection, a timeout or a store error: reconnect after a pause.
        if !imap.isOpen { throw ReportedFailure() }
      } else {
        failures = 0
        lastFailure = nil
        if report.settled > 0 || report.autoReplies > 0 { events(.fetched(report)) }
      }
      guard !isStopping else { return }
      let folder = idleFolder
      var statuses = [folder: try imap.examine(folder)]
      if notifies {
        do {
          // A folder the server does not report (missing, say) waits for the poll interval.
          statuses.merge(try imap.notify(folders: account.folders.filter { $0 != folder })) { first, _ in first }
        } catch let error as IMAPError where error.leavesSessionUsable {
          notifies = false  // polled at the interval, as without NOTIFY
        }
      }
      // Mail that came after the fetch's search and before this EXAMINE (or NOTIFY) raises no
      // IDLE news, and a portion-limited fetch has more to do. Once without progress is enough: a
      // server whose EXAMINE and STATUS disagree must not keep the watch fetching.
      if try anyChanged(statuses), report.settled > 0 || !rechecked {
        rechecked = true
        continue
      }
      rechecked = false
      if !announced {
        events(.watching(account: account.name, idle: imap.supportsIdle, notify: notifies))
        announced = true
      }
      guard imap.supportsIdle else {
        if wake.wait(seconds: options.pollSeconds) { return }
        continue
      }
      if try imap.startIdle() {
        try imap.stopIdle()
        continue
      }
      let woke = try imap.waitInIdle(
        seconds: min(options.pollSeconds, IMAPClient.maximumIdleSeconds), interrupt: wake.descriptor)
      try imap.stopIdle()
      if woke == .interrupted { return }
    }
  }

  /// Whether any of the folders differs from what the last fetch saw (the fetch's own skip test).
  private func anyChanged(_ statuses: [String: FolderStatus]) throws -> Bool {
    let saved = try store.read { try $0.checkpoints(accountID: account.id) }
    return statuses.contains { folder, status in
      guard let checkpoint = saved.first(where: { $0.folder == folder }) else { return true }
      return checkpoint.uidValidity != status.uidValidity || checkpoint.uidNext != status.uidNext
        || checkpoint.messages != status.messages
    }
  }

  /// Runs `body` once a slot of `--jobs` is free.
  private func gated<T>(_ body: () throws -> T) rethrows -> T {
    gate.wait()
    defer { gate.signal() }
    return try body()
  }
}

/// A failure the fetch's report already told; the watch only pauses and reconnects.
private struct ReportedFailure: Error {}
