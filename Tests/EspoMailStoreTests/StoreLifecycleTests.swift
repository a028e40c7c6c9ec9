import EspoMailCore
import EspoMailTestSupport
import Foundation
import GRDB
import Testing

@testable import EspoMailStore

/// Creating, opening and refusing store files, and all-or-nothing transactions (`Store`).
@Suite struct StoreLifecycleTests {
  @Test("a new store is private (0600), in WAL mode, with foreign keys and every migration")
  func createsAPrivateWALStoreWithForeignKeys() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("nested/dir/store.sqlite")
    let store = try Store.create(at: path)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let (mode, foreignKeys) = try store.read { tx in
      (try tx.db.value(String.self, "PRAGMA journal_mode"), try tx.db.value(Bool.self, "PRAGMA foreign_keys"))
    }
    #expect(mode == "wal")
    #expect(foreignKeys == true)
    #expect(
      try store.appliedMigrations() == [
        "0001-initial", "0002-threading", "0003-secret-provenance", "0004-message-fingerprint", "0005-expunged-outcome",
        "0006-database-roles", "0007-fetch-attempts", "0008-user-email-dates", "0009-parse-decisions",
        "0010-server-login", "0011-account-identity", "0012-send-only-accounts", "0013-agent-writes",
        "0014-team-folders-and-conversion",
        "0015-notification-mail", "0016-raw-message-lz4", "0017-search-words",
        "0018-email-body-lz4",
      ])
  }

  @Test("creating a store where one exists is a data error")
  func refusesToCreateOverAnExistingStore() throws {
    let directory = try TemporaryDirectory()
    _ = try Store.create(at: directory.file("s.sqlite"))
    #expect(
      throws: EspoMailError(
        .dataError, "a store already exists at \(directory.file("s.sqlite"))", hint: "use it, or choose another --store"
      )
    ) {
      try Store.create(at: directory.file("s.sqlite"))
    }
  }

  @Test("opening a missing store is a configuration error naming espomail init")
  func missingStoreIsAConfigurationError() throws {
    let directory = try TemporaryDirectory()
    do {
      _ = try Store(openingAt: directory.file("none.sqlite"))
      Issue.record("opened a missing store")
    } catch let error as EspoMailError {
      #expect(error.status == .configuration)
      #expect(error.hint?.contains("espomail init") == true)
    }
  }

  @Test("a store written by a newer espomail is refused")
  func refusesAStoreWrittenByANewerEspomail() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sqlite")
    _ = try Store.create(at: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('9999-future')") }
    do {
      _ = try Store(openingAt: path)
      Issue.record("opened a newer store")
    } catch let error as EspoMailError {
      #expect(error.status == .configuration)
      #expect(error.message.contains("newer espomail"))
    }
  }

  @Test("a failed write transaction leaves nothing behind")
  func aFailedTransactionLeavesNothing() throws {
    let scratch = try ScratchStore()
    #expect(throws: EspoMailError.self) {
      try scratch.write { tx in
        _ = try tx.insertUser(login: "alice", name: "Alice", isAdmin: false, isActive: true)
        _ = try tx.insertUser(login: "ALICE", name: "again", isAdmin: false, isActive: true)
      }
    }
    #expect(try scratch.read { try $0.userCount() } == 0)
  }

  @Test("an error thrown inside a savepoint undoes only the savepoint's changes")
  func savepointUndoesOnlyItsOwnChanges() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("alice")
      #expect(throws: EspoMailError.self) {
        try tx.savepoint {
          try tx.seedUser("bob")
          throw EspoMailError(.dataError, "undo bob")
        }
      }
      #expect(try tx.savepoint { try tx.seedUser("carol") } > 0)
    }
    #expect(try scratch.read { try $0.users().map(\.login) } == ["alice", "carol"])
  }

  @Test("a value returned from a write is the committed state; a read sees it")
  func writesAreVisibleToLaterReads() throws {
    let scratch = try ScratchStore()
    let id = try scratch.write { try $0.seedUser("alice") }
    #expect(try scratch.read { try $0.user(id: id)?.login } == "alice")
  }
}
