/// What a copy needs to know of a store's tables, asked of each engine's own catalog: the columns,
/// the primary key it pages by, and the identity column whose counter it carries over.
extension SQLConnection {
  /// A table's columns in order, each with whether it holds bytes (read in smaller pages).
  func columns(of table: String) throws -> [(name: String, holdsBytes: Bool)] {
    let rows =
      switch engine {
      case .sqlite:
        try rows("SELECT name, upper(type) = 'BLOB' AS bytes FROM pragma_table_info(?) ORDER BY cid", [table])
      case .postgresql:
        try rows(
          """
          SELECT column_name AS name, data_type = 'bytea' AS bytes FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
          """, [table])
      }
    return rows.map { (name: $0["name"], holdsBytes: $0["bytes"]) }
  }

  /// The columns of a table's primary key, in key order.
  func primaryKey(of table: String) throws -> [String] {
    switch engine {
    case .sqlite:
      try values(String.self, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [table])
    case .postgresql:
      try values(
        String.self,
        """
        SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary
        ORDER BY array_position(CAST(i.indkey AS smallint[]), a.attnum)
        """, [StoreCatalog.quoted(table)])
    }
  }

  /// The column the store numbers new rows by (SQLite's AUTOINCREMENT key, PostgreSQL's identity
  /// column), or nil when the table has none.
  func identityColumn(of table: String) throws -> String? {
    switch engine {
    case .sqlite:
      let definition = try value(String.self, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table])
      guard definition?.uppercased().contains("AUTOINCREMENT") == true else { return nil }
      let key = try primaryKey(of: table)
      return key.count == 1 ? key[0] : nil
    case .postgresql:
      return try value(
        String.self, "SELECT attname FROM pg_attribute WHERE attrelid = CAST(? AS regclass) AND attidentity <> ''",
        [StoreCatalog.quoted(table)])
    }
  }

  /// The highest number a table's identity column has handed out: its largest value, or more when
  /// rows were deleted since (SQLite's `sqlite_sequence`, PostgreSQL's sequence), so a copy never
  /// hands a deleted row's number out again.
  func identityHighWater(of table: String, column: String) throws -> Int64 {
    let largest = try value(Int64.self, "SELECT max(\(StoreCatalog.quoted(column))) FROM \(StoreCatalog.quoted(table))") ?? 0
    let counter: Int64? =
      switch engine {
      case .sqlite: try value(Int64.self, "SELECT seq FROM sqlite_sequence WHERE name = ?", [table])
      case .postgresql:
        try value(
          Int64.self, "SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence(?, ?) AS regclass))",
          [StoreCatalog.quoted(table), column])
      }
    return max(largest, counter ?? 0)
  }

  /// Makes a table's identity column hand out numbers above `highWater` from now on.
  func raiseIdentity(of table: String, column: String, above highWater: Int64) throws {
    guard highWater > 0 else { return }
    switch engine {
    case .sqlite:
      try execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
      try execute("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)", [table, highWater])
    case .postgresql:
      try execute("SELECT setval(pg_get_serial_sequence(?, ?), ?)", [StoreCatalog.quoted(table), column, highWater])
    }
  }
}

/// The store's tables as a copy walks them.
enum StoreCatalog {
  /// Every table of the schema, parents before children: the order PostgreSQL's schema creates
  /// them in, which foreign keys already force.
  static let tables: [String] = PostgresSchema.migrations.flatMap { migration in
    migration.sql.matches(of: /CREATE TABLE "?([a-z_]+)"?/).map { String($0.output.1) }
  }

  /// An identifier quoted for both engines (`"user"` is a keyword in PostgreSQL).
  static func quoted(_ identifier: String) -> String { "\"" + identifier + "\"" }
}
