internal import CGMime
import EspoMailCore

/// Runs GMime's parser over bytes held by Swift, without copying them, and hands the message to
/// a reader while the bytes, stream, parser and options are all alive.
enum GMimeDocument {
  /// Parses `bytes` and calls `read` with the message and the options it was parsed with.
  ///
  /// Every GMime object made here is released before returning; nothing GMime owns escapes.
  static func withMessage<T>(
    _ bytes: [UInt8],
    _ read: (UnsafeMutablePointer<GMimeMessage>, OpaquePointer) throws -> T
  ) throws -> T {
    MIMELibrary.initialise()
    guard !bytes.isEmpty else { throw cannotParse("empty input") }
    guard bytes.count < Int(UInt32.max) else { throw cannotParse("larger than 4 GiB") }
    return try bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, let array = g_byte_array_new() else {
        throw cannotParse("out of memory")
      }
      // The array borrows Swift's storage; freeing it with `free_segment` false leaves the bytes alone.
      array.pointee.data = UnsafeMutablePointer(mutating: base)
      array.pointee.len = guint(buffer.count)
      defer { _ = g_byte_array_free(array, 0) }
      guard let stream = g_mime_stream_mem_new_with_byte_array(array) else {
        throw cannotParse("out of memory")
      }
      // Declared after the array's defer, so the stream (and every substream the message holds,
      // released with the message below) goes before the array it reads.
      defer { cgmime_unref(stream) }
      g_mime_stream_mem_set_owner(cgmime_as_stream_mem(stream), 0)
      guard let options = ParserOptions.make() else { throw cannotParse("out of memory") }
      defer { g_mime_parser_options_free(options) }
      guard let parser = g_mime_parser_new_with_stream(stream) else { throw cannotParse("out of memory") }
      defer { cgmime_unref(parser) }
      guard let message = g_mime_parser_construct_message(parser, options) else {
        throw cannotParse("not a MIME message")
      }
      defer { cgmime_unref(message) }
      guard HeaderReader.count(of: message) > 0 else { throw cannotParse("no headers") }
      return try read(message, options)
    }
  }

  /// The error for bytes that do not make a message.
  static func cannotParse(_ reason: String) -> EspoMailError {
    EspoMailError(.dataError, "cannot parse message: \(reason)")
  }
}
