/// Keys a transaction looked up ahead and found absent from the store: Message-IDs no email
/// has, Message-IDs no email awaits, and addresses no contact, account or lead holds. A lookup
/// of such a key is answered without a query; the store's own writes that could make one present
/// (an email inserted, a reference awaited, an address attached) take it out first, and a key
/// never looked up ahead is always queried. Shared by the copies of one transaction.
final class AbsentKeys {
  /// Message-IDs no stored email has.
  var messageIDs: Set<String> = []
  /// Message-IDs no stored email awaits (`awaited_reference`).
  var awaitedMessageIDs: Set<String> = []
  /// Lower-cased addresses that no contact, account or lead holds.
  var holderlessAddresses: Set<String> = []
}

extension Transaction {
  /// At most this many keys go in one look-ahead query: far below both engines' limits on
  /// parameters, and a plan the server makes quickly.
  private static let lookAheadBatch = 512

  /// Looks up, in a few queries, what importing a batch of messages would otherwise ask one
  /// message at a time, each answer a round trip on PostgreSQL that the pipeline must wait for
  /// (Docs/performance.md, "First sync into PostgreSQL"): which of `messageIDs` (the messages'
  /// own, their In-Reply-To and References) are stored or awaited, and which of `addresses` a
  /// contact, account or lead holds. Only absence is remembered; the rest is queried as before.
  public func lookAhead(messageIDs: Set<String>, addresses: Set<String>) throws {
    let ids = messageIDs.subtracting(absent.messageIDs)
    var stored: Set<String> = []
    var awaited: Set<String> = []
    for batch in Array(ids).chunked(Self.lookAheadBatch) {
      let (list, arguments) = Self.inList(batch)
      stored.formUnion(try db.values(String.self, "SELECT DISTINCT message_id FROM email WHERE message_id IN (\(list))", arguments))
      awaited.formUnion(
        try db.values(String.self, "SELECT DISTINCT message_id FROM awaited_reference WHERE message_id IN (\(list))", arguments))
    }
    absent.messageIDs.formUnion(ids.subtracting(stored))
    absent.awaitedMessageIDs.formUnion(ids.subtracting(awaited))
    let lowered = Set(addresses.map { $0.lowercased() }).subtracting(absent.holderlessAddresses)
    var held: Set<String> = []
    for batch in Array(lowered).chunked(Self.lookAheadBatch) {
      held.formUnion(
        try db.values(
          String.self,
          """
          SELECT DISTINCT a.lower FROM email_address a JOIN entity_email_address l ON l.email_address_id = a.id
          WHERE a.lower IN (\(Self.inList(batch).list)) AND l.entity_type IN ('contact', 'account', 'lead')
          """, Self.inList(batch).arguments))
    }
    absent.holderlessAddresses.formUnion(lowered.subtracting(held))
  }

  /// Placeholders and arguments for `keys` as an `IN (…)` list, its length rounded up to a power
  /// of two by repeating the last key, so that a connection prepares a handful of statements
  /// rather than one per length.
  private static func inList(_ keys: [String]) -> (list: String, arguments: SQLArguments) {
    var length = 8
    while length < keys.count { length *= 2 }
    let padded = keys + Array(repeating: keys.last ?? "", count: length - keys.count)
    return (SQLArguments.placeholders(length), SQLArguments(padded.map { .text($0) }))
  }
}

extension Array {
  /// The array cut into pieces of at most `size` elements.
  public func chunked(_ size: Int) -> [[Element]] {
    stride(from: 0, to: count, by: Swift.max(1, size)).map { Array(self[$0..<Swift.min($0 + size, count)]) }
  }
}
