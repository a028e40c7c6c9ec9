/// A recorded stream of bytes from an IMAP server, read without a connection exactly as a session
/// reads its connection: cut into responses by the framer (literals counted, never scanned), each
/// response parsed, FETCH data included.
///
/// It checks recorded or generated server output: the fuzz targets in `Fuzz/` and the replay
/// tests of their findings read untrusted bytes through it.
public struct IMAPTranscript: Sendable, Equatable {
  /// Complete responses read.
  public let responseCount: Int
  /// How many of them were `* n FETCH` responses.
  public let fetchCount: Int
  /// Total bytes of the body sections (`BODY[…]`, `BINARY[…]`, `RFC822…`) in those FETCH responses.
  public let sectionByteCount: Int
  /// Bytes at the end that do not complete a response (a line without its end, a literal cut short).
  public let incompleteByteCount: Int

  /// Reads `bytes`, handing them to the framer in pieces of at most `pieceSize` bytes, as a
  /// connection may deliver them split anywhere; the result does not depend on the split.
  /// Throws `IMAPError.malformedResponse` at the first response that cannot be read.
  public init(reading bytes: [UInt8], pieceSize: Int = .max) throws {
    let size = max(pieceSize, 1)
    var framer = ResponseFramer()
    var responses = 0
    var fetches = 0
    var sectionBytes = 0
    var offset = 0
    repeat {
      let end = offset + min(size, bytes.count - offset)
      framer.append(contentsOf: bytes[offset..<end])
      offset = end
      while let frame = try framer.nextFrame() {
        responses += 1
        if case .untagged(.fetch(let data)) = try ResponseParser.parse(frame) {
          fetches += 1
          sectionBytes += data.sections.values.reduce(0) { $0 + $1.count }
        }
      }
    } while offset < bytes.count
    responseCount = responses
    fetchCount = fetches
    sectionByteCount = sectionBytes
    incompleteByteCount = framer.pendingByteCount
  }
}
