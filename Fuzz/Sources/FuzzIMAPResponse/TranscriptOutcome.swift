import EspoMailIMAP

/// What reading a transcript gave: the responses, or why it stopped.
enum TranscriptOutcome: Equatable {
  /// The transcript was read.
  case read(IMAPTranscript)
  /// Reading stopped at an unreadable response, for this reason.
  case malformed(String)
  /// Reading threw anything else (described): always a finding.
  case unexpected(String)

  /// Reads `bytes` in pieces of at most `pieceSize` bytes.
  init(_ bytes: [UInt8], pieceSize: Int) {
    do {
      self = .read(try IMAPTranscript(reading: bytes, pieceSize: pieceSize))
    } catch IMAPError.malformedResponse(let reason) {
      self = .malformed(reason)
    } catch {
      self = .unexpected(String(describing: error))
    }
  }
}
