internal import CGMime
import EspoMailCore

/// Writes outgoing messages as RFC 5322 bytes through GMime: headers RFC 2047 encoded and folded,
/// `MIME-Version: 1.0`, UTF-8 text (and HTML) parts, base64 attachments with RFC 2231 file names.
///
/// Thread-safe: each call uses its own GMime objects.
public enum MessageComposer {
  /// The message as CRLF-terminated bytes, ready for SMTP DATA or an IMAP APPEND.
  ///
  /// Every header value is checked first (`HeaderSafety` and the forms of addresses, ids, header
  /// names and content types); a refused value throws `EspoMailError(.dataError)` naming the field.
  public static func compose(_ message: OutgoingMessage) throws -> [UInt8] {
    try CompositionCheck.validate(message)
    MIMELibrary.initialise()
    guard let composed = g_mime_message_new(0) else { throw ComposerParts.outOfMemory }
    defer { cgmime_unref(composed) }
    ComposerHeaders.write(message, to: composed)
    let body = try ComposerBody.make(message)
    g_mime_message_set_mime_part(composed, body)
    cgmime_unref(body)
    let bytes = StreamBytes.serialised(cgmime_as_object(composed))
    guard !bytes.isEmpty else { throw ComposerParts.outOfMemory }
    return bytes
  }

  /// Whether `compose` accepts `id` as a Message-ID, In-Reply-To or References entry: one line,
  /// in angle brackets, with no blanks or brackets inside. Ids read from incoming mail may not be.
  public static func canWrite(messageID id: String) -> Bool {
    (try? CompositionCheck.messageID(id, field: "")) != nil
  }
}
