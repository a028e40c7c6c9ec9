import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts work on a detached POSIX thread with a stack of a chosen size: the fetch's chunk writer
/// and each account watch. Foundation's `Thread` was used before; a run of the test suite saw a
/// heap corruption in a watch stopped mid-import (never reproduced since), and an earlier worker
/// design on `Thread` saw the same, so the threads are now made with `pthread_create` directly.
enum PosixThread {
  /// Runs `body` on a new thread; if the system refuses a thread, on a dispatch queue instead,
  /// so the work is never lost.
  static func start(stackBytes: Int, _ body: @escaping @Sendable () -> Void) {
    let context = Unmanaged.passRetained(Start(body: body)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackBytes)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    var thread = pthread_t()
    let created = pthread_create(&thread, &attributes, { raw in
      Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue().body()
      return nil
    }, context)
    if created != 0 {
      let start = Unmanaged<Start>.fromOpaque(context).takeRetainedValue()
      DispatchQueue.global().async { start.body() }
    }
  }

  /// The work a new thread runs, kept alive until it starts.
  private final class Start: Sendable {
    let body: @Sendable () -> Void

    init(body: @escaping @Sendable () -> Void) { self.body = body }
  }
}
