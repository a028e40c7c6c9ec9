import EspoMailCore
import EspoMailStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `fetch --watch`: one `AccountWatch` per account it may fetch, the accounts re-read every
/// `rescanSeconds` and on `WatchControl.reload` (SIGHUP): new or re-activated accounts start,
/// removed or deactivated ones stop, changed ones restart, busy ones are tried again (so a
/// second watch process takes over the accounts of one that died). Returns once stopped, after
/// every watch has finished its fetch in progress.
struct Watcher {
  /// The store.
  let store: Store
  /// How to watch.
  let options: WatchOptions
  /// The accounts to watch now (read again on every rescan).
  let accounts: () throws -> [MailAccount]
  /// Stops and reloads.
  let control: WatchControl
  /// The clock.
  let now: @Sendable () -> Date
  /// Receives what there is to tell.
  let events: @Sendable (WatchEvent) -> Void

  /// Watches until stopped. Throws only when the accounts cannot be read at the start.
  func run() throws {
    Self.raiseOpenFileLimit()
    var leases = WatchLeases(store: store)
    var running: [Int64: AccountWatch] = [:]
    let gate = DispatchSemaphore(value: max(1, options.fetch.jobs))
    // As many imports at once as a fetch run has jobs, sharing its memory bound.
    var options = options
    options.fetch = FetchRun.sizingChunks(options.fetch, engine: store.engine, workers: options.fetch.jobs)
    var wanted = try accounts()
    while !control.isStopping {
      running = running.filter { !$0.value.hasEnded }
      if !leases.isIntact() {
        // The PostgreSQL connection holding the leases broke, and the locks with it: every
        // watch stops and takes its lease again on a new connection.
        stopAll(Array(running.values))
        running = [:]
        leases = WatchLeases(store: store)
      }
      let byID = Dictionary(wanted.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      let outdated = running.values.filter { watch in
        byID[watch.account.id].map { !Self.sameSettings($0, watch.account) } ?? true
      }
      stopAll(outdated)
      for watch in outdated { running[watch.account.id] = nil }
      for account in wanted where running[account.id] == nil {
        do {
          let watch = try AccountWatch(
            account: account, store: store, leases: leases, options: options, gate: gate, now: now, events: events)
          running[account.id] = watch
          watch.start()
        } catch {
          events(.failed(account: account.name, error: EspoMailError.userFacing(error), retrySeconds: options.rescanSeconds))
        }
      }
      events(.accountsRead(count: wanted.count))
      control.waitForRequest(seconds: options.rescanSeconds)
      guard !control.isStopping else { break }
      do {
        wanted = try accounts()
      } catch {
        events(.failed(account: "*", error: EspoMailError.userFacing(error), retrySeconds: options.rescanSeconds))
      }
    }
    stopAll(Array(running.values))
  }

  /// Stops watches and waits for each to finish its fetch in progress.
  private func stopAll(_ watches: some Collection<AccountWatch>) {
    for watch in watches { watch.stop() }
    for watch in watches { watch.join() }
  }

  /// Whether two readings of an account watch it the same way (its fetch history aside).
  static func sameSettings(_ left: MailAccount, _ right: MailAccount) -> Bool {
    var left = left
    left.health = right.health
    return left == right
  }

  /// Lifts the soft limit on open files to the hard one: each watched account holds a socket, a
  /// pipe and (on SQLite) a lock file, and a thousand accounts pass the usual 1,024.
  private static func raiseOpenFileLimit() {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
  }
}
