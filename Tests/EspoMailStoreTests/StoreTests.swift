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
      (try tx.db.value(String.self, "PRAGMA journal_mode"), try tx.db.value(Bool.self, "PRAGMA foreign_keys"))
    }
    #expect(mode == "wal")
    #expect(foreignKeys == true)
    #expect(
      try store.appliedMigrations() == [
        "0001-initial", "0002-threading", "0003-secret-provenance", "0004-message-fingerprint", "0005-expunged-outcome",
      ])
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
      #expect(try tx.db.value(Int.self, "SELECT COUNT(*) FROM email_address") == 1)
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
      Set(try tx.db.values(String.self, "SELECT name FROM sqlite_schema WHERE type = 'table'"))
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

  /// A store written before fingerprints: migration 0003 rebuilds `email` keeping every id, link
  /// and the AUTOINCREMENT high-water mark; a Message-ID is then unique only with its fingerprint.
  @Test func messageFingerprintMigrationKeepsEmailsAndAllowsReusedMessageIDs() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sqlite")
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator().migrate(queue, upTo: "0002-threading")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO user(login, name) VALUES ('alice', 'Alice');
          INSERT INTO email(id, message_id, subject, date_sent) VALUES (1, '<a@x>', 'A', '2026-11-16T10:00:00Z');
          INSERT INTO email(id, message_id, subject, date_sent, replied_email_id)
            VALUES (2, '<b@x>', 'Re: A', '2026-11-16T11:00:00Z', 1);
          INSERT INTO email(id, message_id, subject, date_sent) VALUES (3, '<c@x>', 'C', '2026-11-16T12:00:00Z');
          DELETE FROM email WHERE id = 3;
          INSERT INTO email_user(email_id, user_id) VALUES (1, 1);
          INSERT INTO decision(email_id, step, outcome, detail) VALUES (2, 'parent', 'none', 'kept');
          """)
    }
    try queue.close()
    let store = try Store(openingAt: path)
    #expect(try store.appliedMigrations().contains("0004-message-fingerprint"))
    try store.write { tx in
      #expect(try tx.db.values(Int64.self, "SELECT id FROM email ORDER BY id") == [1, 2])
      #expect(try tx.db.value(Int64.self, "SELECT replied_email_id FROM email WHERE id = 2") == 1)
      #expect(try tx.db.value(Int.self, "SELECT COUNT(*) FROM email_user WHERE email_id = 1") == 1)
      #expect(try tx.db.value(Int.self, "SELECT COUNT(*) FROM decision WHERE email_id = 2") == 1)
      #expect(try tx.db.rows("PRAGMA foreign_key_check").isEmpty)
      #expect(try tx.emailsSharing(messageID: "<a@x>") == [StoredMessageIdentity(emailID: 1, fingerprint: nil, rawSHA256: nil)])
      // Another message reusing <a@x> is stored beside it; the id of deleted email 3 is not reused.
      var reuse = NewEmail(messageID: "<a@x>", isMessageIDSynthetic: false, subject: "other", dateSent: "2026-11-17T00:00:00Z", size: 1)
      reuse.fingerprint = "f1"
      #expect(try tx.insertEmail(reuse) == 4)
      reuse.fingerprint = "f2"
      #expect(try tx.insertEmail(reuse) == 5)
      #expect(throws: (any Error).self) { try tx.insertEmail(reuse) }  // same Message-ID and fingerprint
      #expect(try tx.emailsSharing(messageID: "<a@x>").map(\.emailID) == [1, 4, 5])
      #expect(try tx.threadingInfo(messageID: "<a@x>")?.emailID == 1)  // replies thread to the first stored
      try tx.fillFingerprint(emailID: 1, "f0")
      try tx.fillFingerprint(emailID: 1, "ignored")  // filled once
      #expect(try tx.emailsSharing(messageID: "<a@x>").first?.fingerprint == "f0")
    }
  }

  /// A store written before 0005: the ledger is rebuilt with every row kept, then takes the
  /// `expunged` outcome, and rows owing `\Seen` are found and cleared per folder and UIDVALIDITY.
  @Test func expungedOutcomeMigrationKeepsTheLedgerAndTracksSeenOwed() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sqlite")
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator().migrate(queue, upTo: "0004-message-fingerprint")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO mail_account(id, name, kind, address, imap_host, imap_port, imap_security, imap_username)
            VALUES (1, 'a', 'group', 'a@x', 'h', 143, 'none', 'u');
          INSERT INTO mail_account_folder(account_id, name, uid_validity) VALUES (1, 'INBOX', 7);
          INSERT INTO fetch_ledger(account_id, folder, uid_validity, uid, outcome) VALUES (1, 'INBOX', 7, 1, 'imported');
          INSERT INTO fetch_ledger(account_id, folder, uid_validity, uid, outcome) VALUES (1, 'INBOX', 7, 2, 'skipped');
          """)
      #expect(throws: (any Error).self) {
        try db.execute(
          sql: "INSERT INTO fetch_ledger(account_id, folder, uid_validity, uid, outcome) VALUES (1, 'INBOX', 7, 3, 'expunged')")
      }
    }
    try queue.close()
    let store = try Store(openingAt: path)
    #expect(try store.appliedMigrations().last == "0005-expunged-outcome")
    try store.write { tx in
      #expect(try tx.ledgerCounts(accountID: 1) == ["imported": 1, "skipped": 1])
      try tx.settleInLedger(ServerMessageKey(accountID: 1, folder: "INBOX", uidValidity: 7, uid: 3), outcome: .expunged, emailID: nil)
      try tx.settleInLedger(ServerMessageKey(accountID: 1, folder: "INBOX", uidValidity: 7, uid: 4), outcome: .imported, emailID: nil)
      try tx.settleInLedger(ServerMessageKey(accountID: 1, folder: "INBOX", uidValidity: 6, uid: 9), outcome: .imported, emailID: nil)
      #expect(try tx.ledgerCounts(accountID: 1) == ["imported": 2, "skipped": 1, "expunged": 1])  // not UIDVALIDITY 6
      #expect(try tx.seenPendingUIDs(accountID: 1, folder: "INBOX", uidValidity: 7).isEmpty)
      try tx.markSeenPending(accountID: 1, folder: "INBOX", uidValidity: 7, uids: [1, 4])
      try tx.markSeenPending(accountID: 1, folder: "INBOX", uidValidity: 6, uids: [9])
      #expect(try tx.seenPendingUIDs(accountID: 1, folder: "INBOX", uidValidity: 7) == [1, 4])
      #expect(try tx.seenPendingUIDs(accountID: 1, folder: "Other", uidValidity: 7).isEmpty)
      try tx.clearSeenPending(accountID: 1, folder: "INBOX", uidValidity: 7, uids: [4])
      #expect(try tx.seenPendingUIDs(accountID: 1, folder: "INBOX", uidValidity: 7) == [1])
      #expect(try tx.seenPendingUIDs(accountID: 1, folder: "INBOX", uidValidity: 6).isEmpty)  // another UIDVALIDITY
      #expect(try tx.db.rows("PRAGMA foreign_key_check").isEmpty)
    }
  }
}
