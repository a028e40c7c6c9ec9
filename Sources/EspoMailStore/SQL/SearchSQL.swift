/// An engine's full-text search over emails' subjects, plain bodies and addresses: the one place
/// the two engines' SQL differs (SQLite's FTS5, PostgreSQL's `tsvector`). Both find the emails
/// holding every word searched for, case and accents aside.
struct SearchSQL: Sendable {
  /// Stores an email's words: parameters as `indexArguments` makes them.
  let index: String
  /// The parameters of `index` for an email's id, subject, plain body and addresses.
  let indexArguments: @Sendable (_ id: Int64, _ subject: String, _ body: String, _ addresses: String) -> SQLArguments
  /// A condition on `e.id` with one parameter, the search argument.
  let condition: String
  /// The argument for `condition` from what the user typed.
  let argument: @Sendable (String) -> String

  /// SQLite: FTS5 with `unicode61 remove_diacritics 2`; each word quoted so user text cannot
  /// inject FTS5 syntax.
  static let sqlite = SearchSQL(
    index: "INSERT INTO email_search(rowid, subject, body, addresses) VALUES (?, ?, ?, ?)",
    indexArguments: { id, subject, body, addresses in [id, subject, body, addresses] },
    condition: "e.id IN (SELECT rowid FROM email_search WHERE email_search MATCH ?)",
    argument: { text in
      text.split(whereSeparator: { $0.isWhitespace }).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        .joined(separator: " ")
    })

  /// PostgreSQL: a `tsvector` of the email's distinct words with a GIN index, matched by a
  /// `tsquery` asking for every word searched for. Both are made by `SearchWords`, which splits at
  /// every character that is not a letter or digit, as FTS5's `unicode61` splits, so that
  /// `jane@acme.example` is the words jane, acme and example on both engines (PostgreSQL's own
  /// parser would keep an address or a URL whole), and user text is only ever words.
  static let postgresql = SearchSQL(
    index: "INSERT INTO email_search(email_id, document) VALUES (?, CAST(? AS tsvector))",
    indexArguments: { id, subject, body, addresses in [id, SearchWords.document([subject, body, addresses])] },
    condition: "e.id IN (SELECT email_id FROM email_search WHERE document @@ CAST(? AS tsquery))",
    argument: { SearchWords.query($0) ?? "" })
}

extension StoreEngine {
  /// The engine's full-text search SQL.
  var search: SearchSQL {
    switch self {
    case .sqlite: .sqlite
    case .postgresql: .postgresql
    }
  }
}
