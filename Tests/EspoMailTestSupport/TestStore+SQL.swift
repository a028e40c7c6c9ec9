import Foundation

@testable import EspoMailStore

extension TestStore {
  /// Runs one SQL statement on the store as it is, on either engine: for tests that recreate an
  /// older store's state (a column from before a migration) that no command would write.
  public func execute(_ sql: String) throws {
    try Store(openingAt: path, keyFile: keyFile).write { try $0.db.execute(sql) }
  }

  /// The first column of the first row of a query, as text.
  public func text(_ sql: String) throws -> String? {
    try Store(openingAt: path, keyFile: keyFile).read { try $0.db.value(String.self, sql) }
  }

  /// Everything the store holds at rest: the SQLite file and its WAL, or a dump of the PostgreSQL
  /// database; for tests that a secret never reaches the store in plain text.
  public func storedBytes() throws -> Data {
    switch Self.engine {
    case .sqlite:
      let wal = (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
      return try Data(contentsOf: URL(fileURLWithPath: path)) + wal
    case .postgresql:
      return Data(try PostgresServer.shared.get().dump(path).utf8)
    }
  }
}
