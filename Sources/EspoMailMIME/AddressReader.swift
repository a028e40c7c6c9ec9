internal import CGMime

/// Turns GMime address lists into `MailAddress` values: groups flattened, names decoded,
/// addresses trimmed, anything that is not `local@domain` skipped.
enum AddressReader {
  /// The mailboxes of one address header of `message`.
  static func addresses(
    _ type: GMimeAddressType, of message: UnsafeMutablePointer<GMimeMessage>
  ) -> [MailAddress] {
    guard let list = g_mime_message_get_addresses(message, type) else { return [] }
    return mailboxes(in: list, depth: 0)
  }

  /// The From mailboxes of `message`. When none is valid (a bounce's `MAILER-DAEMON`, a quoted
  /// local part with spaces, a missing `@`), the first one with an address that can be recovered,
  /// else the field's text as the display name with an empty address: the sender is never blank.
  static func from(of message: UnsafeMutablePointer<GMimeMessage>, fieldText: String?) -> [MailAddress] {
    let valid = addresses(GMIME_ADDRESS_TYPE_FROM, of: message)
    guard valid.isEmpty else { return valid }
    if let list = g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_FROM) {
      for index in 0..<max(internet_address_list_length(list), 0) {
        guard let entry = internet_address_list_get_address(list, index), cgmime_is_address_mailbox(entry) != 0,
          let rawAddress = internet_address_mailbox_get_addr(cgmime_as_address_mailbox(entry)),
          let address = AddressRecovery.recovered(String(cString: rawAddress))
        else { continue }
        return [MailAddress(name: internet_address_get_name(entry).map { String(cString: $0) }, address: address)]
      }
    }
    let text = HeaderReader.trimmed(fieldText ?? "")
    guard !text.isEmpty else { return [] }
    if let mailbox = AddressRecovery.mailbox(text) { return [MailAddress(name: mailbox.name, address: mailbox.address)] }
    return [MailAddress(name: String(text.prefix(200)), address: "")]
  }

  /// The Sender mailbox of `message`, if it has a valid one.
  static func sender(of message: UnsafeMutablePointer<GMimeMessage>) -> MailAddress? {
    guard let list = g_mime_message_get_sender(message) else { return nil }
    return mailboxes(in: list, depth: 0).first
  }

  /// Every valid mailbox in `list`, descending into groups (to a fixed depth).
  private static func mailboxes(in list: UnsafeMutablePointer<InternetAddressList>, depth: Int) -> [MailAddress] {
    var result: [MailAddress] = []
    for index in 0..<max(internet_address_list_length(list), 0) {
      guard let entry = internet_address_list_get_address(list, index) else { continue }
      if cgmime_is_address_group(entry) != 0 {
        guard depth < 4, let members = internet_address_group_get_members(cgmime_as_address_group(entry))
        else { continue }
        result += mailboxes(in: members, depth: depth + 1)
      } else if cgmime_is_address_mailbox(entry) != 0,
        let rawAddress = internet_address_mailbox_get_addr(cgmime_as_address_mailbox(entry))
      {
        let address = HeaderReader.trimmed(String(cString: rawAddress))
        guard isValid(address) else { continue }
        let name = internet_address_get_name(entry).map { String(cString: $0) }
        result.append(MailAddress(name: name, address: address))
      }
    }
    return result
  }

  /// True for `local@domain` with both parts present and no white space or control characters.
  static func isValid(_ address: String) -> Bool {
    guard let at = address.lastIndex(of: "@") else { return false }
    let local = address[..<at]
    let domain = address[address.index(after: at)...]
    guard !local.isEmpty, !domain.isEmpty, !domain.hasPrefix("."), !domain.hasSuffix(".") else {
      return false
    }
    return !address.unicodeScalars.contains { HeaderReader.isSpace($0) || $0.value < 0x20 || $0.value == 0x7F }
  }
}
