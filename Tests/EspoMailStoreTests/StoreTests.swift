import EspoMailCore
import EspoMailTestSupport
import Foundation
import GRDB
import Testing

@testable import EspoMailStore

@Suite struct StoreTests {
  @Test func createsAPrivateWALStoreWithForeignKeys() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("nested/dir/store.sqlite")
    let store = try Store.create(at: path)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let (mode, foreignKeys) = try store.read { tx in
      (try String.fetchOne(tx.db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(tx.db, sql: "PRAGMA foreign_keys"))
    }
    #expect(mode == "wal")
    #expect(foreignKeys == true)
    #expect(try store.appliedMigrations() == ["0001-initial", "0002-threading", "0003-secret-provenance"])
  }

  @Test func refusesToCreateOverAnExistingStore() throws {
    let directory = try TemporaryDirectory()
    _ = try Store.create(at: directory.file("s.sqlite"))
    #expect(throws: EspoMailError(.dataError, "a store already exists at \(directory.file("s.sqlite"))", hint: "use it, or choose another --store")) {
      try Store.create(at: directory.file("s.sqlite"))
    }
  }

  @Test func missingStoreIsAConfigurationError() throws {
    let directory = try TemporaryDirectory()
    do {
      _ = try Store(openingAt: directory.file("none.sqlite"))
      Issue.record("opened a missing store")
    } catch let error as EspoMailError {
      #expect(error.status == .configuration)
      #expect(error.hint?.contains("espomail init") == true)
    }
  }

  @Test func refusesAStoreWrittenByANewerEspomail() throws {
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

  @Test func aFailedTransactionLeavesNothing() throws {
    let directory = try TemporaryDirectory()
    let store = try Store.create(at: directory.file("s.sqlite"))
    #expect(throws: EspoMailError.self) {
      try store.write { tx in
        _ = try tx.insertUser(login: "alice", name: "Alice", isAdmin: false, isActive: true)
        _ = try tx.insertUser(login: "ALICE", name: "again", isAdmin: false, isActive: true)
      }
    }
    #expect(try store.read { try $0.userCount() } == 0)
  }

  @Test func oneAddressRowIsSharedCaseInsensitively() throws {
    let directory = try TemporaryDirectory()
    let store = try Store.create(at: directory.file("s.sqlite"))
    try store.write { tx in
      let account = try tx.insertRecord(.account, name: "Acme", account: nil, createdBy: nil)
      let contact = try tx.insertRecord(.contact, name: "Jane", account: account.id, createdBy: nil)
      try tx.attachAddress(EmailAddress("Jane@Acme.example"), to: .contact, id: contact.id, primary: true)
      try tx.attachAddress(EmailAddress("jane@acme.EXAMPLE"), to: .account, id: account.id, primary: true)
      #expect(try Int.fetchOne(tx.db, sql: "SELECT COUNT(*) FROM email_address") == 1)
      #expect(try tx.owners(of: EmailAddress("JANE@acme.example"), kind: .contact) == [contact.id])
      #expect(try tx.addresses(of: .account, id: account.id) == ["Jane@Acme.example"])
    }
  }

  @Test func anAddressIdentifiesOneUser() throws {
    let directory = try TemporaryDirectory()
    let store = try Store.create(at: directory.file("s.sqlite"))
    try store.write { tx in
      let alice = try tx.insertUser(login: "alice", name: "Alice", isAdmin: false, isActive: true)
      let bob = try tx.insertUser(login: "bob", name: "Bob", isAdmin: false, isActive: true)
      try tx.attachAddress(EmailAddress("desk@example.com"), to: .user, id: alice, primary: true)
      #expect(throws: EspoMailError.self) {
        try tx.attachAddress(EmailAddress("DESK@example.com"), to: .user, id: bob, primary: true)
      }
    }
  }

  @Test func schemaHasEveryTableTheMissionNeeds() throws {
    let directory = try TemporaryDirectory()
    let store = try Store.create(at: directory.file("s.sqlite"))
    let tables = try store.read { tx in
      Set(try String.fetchAll(tx.db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'"))
    }
    for table in [
      "user", "team", "team_member", "role", "role_permission", "user_role", "email_address",
      "entity_email_address", "crm_account", "contact", "lead", "opportunity", "follow", "crm_case", "case_team",
      "mail_account", "mail_account_team", "mail_account_folder", "raw_message", "email", "email_recipient",
      "attachment", "email_user", "email_team", "email_mail_account", "email_search", "filter", "email_folder",
      "group_folder", "group_folder_team", "fetch_ledger", "quarantine", "decision", "note", "notification",
      "template", "outbox", "setting",
    ] {
      #expect(tables.contains(table), "missing table \(table)")
    }
  }
}
