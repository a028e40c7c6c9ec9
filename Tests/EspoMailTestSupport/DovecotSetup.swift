import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The one-off steps of starting a test Dovecot: directory, certificate, free ports, readiness.
enum DovecotSetup {
  /// A fresh private directory under the temporary directory.
  static func makeDirectory() throws -> String {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.count < 40 ? $0 : nil } ?? "/tmp"
    var template = Array((base + "/espomail-dovecot-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return mkdtemp(base) != nil
    }
    guard made else { throw DovecotError("cannot make a temporary directory under \(base)") }
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A throwaway self-signed EC certificate for 127.0.0.1 and localhost, valid two days.
  static func makeCertificate(certificate: String, key: String) throws {
    try DovecotCommand.run(
      DovecotPaths.openssl,
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
        "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
      ])
  }

  /// `count` distinct ports that were free on 127.0.0.1 a moment ago (bound to port 0, then released).
  static func freePorts(_ count: Int) throws -> [Int] {
    var sockets: [Int32] = []
    defer { sockets.forEach { _ = close($0) } }
    var ports: [Int] = []
    for _ in 0..<count {
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      guard fd >= 0 else { throw DovecotError("socket() failed: errno \(errno)") }
      sockets.append(fd)
      var address = loopback(port: 0)
      let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      guard bound == 0 else { throw DovecotError("bind(127.0.0.1:0) failed: errno \(errno)") }
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
      }
      guard named == 0 else { throw DovecotError("getsockname failed: errno \(errno)") }
      ports.append(Int(UInt16(bigEndian: address.sin_port)))
    }
    return ports
  }

  /// Whether something accepts TCP connections on 127.0.0.1:`port`.
  static func accepts(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopback(port: port)
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    return result == 0
  }

  /// The IPv4 loopback address with a port.
  static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
    return address
  }

  /// The pids of the direct children of `parent`, read from /proc (empty elsewhere).
  static func children(of parent: Int32) -> [Int32] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return entries.compactMap { entry -> Int32? in
      guard let pid = Int32(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let afterName = stat.range(of: ") ", options: .backwards)
      else { return nil }
      // Fields after the command name: state, ppid, ...
      let fields = stat[afterName.upperBound...].split(separator: " ")
      guard fields.count > 1, Int32(fields[1]) == parent else { return nil }
      return pid
    }
  }
}
