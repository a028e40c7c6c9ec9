/// A plain row insert, `INSERT INTO table(columns) VALUES (tuple)` with nothing after it or
/// `ON CONFLICT DO NOTHING`, whose placeholders are all bare `?`: the statement that can take
/// several rows at once by repeating its tuple.
struct PostgresInsertShape: Hashable {
  /// The table the rows go into.
  let table: String
  /// Everything up to and including `VALUES `.
  private let head: Substring
  /// The parenthesised tuple of one row.
  private let tuple: Substring
  /// What follows the tuple: nothing, or ` ON CONFLICT DO NOTHING`.
  private let tail: Substring

  /// The shape of `sql`, or nil when it is not a plain row insert.
  init?(_ sql: String) {
    // Without quotes (refused below) runs of white space can become single spaces.
    let text = Substring(sql.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    guard text.hasPrefix("INSERT INTO "), let values = text.range(of: ") VALUES (") else { return nil }
    // Numbered placeholders (`?2`) would point into the first row's values.
    guard !zip(text, text.dropFirst()).contains(where: { $0 == "?" && $1.isNumber }) else { return nil }
    let name = text[text.index(text.startIndex, offsetBy: 12)...].prefix { $0 != "(" && $0 != " " }
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
    // The tuple ends at the parenthesis closing the one VALUES opens; quotes are not expected.
    var depth = 0
    var end: String.Index?
    for index in text[text.index(before: values.upperBound)...].indices {
      switch text[index] {
      case "'", "\"": return nil
      case "(": depth += 1
      case ")":
        depth -= 1
        if depth == 0 { end = index }
      default: break
      }
      if end != nil { break }
    }
    guard let end else { return nil }
    let tail = text[text.index(after: end)...]
    guard tail.isEmpty || tail == " ON CONFLICT DO NOTHING" else { return nil }
    table = String(name)
    head = text[..<text.index(before: values.upperBound)]
    tuple = text[text.index(before: values.upperBound)...end]
    self.tail = tail
  }

  /// The statement inserting `rows` rows.
  func sql(rows: Int) -> String {
    head + repeatElement(tuple, count: rows).joined(separator: ", ") + tail
  }
}

/// Row inserts sent unanswered and held back, so that the rows of one shape reach the server
/// together, several in one statement: on PostgreSQL a statement costs far more than a row
/// (Docs/performance.md, "First sync into PostgreSQL"). Rows of one table keep their order, and
/// the rows of a table go after those of every table it refers to (`parents`), so every foreign
/// key finds its row as it would one statement at a time, whatever order the tables came in.
struct PostgresHeldInserts {
  /// The rows held for one shape.
  private struct Group {
    let shape: PostgresInsertShape
    var rows: [SQLArguments]
  }

  /// At most this many rows go in one statement; fewer go as the largest powers of two that fit,
  /// so a connection prepares a handful of statements per shape.
  static let rowsPerStatement = 64
  /// Past this many rows held, they are sent.
  static let rowLimit = 2048

  /// The tables each table refers to by a foreign key.
  let parents: [String: Set<String>]
  /// The groups in the order they go: each after the groups of the tables it refers to.
  private var groups: [Group] = []
  /// How many rows are held.
  private(set) var rowCount = 0

  /// An empty hold for a schema whose tables refer to `parents`.
  init(parents: [String: Set<String>]) { self.parents = parents }

  /// Holds a row of `shape`; false when it cannot wait with what is held (its table has rows held
  /// in another shape, or its table and held ones refer to each other in a circle), in which
  /// case what is held must be sent first.
  mutating func hold(_ shape: PostgresInsertShape, _ arguments: SQLArguments) -> Bool {
    if let index = groups.firstIndex(where: { $0.shape == shape }) {
      groups[index].rows.append(arguments)
    } else {
      guard !groups.contains(where: { $0.shape.table == shape.table }),
        let place = place(for: shape.table)
      else { return false }
      groups.insert(Group(shape: shape, rows: [arguments]), at: place)
    }
    rowCount += 1
    return true
  }

  /// Where a new group of `table` goes: right after the last held group of a table it refers to
  /// (each group sits as early as its parents allow), provided that is not after the first group
  /// of a table referring to it; nil otherwise.
  private func place(for table: String) -> Int? {
    let referred = parents[table] ?? []
    let after = groups.lastIndex { referred.contains($0.shape.table) }.map { $0 + 1 } ?? 0
    let before = groups.firstIndex { parents[$0.shape.table]?.contains(table) == true } ?? groups.count
    return after <= before ? after : nil
  }

  /// The held rows as statements of up to `rowsPerStatement` rows each, in order; the hold is
  /// empty afterwards.
  mutating func take() -> [(sql: String, arguments: SQLArguments)] {
    defer { discard() }
    var statements: [(sql: String, arguments: SQLArguments)] = []
    for group in groups {
      var rows = group.rows[...]
      while !rows.isEmpty {
        var size = Self.rowsPerStatement
        while size > rows.count { size /= 2 }
        statements.append((group.shape.sql(rows: size), SQLArguments(rows.prefix(size).flatMap(\.values))))
        rows = rows.dropFirst(size)
      }
    }
    return statements
  }

  /// Drops what is held (its transaction or savepoint is being rolled back).
  mutating func discard() {
    groups = []
    rowCount = 0
  }
}
