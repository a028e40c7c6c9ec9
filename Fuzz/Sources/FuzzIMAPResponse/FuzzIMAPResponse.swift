import EspoMailIMAP

/// libFuzzer's entry point: reads the input as bytes from an IMAP server, framed and parsed.
///
/// Besides "no crash, no memory error", two invariants must hold: reading fails only with
/// `IMAPError.malformedResponse`, and the input read whole or in small pieces (1 to 16 bytes,
/// chosen by its first byte) gives the same responses or the same error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIMAPResponse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let pieceSize = Int((bytes.first ?? 0) % 16) + 1
  let whole = TranscriptOutcome(bytes, pieceSize: .max)
  if case .unexpected(let error) = whole { fatalError("reading failed with \(error)") }
  let pieces = TranscriptOutcome(bytes, pieceSize: pieceSize)
  if whole != pieces { fatalError("read whole: \(whole); read in pieces of \(pieceSize) bytes: \(pieces)") }
  return 0
}
