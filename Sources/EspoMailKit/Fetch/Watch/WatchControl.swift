import Foundation
import Synchronization

/// How a running `fetch --watch` is told to stop (SIGTERM, SIGINT) or to re-read the accounts
/// (SIGHUP); safe to call from any thread, such as a signal handler's queue.
public final class WatchControl: Sendable {
  private let stopping = Atomic<Bool>(false)
  private let requests = DispatchSemaphore(value: 0)

  /// A control that has been asked nothing yet.
  public init() {}

  /// Asks the watch to stop: each account finishes the fetch in progress, then logs out.
  public func stop() {
    stopping.store(true, ordering: .relaxed)
    requests.signal()
  }

  /// Asks the watch to re-read the accounts now.
  public func reload() { requests.signal() }

  /// Whether a stop was asked for.
  public var isStopping: Bool { stopping.load(ordering: .relaxed) }

  /// Waits for a stop or reload request, at most `seconds`.
  func waitForRequest(seconds: Double) {
    _ = requests.wait(timeout: .now() + seconds)
  }
}
