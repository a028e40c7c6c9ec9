internal import CGMime
import EspoMailCore
import Foundation

/// Makes the leaf MIME parts of an outgoing message through GMime. Every function returns a new
/// object holding one reference, which the caller hands on and then releases.
enum ComposerParts {
  /// A `text/<subtype>; charset=utf-8` part with the encoding GMime finds best for 7-bit transport
  /// (7bit, quoted-printable or base64). Line ends become LF here and CRLF when written.
  static func text(_ text: String, subtype: String) throws -> UnsafeMutablePointer<GMimeObject> {
    guard let part = g_mime_text_part_new_with_subtype(subtype) else { throw outOfMemory }
    let object = cgmime_as_object(part)
    do {
      g_mime_object_set_content_type_parameter(object, "charset", "utf-8")
      try setContent(cgmime_as_part(part), Array(unixLines(text).utf8))
      let best = g_mime_part_get_best_content_encoding(cgmime_as_part(part), GMIME_ENCODING_CONSTRAINT_7BIT)
      g_mime_part_set_content_encoding(cgmime_as_part(part), best)
    } catch {
      cgmime_unref(part)
      throw error
    }
    guard let object else { throw outOfMemory }
    return object
  }

  /// An attachment part: the given content type, `Content-Disposition: attachment` with the file
  /// name (RFC 2231, UTF-8, when not ASCII), base64 content.
  static func attachment(_ attachment: OutgoingAttachment) throws -> UnsafeMutablePointer<GMimeObject> {
    guard let part = g_mime_part_new(), let object = cgmime_as_object(part) else { throw outOfMemory }
    do {
      guard let contentType = g_mime_content_type_parse(nil, attachment.contentType) else { throw outOfMemory }
      defer { cgmime_unref(contentType) }
      g_mime_object_set_content_type(object, contentType)
      g_mime_part_set_filename(part, attachment.filename)
      let disposition = g_mime_object_get_content_disposition(object)
      preferUTF8(name: "filename", in: disposition.flatMap { g_mime_content_disposition_get_parameters($0) })
      preferUTF8(name: "name", in: g_mime_content_type_get_parameters(contentType))
      try setContent(part, attachment.data)
      g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64)
    } catch {
      cgmime_unref(part)
      throw error
    }
    return object
  }

  /// A `multipart/<subtype>` holding `children` in order.
  static func multipart(_ subtype: String, _ children: [UnsafeMutablePointer<GMimeObject>]) throws
    -> UnsafeMutablePointer<GMimeObject>
  {
    guard let multipart = g_mime_multipart_new_with_subtype(subtype), let object = cgmime_as_object(multipart)
    else { throw outOfMemory }
    for child in children { g_mime_multipart_add(multipart, child) }
    return object
  }

  /// Gives `part` a copy of `bytes` as its content.
  private static func setContent(_ part: UnsafeMutablePointer<GMimePart>?, _ bytes: [UInt8]) throws {
    let stream = bytes.withUnsafeBufferPointer { buffer -> UnsafeMutablePointer<GMimeStream>? in
      guard let base = buffer.baseAddress else { return g_mime_stream_mem_new() }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        g_mime_stream_mem_new_with_buffer($0, buffer.count)
      }
    }
    guard let stream else { throw outOfMemory }
    defer { cgmime_unref(stream) }
    guard let wrapper = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT) else {
      throw outOfMemory
    }
    defer { cgmime_unref(wrapper) }
    g_mime_part_set_content(part, wrapper)
  }

  /// Makes GMime encode the parameter `name` (RFC 2231) as UTF-8 rather than the narrowest charset.
  private static func preferUTF8(name: String, in list: UnsafeMutablePointer<GMimeParamList>?) {
    guard let list, let parameter = g_mime_param_list_get_parameter(list, name) else { return }
    g_mime_param_set_charset(parameter, "utf-8")
  }

  /// `text` with CRLF and CR line ends turned into LF, ending with a line break.
  static func unixLines(_ text: String) -> String {
    var result = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    if !result.hasSuffix("\n") { result += "\n" }
    return result
  }

  /// The error when GMime cannot allocate an object.
  static let outOfMemory = EspoMailError(.internalError, "cannot compose message: GMime is out of memory")
}
