import EspoMailCore
import EspoMailTestSupport
import Foundation
import GRDB
import Testing

@testable import EspoMailStore

/// The schema's tables and the migrations that rebuild tables of older stores (`Schema`).
@Suite struct SchemaMigrationTests {
  @Test("the schema has every table the mission needs")
  func schemaHasEveryTableTheMissionNeeds() throws {
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

  @Test("raw messages and bodies come back byte for byte; PostgreSQL keeps them compressed with lz4 (0016, 0018)")
  func rawMessagesAndBodiesRoundTripAndPostgreSQLCompressesThemWithLZ4() throws {
    let scratch = try ScratchStore()
    let raw = Array(String(repeating: "Subject: a line that repeats\r\n", count: 4000).utf8) + [0, 255, 13, 10]
    let body = String(repeating: "A body line that repeats, café. ", count: 4000)
    try scratch.write { tx in
      try tx.storeRaw(sha256: "abc", bytes: raw)
      try tx.db.execute(
        "INSERT INTO email(message_id, subject, date_sent, body_plain, body_html) VALUES ('<a@x>', 'A', '2026-11-16T10:00:00Z', ?, ?)",
        [body, "<p>" + body])
    }
    let isPostgreSQL = scratch.store.engine == .postgresql
    let (stored, storedBody, compression) = try scratch.read { tx in
      (
        try tx.rawMessage(sha256: "abc"),
        try tx.db.value(String.self, "SELECT body_plain FROM email"),
        isPostgreSQL
          ? try tx.db.rows("""
            SELECT pg_column_compression(bytes) FROM raw_message
            UNION ALL SELECT pg_column_compression(body_plain) FROM email
            UNION ALL SELECT pg_column_compression(body_html) FROM email
            """).map { $0[0] as String } : []
      )
    }
    #expect(stored == raw)
    #expect(storedBody == body)
    #expect(compression == (isPostgreSQL ? ["lz4", "lz4", "lz4"] : []))
  }

  /// A store written before fingerprints: migration 0003 rebuilds `email` keeping every id, link
  /// and the AUTOINCREMENT high-water mark; a Message-ID is then unique only with its fingerprint.
  @Test("migration 0004 keeps emails and allows reused Message-IDs with other fingerprints")
  func messageFingerprintMigrationKeepsEmailsAndAllowsReusedMessageIDs() throws {
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
      #expect(
        try tx.emailsSharing(messageID: "<a@x>") == [
          StoredMessageIdentity(emailID: 1, fingerprint: nil, rawSHA256: nil)
        ])
      // Another message reusing <a@x> is stored beside it; the id of deleted email 3 is not reused.
      var reuse = NewEmail(
        messageID: "<a@x>", isMessageIDSynthetic: false, subject: "other", dateSent: "2026-11-17T00:00:00Z", size: 1)
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
  @Test("migration 0005 keeps the ledger, takes expunged and tracks \\Seen owed")
  func expungedOutcomeMigrationKeepsTheLedgerAndTracksSeenOwed() throws {
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
          sql:
            "INSERT INTO fetch_ledger(account_id, folder, uid_validity, uid, outcome) VALUES (1, 'INBOX', 7, 3, 'expunged')"
        )
      }
    }
    try queue.close()
    let store = try Store(openingAt: path)
    #expect(try store.appliedMigrations().contains("0005-expunged-outcome"))
    try store.write { tx in
      #expect(try tx.ledgerCounts(accountID: 1) == ["imported": 1, "skipped": 1])
      try tx.settleInLedger(
        ServerMessageKey(accountID: 1, folder: "INBOX", uidValidity: 7, uid: 3), outcome: .expunged, emailID: nil)
      try tx.settleInLedger(
        ServerMessageKey(accountID: 1, folder: "INBOX", uidValidity: 7, uid: 4), outcome: .imported, emailID: nil)
      try tx.settleInLedger(
        ServerMessageKey(accountID: 1, folder: "INBOX", uidValidity: 6, uid: 9), outcome: .imported, emailID: nil)
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

  @Test("migration 0009 keeps every decision and its id, and takes the step parse")
  func parseDecisionsMigrationKeepsDecisions() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sqlite")
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator().migrate(queue, upTo: "0008-user-email-dates")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO email(id, message_id, subject, date_sent) VALUES (1, '<a@x>', 'A', '2026-11-16T10:00:00Z');
          INSERT INTO decision(id, email_id, step, outcome, detail) VALUES (5, 1, 'parent', 'none', 'kept');
          INSERT INTO decision(id, email_id, step, outcome, detail) VALUES (9, 1, 'notify', 'nobody', 'old mail');
          """)
      #expect(throws: (any Error).self) {
        try db.execute(sql: "INSERT INTO decision(email_id, step, outcome, detail) VALUES (1, 'parse', 'malformed', 'x')")
      }
    }
    try queue.close()
    let store = try Store(openingAt: path)
    #expect(try store.appliedMigrations().contains("0009-parse-decisions"))
    try store.write { tx in
      try tx.addDecision(emailID: 1, step: .parse, outcome: "malformed", detail: "leading-blank-lines: skipped")
      let decisions = try tx.decisions(emailID: 1)
      #expect(decisions.map(\.step) == ["parent", "notify", "parse"])
      // The AUTOINCREMENT high-water mark survives the rebuild: the new decision comes after id 9.
      #expect(try tx.db.value(Int64.self, "SELECT max(id) FROM decision") == 10)
      #expect(try tx.db.rows("PRAGMA foreign_key_check").isEmpty)
    }
  }

  @Test("migration 0017 indexes every stored email again by its words, as new mail is indexed")
  func searchWordsMigrationIndexesStoredEmailsAgain() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sqlite")
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator().migrate(queue, upTo: "0016-raw-message-lz4")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO email(id, message_id, subject, date_sent, body_plain) VALUES
            (1, '<a@x>', 'Café Größe', '2026-11-16T10:00:00Z', 'the printer is out of paper'),
            (2, '<b@x>', 'Other', '2026-11-16T11:00:00Z', 'nothing here');
          INSERT INTO email_address(id, address, lower) VALUES (7, 'Jane@Acme.example', 'jane@acme.example');
          INSERT INTO email_recipient(email_id, kind, email_address_id, display_name) VALUES (1, 'from', 7, 'Jane Doe');
          INSERT INTO email_search(rowid, subject, body, addresses) VALUES
            (1, 'Café Größe', 'the printer is out of paper', 'Jane Doe <Jane@Acme.example>'),
            (2, 'Other', 'nothing here', '');
          """)
    }
    try queue.close()
    let store = try Store(openingAt: path)
    try store.write { tx in
      let viewer = try tx.seedUser("alice")
      for search in ["cafe", "grosse", "PAPER printer", "doe", "jane@acme.example"] {
        var query = EmailQuery(viewerID: viewer, visibility: .all)
        query.search = search
        #expect(try tx.emails(query).map(\.id) == [1], "\(search)")
      }
      #expect(try tx.db.value(Int.self, "SELECT count(*) FROM email_search") == 2)
    }
  }
}
