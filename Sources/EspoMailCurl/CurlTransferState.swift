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

/// Keeps the server's last reply line, which libcurl hands to the header callback.
final class CurlReplyRecorder {
  /// The longest reply text kept.
  static let limit = 300
  /// The last reply line, control characters removed; nil before the first.
  private(set) var lastReply: String?

  /// Records one line from the server.
  func record(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let printable = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(Self.limit))
    let line = printable.trimmingWhitespace()
    if !line.isEmpty { lastReply = line }
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
