import EspoMailCore
import EspoMailStore
import Foundation

/// Fetches several accounts with bounded parallelism; one account's failure never stops the others.
/// Each of `jobs` workers has a thread of its own that waits on its server, so a pass over many
/// accounts overlaps their connects, logins and round trips however few cores the machine has; at
/// most `jobsPerServer` of them talk to one IMAP server at a time (Docs/performance.md, "A cron
/// pass over a network").
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
    let queue = AccountQueue(
      servers: accounts.map { "\($0.imap.host.lowercased()):\($0.imap.port)" }, perServer: options.jobsPerServer)
    let workers = max(1, min(options.jobs, accounts.count))
    let options = Self.sizingChunks(options, engine: store.engine, workers: workers)
    let finished = DispatchGroup()
    for worker in 0..<workers {
      // A serial queue of its own runs on an overcommitting thread: one per worker, however
      // many cores there are (`concurrentPerform` would run only as many as cores at once).
      DispatchQueue(label: "espomail.fetch.\(worker)").async(group: finished) { [store, accounts, options, now, progress] in
        while let index = queue.take() {
          let fetcher = AccountFetcher(store: store, account: accounts[index], options: options, now: now, progress: progress)
          results.set(index, fetcher.run())
          queue.finish(index)
        }
      }
    }
    finished.wait()
    return FetchReport(accounts: results.all, durationSeconds: Date().timeIntervalSince(started))
  }

  /// Message bytes all workers' chunks may hold together (each has two in flight): many jobs
  /// first-syncing at once stay within it, each with smaller chunks.
  static let chunkBudget = 256 << 20

  /// How many times the default chunk (messages and bytes) one write transaction takes on an
  /// engine: twice on PostgreSQL, where each chunk costs round trips (the look-ahead, id
  /// reservations, the commit) that a larger one spreads; once on SQLite, which pays none and
  /// keeps its smaller memory peak (Docs/performance.md, "First sync into PostgreSQL").
  static func chunkScale(_ engine: StoreEngine) -> Int {
    switch engine {
    case .sqlite: 1
    case .postgresql: 2
    }
  }

  /// `options` with chunks sized for the engine and for `workers` fetching at once.
  static func sizingChunks(_ options: FetchOptions, engine: StoreEngine, workers: Int) -> FetchOptions {
    var options = options
    options.chunkSize *= chunkScale(engine)
    options.chunkBytes = chunkBytes(options.chunkBytes * chunkScale(engine), workers: workers)
    return options
  }

  /// Each worker's chunk size: the one asked for, made smaller so that `workers` of them, two
  /// chunks each, fit the budget, but never below 1 MiB (a chunk always takes one message).
  static func chunkBytes(_ asked: Int, workers: Int) -> Int {
    max(1 << 20, min(asked, chunkBudget / (2 * max(1, workers))))
  }
}

/// Hands accounts to workers in order, at most `perServer` at a time to one server: a worker
/// whose next accounts all wait on busy servers waits for one to finish.
private final class AccountQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private let servers: [String]
  private let perServer: Int
  private var pending: [Int]
  private var active: [String: Int] = [:]

  /// A queue of the accounts whose servers are `servers` (by index).
  init(servers: [String], perServer: Int) {
    self.servers = servers
    self.perServer = max(1, perServer)
    pending = Array(servers.indices)
  }

  /// The next account whose server has room, waiting while every pending one's is full; nil when
  /// none is left.
  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !pending.isEmpty {
      if let position = pending.firstIndex(where: { active[servers[$0], default: 0] < perServer }) {
        let index = pending.remove(at: position)
        active[servers[index], default: 0] += 1
        return index
      }
      condition.wait()
    }
    return nil
  }

  /// Frees the account's place on its server.
  func finish(_ index: Int) {
    condition.lock()
    active[servers[index], default: 1] -= 1
    condition.broadcast()
    condition.unlock()
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
