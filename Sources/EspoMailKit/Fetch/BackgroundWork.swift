import Foundation

/// One piece of work running on its own thread while the caller goes on; `wait` joins it and
/// hands back its result or error. The fetch writes chunk N this way while it downloads and
/// parses chunk N+1, and stores a chunk's raw messages ahead while it goes on.
final class BackgroundWork<T: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<T, any Error>?

  /// Starts `body` on a new thread.
  init(_ body: @escaping @Sendable () throws -> T) {
    PosixThread.start(stackBytes: 8 << 20) { [self] in
      result = Result { try body() }
      done.signal()
    }
  }

  /// Waits for the work to end; returns its result or rethrows its error, the same each time.
  func wait() throws -> T {
    done.wait()
    done.signal()  // for the next wait
    // The semaphore orders the thread's write of `result` before this read.
    guard let result else { preconditionFailure("background work ended without a result") }
    return try result.get()
  }
}
