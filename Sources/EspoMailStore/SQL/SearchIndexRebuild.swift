import EspoMailCore

/// Indexes stored emails for search from their stored subject, plain body and parties, as their
/// import indexed them: a copied store's index, and an SQLite store's after migration 0017 changed
/// what its index holds (Docs/store-schema.md).
enum SearchIndexRebuild {
  /// Emails read and indexed at a time.
  static let pageRows = 500

  /// Indexes every email in `connection`, whose search index holds none of them yet, calling
  /// `progress` after each page with the emails done and their total. Returns the total.
  @discardableResult
  static func run(_ connection: any SQLConnection, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> Int {
    let total = try connection.value(Int.self, "SELECT count(*) FROM email") ?? 0
    let kinds = ["from", "to", "cc", "bcc", "reply-to"]
    let search = connection.engine.search
    var after: Int64 = 0
    var done = 0
    while true {
      let emails = try connection.rows(
        "SELECT id, subject, body_plain FROM email WHERE id > ? ORDER BY id LIMIT \(pageRows)", [after])
      guard let last = emails.last else { break }
      let ids = emails.map { $0["id"] as Int64 }
      var parties: [Int64: [(kind: Int, position: Int64, party: EmailParty)]] = [:]
      for row in try connection.rows(
        """
        SELECT r.email_id, r.kind, r.position, r.display_name, a.address FROM email_recipient r
        JOIN email_address a ON a.id = r.email_address_id WHERE r.email_id IN (\(SQLArguments.placeholders(ids.count)))
        """, SQLArguments(ids.map(SQLValue.integer)))
      {
        parties[row["email_id"], default: []].append(
          (kinds.firstIndex(of: row["kind"]) ?? kinds.count, row["position"], EmailParty(name: row["display_name"], address: row["address"])))
      }
      for email in emails {
        let id: Int64 = email["id"]
        let ordered = (parties[id] ?? []).sorted { ($0.kind, $0.position) < ($1.kind, $1.position) }.map(\.party)
        let document = SearchDocument(subject: email["subject"], body: email["body_plain"], parties: ordered)
        try connection.executeUnanswered(search.index, search.indexArguments(id, document))
      }
      done += emails.count
      after = last["id"]
      progress(done, total)
    }
    return total
  }
}
