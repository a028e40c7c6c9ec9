import EspoMailCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A descriptor that becomes readable, and stays so, once `signal` is called: an account watch
/// polls it beside its IMAP socket so that a stop reaches it at once, in IDLE or between retries.
final class WakeSignal: Sendable {
  /// The pipe's ends.
  private let reading: Int32
  private let writing: Int32

  /// A fresh, unsignalled descriptor.
  init() throws {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      throw EspoMailError(
        .ioError, "cannot make a pipe: \(String(cString: strerror(errno)))",
        hint: "raise the open-file limit (LimitNOFILE= in the systemd unit)")
    }
    reading = ends[0]
    writing = ends[1]
    for end in ends {
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      _ = fcntl(end, F_SETFL, O_NONBLOCK)
    }
  }

  deinit {
    close(reading)
    close(writing)
  }

  /// The descriptor to poll.
  var descriptor: Int32 { reading }

  /// Makes the descriptor readable for good.
  func signal() {
    var byte: UInt8 = 1
    _ = write(writing, &byte, 1)
  }

  /// Waits up to `seconds`; returns whether the signal came.
  func wait(seconds: Double) -> Bool {
    var descriptor = pollfd(fd: reading, events: Int16(POLLIN), revents: 0)
    let start = Date()
    while true {
      let left = seconds - Date().timeIntervalSince(start)
      let milliseconds = left <= 0 ? 0 : Int32(min((left * 1000).rounded(.up), Double(Int32.max)))
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0, errno == EINTR { continue }
      return ready > 0
    }
  }
}
