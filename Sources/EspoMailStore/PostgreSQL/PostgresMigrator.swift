import EspoMailCore

/// Brings a PostgreSQL database to this espomail's schema: creates it in an empty database
/// (`init`), refuses a database holding anything else, and applies pending migrations under the
/// writers' lock so that hosts upgrading at once apply each migration once.
struct PostgresMigrator {
  /// A connection outside any transaction.
  let connection: PostgresConnection
  /// The store as shown in messages (password redacted).
  let location: String

  /// Creates the schema (`creating`) or checks and migrates an existing one.
  func prepare(creating: Bool) throws {
    let hasStore = try connection.value(
      Bool.self, "SELECT to_regclass(?) IS NOT NULL", [PostgresSchema.migrationTable]) ?? false
    if creating {
      if hasStore {
        throw EspoMailError(.dataError, "a store already exists at \(location)", hint: "use it, or choose another --store")
      }
      let tables = try connection.value(
        Int64.self,
        """
        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
        """) ?? 0
      if tables > 0 {
        throw EspoMailError.configuration(
          "the database at \(location) holds \(tables) tables that are not an espomail store; nothing was changed",
          hint: "create an empty database for espomail (createdb espomail) and point --store at it")
      }
    } else if !hasStore {
      throw EspoMailError.configuration(
        "no store in the database at \(location)",
        hint: "create one with 'espomail init', or point --store or ESPOMAIL_STORE at it")
    } else if try applied() == PostgresSchema.migrations.map(\.name) {
      // Up to date, the common case: no need to wait for the writers' lock.
      return
    }
    try connection.inTransaction(writing: true) {
      if creating {
        try connection.execute(
          "CREATE TABLE \(PostgresSchema.migrationTable) (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
      }
      let applied = try applied()
      let known = PostgresSchema.migrations.map(\.name)
      if let unknown = applied.first(where: { !known.contains($0) }) {
        throw EspoMailError.configuration(
          "the store at \(location) was written by a newer espomail (migration \(unknown))",
          hint: "upgrade espomail; this binary knows schema up to \(known.last ?? "")")
      }
      for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
        if !migration.sql.isEmpty { try connection.executeScript(migration.sql) }
        try connection.execute(
          "INSERT INTO \(PostgresSchema.migrationTable)(name, applied_at) VALUES (?, ?)",
          [migration.name, Transaction.now])
      }
    }
  }

  /// The names of the applied migrations, oldest first.
  func applied() throws -> [String] {
    try connection.values(String.self, "SELECT name FROM \(PostgresSchema.migrationTable) ORDER BY name")
  }
}
