import EspoMailCore
import EspoMailStore
import Foundation

/// Fetches several accounts with bounded parallelism; one account's failure never stops the others.
struct FetchRun {
  /// The store.
  let store: Store
  /// The accounts to fetch.
  let accounts: [MailAccount]
  /// Run options.
  let options: FetchOptions
  /// The clock.
  let now: @Sendable () -> Date
  /// Receives progress for a terminal display.
  let progress: (@Sendable (FetchProgress) -> Void)?

  /// Runs every account and returns the reports in name order.
  func run() -> FetchReport {
    let started = Date()
    let results = Reports(count: accounts.count)
    let next = Counter()
    let workers = max(1, min(options.jobs, accounts.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = next.take(below: accounts.count) {
        let fetcher = AccountFetcher(
          store: store, account: accounts[index], options: options, now: now, progress: progress)
        results.set(index, fetcher.run())
      }
    }
    return FetchReport(accounts: results.all, durationSeconds: Date().timeIntervalSince(started))
  }
}

/// Hands out indexes to workers.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  /// The next index, or nil when all are taken.
  func take(below limit: Int) -> Int? {
    lock.withLock {
      guard value < limit else { return nil }
      defer { value += 1 }
      return value
    }
  }
}

/// Collects reports from workers.
private final class Reports: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [AccountFetchReport?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  /// Stores one report.
  func set(_ index: Int, _ report: AccountFetchReport) { lock.withLock { storage[index] = report } }

  /// Every report, in input order.
  var all: [AccountFetchReport] { lock.withLock { storage.compactMap { $0 } } }
}
