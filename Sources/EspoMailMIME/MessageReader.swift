internal import CGMime

/// Builds a `ParsedMessage` from a GMime message: header fields, addresses, dates, ids and
/// (optionally) the MIME tree.
enum MessageReader {
  /// Reads `message`; with `bodies` false only the header fields are read.
  static func read(
    _ message: UnsafeMutablePointer<GMimeMessage>, options: OpaquePointer,
    bodies: Bool, depth: Int
  ) -> ParsedMessage {
    let fields = HeaderReader.fields(of: message)
    /// The first value of the field `name`.
    func field(_ name: String) -> String? {
      fields.first { HeaderReader.sameName($0.name, name) }?.value
    }
    var walker = PartWalker(options: options, messageDepth: depth)
    if bodies, let root = g_mime_message_get_mime_part(message) {
      walker.visit(root, container: nil, level: 0)
    }
    var parsed = ParsedMessage(
      messageID: MessageIDReader.messageID(field("Message-ID")),
      subject: g_mime_message_get_subject(message).map { HeaderReader.trimmed(String(cString: $0)) } ?? "",
      from: AddressReader.from(of: message, fieldText: field("From")),
      sender: AddressReader.sender(of: message),
      replyTo: AddressReader.addresses(GMIME_ADDRESS_TYPE_REPLY_TO, of: message),
      to: AddressReader.addresses(GMIME_ADDRESS_TYPE_TO, of: message),
      cc: AddressReader.addresses(GMIME_ADDRESS_TYPE_CC, of: message),
      bcc: AddressReader.addresses(GMIME_ADDRESS_TYPE_BCC, of: message),
      date: DateReader.date(field("Date")),
      deliveryDate: DateReader.date(field("Delivery-Date")),
      inReplyTo: MessageIDReader.ids(field("In-Reply-To")).first,
      references: MessageIDReader.ids(field("References")),
      headers: fields,
      textBody: walker.texts.isEmpty ? nil : walker.texts.joined(separator: "\n"),
      htmlBody: walker.htmls.isEmpty ? nil : walker.htmls.joined(separator: "<br>"),
      calendar: walker.calendar,
      attachments: walker.attachments,
      nestedMessages: walker.nestedMessages)
    if walker.hasGuessedText { parsed.malformations.append(.undecodableText) }
    return parsed
  }
}
