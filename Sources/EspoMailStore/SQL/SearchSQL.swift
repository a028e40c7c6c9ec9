/// An engine's full-text search over emails' words (`SearchDocument`): the one place the two
/// engines' SQL differs (SQLite's FTS5, PostgreSQL's `tsvector`). Both hold each email's distinct
/// words as `SearchDocument` makes them and find the emails holding every word searched for, so
/// they find the same emails.
struct SearchSQL: Sendable {
  /// Stores an email's words: parameters as `indexArguments` makes them.
  let index: String
  /// The parameters of `index` for an email's id and words.
  let indexArguments: @Sendable (_ id: Int64, _ document: SearchDocument) -> SQLArguments
  /// A condition on `e.id` with one parameter, the search argument.
  let condition: String
  /// The argument for `condition` from what the user typed.
  let argument: @Sendable (String) -> String

  /// SQLite: FTS5 holding the words separated by spaces, split again by its `ascii` tokenizer
  /// (which keeps every non-ASCII character inside a word), with no positions (`detail=none`):
  /// searches ask for words, not phrases. Words hold letters and digits only, so quoting them
  /// leaves no room for FTS5 syntax; a search without words is `""`, which matches nothing.
  static let sqlite = SearchSQL(
    index: "INSERT INTO email_search(rowid, words) VALUES (?, ?)",
    indexArguments: { id, document in [id, document] },
    condition: "e.id IN (SELECT rowid FROM email_search WHERE email_search MATCH ?)",
    argument: { text in
      let words = SearchWords.words(text)
      return words.isEmpty ? "\"\"" : words.map { "\"" + $0 + "\"" }.joined(separator: " ")
    })

  /// PostgreSQL: a `tsvector` of the words (no positions) with a GIN index, matched by a
  /// `tsquery` asking for every word searched for; the server does no text processing of its own
  /// (its parser would keep `jane@acme.example` or a URL whole). The words go in the `tsvector`'s
  /// binary form (`SQLValue.searchWords`), which the server takes without parsing. A search
  /// without words is the empty query, which matches nothing.
  static let postgresql = SearchSQL(
    index: "INSERT INTO email_search(email_id, document) VALUES (?, CAST(? AS tsvector))",
    indexArguments: { id, document in [id, document] },
    condition: "e.id IN (SELECT email_id FROM email_search WHERE document @@ CAST(? AS tsquery))",
    argument: { SearchWords.words($0).map(quoted).joined(separator: " & ") })

  /// A lexeme of a query in quotes. Words hold letters and digits only, so nothing needs escaping.
  private static func quoted(_ word: Substring) -> String { "'" + word + "'" }
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
