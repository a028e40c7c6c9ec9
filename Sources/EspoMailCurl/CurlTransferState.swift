/// The message bytes libcurl uploads, read through `curlUploadCallback` without copying them first.
final class CurlUploadSource {
  /// The whole message.
  private let bytes: [UInt8]
  /// How many bytes libcurl has taken so far.
  private var offset = 0

  /// Wraps the bytes to upload.
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Copies the next bytes into `destination`; returns how many (0 at the end).
  func fill(_ destination: UnsafeMutableRawPointer, capacity: Int) -> Int {
    let count = min(capacity, bytes.count - offset)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      if let base = source.baseAddress { destination.copyMemory(from: base + offset, byteCount: count) }
    }
    offset += count
    return count
  }
}

/// Keeps the server's recent error replies (code 400 or more), which libcurl hands to the header
/// callback; the reply that failed a transfer is followed by others, such as "221 Bye" to QUIT.
final class CurlReplyRecorder {
  /// The longest reply text kept.
  static let limit = 300
  /// How many error replies are kept.
  static let count = 8
  /// The latest error reply lines, oldest first, control characters removed.
  private var errors: [String] = []

  /// Records one line from the server.
  func record(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let printable = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(Self.limit))
    let line = printable.trimmingWhitespace()
    guard let code = Int(line.prefix(3)), code >= 400 else { return }
    errors.append(line)
    if errors.count > Self.count { errors.removeFirst() }
  }

  /// The last error reply with `code`, such as "550 5.1.1 unknown user" for 550.
  func lastReply(code: Int) -> String? {
    errors.last { $0.hasPrefix(String(code)) }
  }
}

/// libcurl's read callback: fills its buffer from the `CurlUploadSource` behind `context`.
func curlUploadCallback(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
  guard let buffer, let context else { return 0 }
  let source = Unmanaged<CurlUploadSource>.fromOpaque(context).takeUnretainedValue()
  return source.fill(UnsafeMutableRawPointer(buffer), capacity: size * count)
}

/// libcurl's header callback: hands each server reply line to the `CurlReplyRecorder` behind `context`.
func curlReplyCallback(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
  let length = size * count
  guard let buffer, let context else { return length }
  let recorder = Unmanaged<CurlReplyRecorder>.fromOpaque(context).takeUnretainedValue()
  recorder.record(UnsafeRawBufferPointer(start: buffer, count: length))
  return length
}

/// libcurl's write callback: an SMTP send has no body to keep, and library code never prints.
func curlDiscardCallback(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
  size * count
}
