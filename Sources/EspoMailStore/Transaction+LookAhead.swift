import EspoMailCore

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

/// The ids of addresses a transaction looked up ahead (`lookAhead`), by lower-cased address: those
/// stored before, and on PostgreSQL those it stored then. An address row is never removed, so an id
/// once known stays right for the transaction. Shared by the copies of one transaction.
final class KnownAddressIDs {
  /// Ids by lower-cased address.
  var byLower: [String: Int64] = [:]
}

extension Transaction {
  /// At most this many keys go in one look-ahead query: far below both engines' limits on
  /// parameters, and a plan the server makes quickly.
  private static let lookAheadBatch = 512

  /// Looks up, in a few queries, what importing a batch of messages would otherwise ask one
  /// message at a time, each answer a round trip on PostgreSQL that the pipeline must wait for
  /// (Docs/performance.md, "First sync into PostgreSQL"): which of `messageIDs` (the messages'
  /// own, their In-Reply-To and References) are stored or awaited, which of `addresses` a
  /// contact, account or lead holds, and the ids of `parties` (the addresses the messages' senders
  /// and recipients will be stored under). Only absence and ids are remembered; the rest is
  /// queried as before. Parties need a write transaction, outside any savepoint.
  public func lookAhead(messageIDs: Set<String>, addresses: Set<String>, parties: [String] = []) throws {
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
    try lookUpAddressIDs(parties)
  }

  /// Finds the ids of the stored ones among `parties`; on PostgreSQL stores the others, in one
  /// statement a batch, so that the inserts naming them need not find or make them one by one (a
  /// function call each). SQLite stores each as it comes, which costs it no more.
  private func lookUpAddressIDs(_ parties: [String]) throws {
    var wanted: [String: EmailAddress] = [:]
    for party in parties {
      guard let address = try? EmailAddress(party), addressIDs.byLower[address.lower] == nil else { continue }
      wanted[address.lower] = wanted[address.lower] ?? address
    }
    for batch in Array(wanted.keys).chunked(Self.lookAheadBatch) {
      let (list, arguments) = Self.inList(batch)
      for row in try db.rows("SELECT lower, id FROM email_address WHERE lower IN (\(list))", arguments) {
        addressIDs.byLower[row["lower"]] = row["id"] as Int64
      }
    }
    guard db.engine == .postgresql else { return }
    let missing = wanted.values.filter { addressIDs.byLower[$0.lower] == nil }
    for batch in missing.chunked(Self.lookAheadBatch) {
      let padded = Self.padded(batch)
      let rows = try db.rows(
        """
        SELECT v.l AS lower, espomail_address_id(v.a, v.l) AS id
        FROM (VALUES \(Array(repeating: "(?, ?)", count: padded.count).joined(separator: ", "))) AS v(a, l)
        """, SQLArguments(padded.flatMap { [SQLValue.text($0.value), .text($0.lower)] }))
      for row in rows { addressIDs.byLower[row["lower"]] = row["id"] as Int64 }
    }
  }

  /// Placeholders and arguments for `keys` as an `IN (…)` list, its length rounded up to a power
  /// of two by repeating the last key, so that a connection prepares a handful of statements
  /// rather than one per length.
  private static func inList(_ keys: [String]) -> (list: String, arguments: SQLArguments) {
    let padded = padded(keys)
    return (SQLArguments.placeholders(padded.count), SQLArguments(padded.map { .text($0) }))
  }

  /// `items` (not empty) with the last repeated up to a power of two, at least 8.
  private static func padded<Item>(_ items: [Item]) -> [Item] {
    var length = 8
    while length < items.count { length *= 2 }
    return items + Array(repeating: items[items.count - 1], count: length - items.count)
  }
}

extension Array {
  /// The array cut into pieces of at most `size` elements.
  public func chunked(_ size: Int) -> [[Element]] {
    stride(from: 0, to: count, by: Swift.max(1, size)).map { Array(self[$0..<Swift.min($0 + size, count)]) }
  }
}
