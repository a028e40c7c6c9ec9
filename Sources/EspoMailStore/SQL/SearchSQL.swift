/// An engine's full-text search over emails' subjects, plain bodies and addresses: the one place
/// the two engines' SQL differs (SQLite's FTS5, PostgreSQL's `tsvector`). Both find the emails
/// holding every word searched for, case and accents aside.
struct SearchSQL: Sendable {
  /// Stores an email's words: parameters email id, subject, body, addresses.
  let index: String
  /// A condition on `e.id` with one parameter, the search argument.
  let condition: String
  /// The argument for `condition` from what the user typed.
  let argument: @Sendable (String) -> String

  /// SQLite: FTS5 with `unicode61 remove_diacritics 2`; each word quoted so user text cannot
  /// inject FTS5 syntax.
  static let sqlite = SearchSQL(
    index: "INSERT INTO email_search(rowid, subject, body, addresses) VALUES (?, ?, ?, ?)",
    condition: "e.id IN (SELECT rowid FROM email_search WHERE email_search MATCH ?)",
    argument: { text in
      text.split(whereSeparator: { $0.isWhitespace }).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        .joined(separator: " ")
    })

  /// PostgreSQL: a `simple` (language-neutral) `tsvector` with a GIN index, matched by
  /// `plainto_tsquery`, which reads user text as words only. Both sides are unaccented and split at
  /// every character that is not a letter or digit first, as FTS5's `unicode61` splits, so that
  /// `jane@acme.example` is the words jane, acme and example on both engines (PostgreSQL's own
  /// parser would keep an address or a URL whole).
  static let postgresql = SearchSQL(
    index: """
      INSERT INTO email_search(email_id, document)
      VALUES (?1, to_tsvector('simple', regexp_replace(
        unaccent(CAST(?2 AS TEXT) || ' ' || CAST(?3 AS TEXT) || ' ' || CAST(?4 AS TEXT)), '[^[:alnum:]]+', ' ', 'g')))
      """,
    condition: """
      e.id IN (SELECT email_id FROM email_search WHERE document @@ plainto_tsquery('simple',
        regexp_replace(unaccent(CAST(? AS TEXT)), '[^[:alnum:]]+', ' ', 'g')))
      """,
    argument: { $0 })
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
