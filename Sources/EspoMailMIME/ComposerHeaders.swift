internal import CGMime
import Foundation

/// Writes the header fields of an outgoing message onto a GMime message, in the usual order:
/// Date, From, Reply-To, To, Cc, Subject, Message-ID, In-Reply-To, References, then the extra
/// headers. GMime encodes non-ASCII text (RFC 2047, UTF-8) and folds long lines when writing.
enum ComposerHeaders {
  /// Sets every header of `outgoing` on `message`; the values were checked by `CompositionCheck`.
  static func write(_ outgoing: OutgoingMessage, to message: UnsafeMutablePointer<GMimeMessage>) {
    let object = cgmime_as_object(message)
    if let seconds = CompositionCheck.unixSeconds(outgoing.date),
      let date = g_date_time_new_from_unix_utc(gint64(seconds))
    {
      g_mime_message_set_date(message, date)
      g_date_time_unref(date)
    }
    add([outgoing.from], GMIME_ADDRESS_TYPE_FROM, to: message)
    add(outgoing.replyTo, GMIME_ADDRESS_TYPE_REPLY_TO, to: message)
    add(outgoing.to, GMIME_ADDRESS_TYPE_TO, to: message)
    add(outgoing.cc, GMIME_ADDRESS_TYPE_CC, to: message)
    g_mime_message_set_subject(message, outgoing.subject, "utf-8")
    // Set as raw header values, so the ids keep exactly the form they were given in.
    g_mime_object_set_header(object, "Message-ID", outgoing.messageID, nil)
    if let inReplyTo = outgoing.inReplyTo { g_mime_object_set_header(object, "In-Reply-To", inReplyTo, nil) }
    if !outgoing.references.isEmpty {
      g_mime_object_set_header(object, "References", outgoing.references.joined(separator: " "), nil)
    }
    for header in outgoing.extraHeaders {
      g_mime_object_append_header(object, header.name, header.value, "utf-8")
    }
  }

  /// Adds mailboxes to one address header; names are encoded as UTF-8 when not ASCII.
  private static func add(
    _ addresses: [MailAddress], _ type: GMimeAddressType, to message: UnsafeMutablePointer<GMimeMessage>
  ) {
    guard !addresses.isEmpty, let list = g_mime_message_get_addresses(message, type) else { return }
    for address in addresses {
      guard let mailbox = internet_address_mailbox_new(address.name, address.address) else { continue }
      internet_address_set_charset(mailbox, "utf-8")
      _ = internet_address_list_add(list, mailbox)
      cgmime_unref(mailbox)
    }
  }
}
