/// Message-IDs espomail gives its outgoing mail. They carry the parent record, so a reply that
/// quotes one in References threads back to that record (Docs/architecture.md, "Linking, cases and filters"):
/// `<espomail.TYPE.ID.UNIXTIME.RANDOM@DOMAIN>`, or `<espomail.UNIXTIME.RANDOM@DOMAIN>` without parent.
public enum OwnMessageID {
  /// The domain for a sender's Message-IDs: the part of `address` after `@`.
  public static func domain(of address: String) -> String {
    address.split(separator: "@").last.map(String.init) ?? "espomail.invalid"
  }

  /// A new id for outgoing mail.
  public static func make(parent: RecordReference?, unixTime: Int64, random: String, domain: String) -> String {
    let record = parent.map { "\($0.type.rawValue).\($0.id)." } ?? ""
    return "<espomail.\(record)\(unixTime).\(random)@\(domain)>"
  }

  /// The parent encoded in one of our ids, or nil for any other id. Ids claiming a time after
  /// `now` are ignored (forged or broken).
  public static func parent(in messageID: String, now unixTime: Int64) -> RecordReference? {
    var text = Substring(messageID.trimmingWhitespace())
    if text.hasPrefix("<") { text = text.dropFirst() }
    if text.hasSuffix(">") { text = text.dropLast() }
    guard let at = text.firstIndex(of: "@") else { return nil }
    let parts = text[..<at].split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 5, parts[0] == "espomail", let type = RecordType(rawValue: String(parts[1])),
      RecordType.parentTypes.contains(type), let id = Int64(parts[2]), id > 0, let time = Int64(parts[3]),
      time <= unixTime
    else { return nil }
    return RecordReference(type, id)
  }
}
