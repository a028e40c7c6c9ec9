import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP socket bound to a free 127.0.0.1 port: listening but never answering (connections hang
/// before the greeting), or not listening (connections are refused). Closed on deinit.
final class LoopbackSocket {
  /// The socket's descriptor.
  private let descriptor: Int32
  /// The bound port.
  let port: Int

  /// Binds a fresh socket and listens when asked.
  init(listening: Bool) throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw SocketFailure(step: "socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, size) }
    }
    var length = size
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard bound == 0, named == 0, !listening || listen(descriptor, 8) == 0 else {
      close(descriptor)
      throw SocketFailure(step: "bind/listen")
    }
    self.descriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(descriptor) }
}

/// A socket call failed while preparing a test.
struct SocketFailure: Error {
  /// The call that failed.
  let step: String
}
