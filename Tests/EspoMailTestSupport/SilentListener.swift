#if canImport(Glibc)
  import Glibc
#endif

/// A TCP listener on 127.0.0.1 that never says anything: the kernel completes connections from
/// its backlog, nobody answers. Closed on deinit.
public final class SilentListener: @unchecked Sendable {
  /// The listening socket.
  private let socketDescriptor: Int32
  /// The port it listens on.
  public let port: Int

  /// Binds 127.0.0.1 on a free port and listens.
  public init() throws {
    struct SocketError: Error {}
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw SocketError() }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard bound == 0, named == 0, listen(descriptor, 16) == 0 else {
      close(descriptor)
      throw SocketError()
    }
    socketDescriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(socketDescriptor) }

  /// A port on 127.0.0.1 where nothing listens (bound once, then released).
  public static func refusedPort() throws -> Int {
    let listener = try SilentListener()
    return listener.port
  }
}
