internal import CGMime

/// Walks a message's MIME tree and sorts its leaves into bodies, calendar, attachments and
/// forwarded messages.
///
/// `text/plain` and `text/html` parts are bodies (so `multipart/alternative` yields one of each)
/// unless marked `attachment` or named like a file inside a multipart; the first `text/calendar` or
/// `application/ics` part is the calendar; every other leaf is an attachment. An attachment is
/// inline (shown in the body, as EspoCRM keeps inline attachments) when it is marked `inline`, or
/// unmarked with a Content-ID or inside a `multipart/related`.
struct PartWalker {
  /// Deepest multipart nesting followed; deeper parts are ignored.
  private static let maximumLevel = 64
  /// Deepest chain of forwarded messages parsed; deeper ones are kept only as `.eml` attachments.
  private static let maximumMessageDepth = 16

  /// The options the message was parsed with (used for 8-bit fallbacks).
  let options: OpaquePointer
  /// How many message/rfc822 levels above this message there are.
  let messageDepth: Int
  /// Inline text/plain bodies in order.
  private(set) var texts: [String] = []
  /// Inline text/html bodies in order.
  private(set) var htmls: [String] = []
  /// The first calendar part's text.
  private(set) var calendar: String?
  /// Attachments and inline parts in order.
  private(set) var attachments: [MessageAttachment] = []
  /// Forwarded messages in order.
  private(set) var nestedMessages: [ParsedMessage] = []
  /// True when some text was in no charset that reads it cleanly, and was read leniently.
  private(set) var hasGuessedText = false

  /// Creates a walker for a message at `messageDepth`.
  init(options: OpaquePointer, messageDepth: Int) {
    self.options = options
    self.messageDepth = messageDepth
  }

  /// Visits `object` and everything below it; `container` is the enclosing multipart's type.
  mutating func visit(_ object: UnsafeMutablePointer<GMimeObject>, container: String?, level: Int) {
    guard level <= Self.maximumLevel else { return }
    let type = PartInfo.mimeType(of: object)
    if cgmime_is_multipart(object) != 0 {
      let multipart = cgmime_as_multipart(object)
      for index in 0..<max(g_mime_multipart_get_count(multipart), 0) {
        if let child = g_mime_multipart_get_part(multipart, index) {
          visit(child, container: type, level: level + 1)
        }
      }
    } else if cgmime_is_message_part(object) != 0 {
      visitForwarded(object, type: type)
    } else if cgmime_is_part(object) != 0 {
      visitLeaf(cgmime_as_part(object), object: object, type: type, container: container)
    }
  }

  /// Sorts one leaf part.
  private mutating func visitLeaf(
    _ part: UnsafeMutablePointer<GMimePart>, object: UnsafeMutablePointer<GMimeObject>,
    type: String, container: String?
  ) {
    let disposition = PartInfo.disposition(of: object)
    let filename = AttachmentNaming.cleaned(g_mime_part_get_filename(part).map { String(cString: $0) })
    // A text part with a file name is a file (Apple Mail sends a .txt or .log as an inline part
    // with its name), unless it is the whole message.
    let isFile = disposition == "attachment" || (filename != nil && container != nil)
    switch type {
    case "text/plain" where !isFile:
      texts.append(text(of: part, object: object))
    case "text/html" where !isFile:
      htmls.append(text(of: part, object: object))
    case "text/calendar", "application/ics":
      if calendar == nil { calendar = text(of: part, object: object) }
      if disposition == "attachment" || filename != nil {
        addAttachment(object, type: type, filename: filename, disposition: disposition, container: container,
                      data: StreamBytes.decodedContent(of: part))
      }
    default:
      addAttachment(object, type: type, filename: filename, disposition: disposition, container: container,
                    data: StreamBytes.decodedContent(of: part))
    }
  }

  /// Parses a message/rfc822 part into `nestedMessages` and keeps it as an `.eml` attachment.
  private mutating func visitForwarded(_ object: UnsafeMutablePointer<GMimeObject>, type: String) {
    let declared = AttachmentNaming.cleaned(
      (g_mime_object_get_content_disposition_parameter(object, "filename")
        ?? g_mime_object_get_content_type_parameter(object, "name")).map { String(cString: $0) })
    guard let message = g_mime_message_part_get_message(cgmime_as_message_part(object)) else {
      addAttachment(object, type: type, filename: declared, disposition: "attachment", container: nil, data: [])
      return
    }
    var name = declared
    if messageDepth < Self.maximumMessageDepth {
      let nested = MessageReader.read(message, options: options, bodies: true, depth: messageDepth + 1)
      nestedMessages.append(nested)
      name = name ?? AttachmentNaming.forwarded(subject: nested.subject, ordinal: attachments.count + 1)
    }
    addAttachment(object, type: type, filename: name, disposition: "attachment", container: nil,
                  data: StreamBytes.serialised(cgmime_as_object(message)))
  }

  /// Appends an attachment for `object`, naming it when the message did not.
  private mutating func addAttachment(
    _ object: UnsafeMutablePointer<GMimeObject>, type: String, filename: String?, disposition: String?,
    container: String?, data: [UInt8]
  ) {
    let contentID = PartInfo.contentID(of: object)
    let name = filename ?? AttachmentNaming.generated(ordinal: attachments.count + 1, contentType: type)
    let isInline = disposition == "inline"
      || (disposition == nil && (contentID != nil || container == "multipart/related"))
    attachments.append(
      MessageAttachment(
        filename: name, contentType: AttachmentNaming.refinedType(type, filename: name),
        isInline: isInline, contentID: contentID, data: data))
  }

  /// The text of a text part in UTF-8.
  private mutating func text(of part: UnsafeMutablePointer<GMimePart>, object: UnsafeMutablePointer<GMimeObject>) -> String {
    let charset = g_mime_object_get_content_type_parameter(object, "charset").map { String(cString: $0) }
    let decoded = TextDecoder.decoded(StreamBytes.decodedContent(of: part), charset: charset, options: options)
    if decoded.isGuess { hasGuessedText = true }
    return decoded.text
  }
}
