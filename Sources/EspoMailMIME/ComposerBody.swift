internal import CGMime

/// Builds the MIME tree of an outgoing message: text/plain alone, or multipart/alternative with
/// the HTML, wrapped in multipart/mixed when there are attachments.
enum ComposerBody {
  /// The root part for `outgoing`, holding one reference the caller releases.
  static func make(_ outgoing: OutgoingMessage) throws -> UnsafeMutablePointer<GMimeObject> {
    let body = try bodyPart(outgoing)
    guard !outgoing.attachments.isEmpty else { return body }
    // References held here; the multipart takes its own, so these are released in every case.
    var children = [body]
    defer { for child in children { cgmime_unref(child) } }
    for attachment in outgoing.attachments {
      children.append(try ComposerParts.attachment(attachment))
    }
    return try ComposerParts.multipart("mixed", children)
  }

  /// The text part, or multipart/alternative with text then HTML.
  private static func bodyPart(_ outgoing: OutgoingMessage) throws -> UnsafeMutablePointer<GMimeObject> {
    let text = try ComposerParts.text(outgoing.text, subtype: "plain")
    guard let html = outgoing.html else { return text }
    var children = [text]
    defer { for child in children { cgmime_unref(child) } }
    children.append(try ComposerParts.text(html, subtype: "html"))
    return try ComposerParts.multipart("alternative", children)
  }
}
