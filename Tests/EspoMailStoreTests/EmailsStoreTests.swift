import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Storing emails, raw messages, the people they are shared with, and the fetch ledger
/// (`Transaction+Emails`).
@Suite struct EmailsStoreTests {
  private func key(_ uid: UInt32, folder: String = "INBOX", uidValidity: UInt32 = 7, accountID: Int64)
    -> ServerMessageKey
  {
    ServerMessageKey(accountID: accountID, folder: folder, uidValidity: uidValidity, uid: uid)
  }

  @Test("a server message is settled exactly once: a second settle of the same key fails")
  func ledgerSettlesOnce() throws {
    let scratch = try ScratchStore()
    let account = try scratch.write { tx in try tx.seedAccount(StoreSamples.account("support")) }
    try scratch.write { tx in try tx.settleInLedger(key(1, accountID: account), outcome: .imported, emailID: nil) }
    #expect(throws: EspoMailError.self) {
      try scratch.write { tx in try tx.settleInLedger(key(1, accountID: account), outcome: .skipped, emailID: nil) }
    }
    try scratch.write { tx in
      // The same UID under another UIDVALIDITY or folder is another message.
      try tx.settleInLedger(key(1, uidValidity: 8, accountID: account), outcome: .imported, emailID: nil)
      try tx.settleInLedger(key(1, folder: "Spam", accountID: account), outcome: .imported, emailID: nil)
    }
    try scratch.write { tx in
      try tx.saveCheckpoint(
        accountID: account, FolderCheckpoint(folder: "INBOX", uidValidity: 7, lastUID: 1, uidNext: 2))
    }
    #expect(try scratch.read { try $0.ledgerCounts(accountID: account) } == ["imported": 1])
  }

  @Test("settled UIDs: only those of the folder and UIDVALIDITY asked, among the UIDs asked")
  func settledUIDs() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.seedAccount(StoreSamples.account("support"))
      for uid: UInt32 in [1, 3, 5, 9] {
        try tx.settleInLedger(key(uid, accountID: account), outcome: .imported, emailID: nil)
      }
      try tx.settleInLedger(key(4, uidValidity: 6, accountID: account), outcome: .imported, emailID: nil)
      try tx.settleInLedger(key(2, folder: "Spam", accountID: account), outcome: .imported, emailID: nil)
      #expect(
        try tx.settledUIDs(accountID: account, folder: "INBOX", uidValidity: 7, among: [2, 3, 4, 5, 6]) == [3, 5])
      #expect(try tx.settledUIDs(accountID: account, folder: "INBOX", uidValidity: 7, among: []) == [])
      #expect(try tx.settledUIDs(accountID: account, folder: "INBOX", uidValidity: 7, among: [UInt32.max]) == [])
    }
  }

  @Test("ledger counts only the monitored folders under their current UIDVALIDITY, per outcome")
  func ledgerCountsCurrentFoldersOnly() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.seedAccount(StoreSamples.account("support", folders: ["INBOX"]))
      try tx.saveCheckpoint(
        accountID: account, FolderCheckpoint(folder: "INBOX", uidValidity: 7, lastUID: 0, uidNext: nil))
      let outcomes: [LedgerOutcome] = [.imported, .imported, .merged, .skipped, .quarantined, .tooLarge, .expunged]
      for (uid, outcome) in outcomes.enumerated() {
        try tx.settleInLedger(key(UInt32(uid + 1), accountID: account), outcome: outcome, emailID: nil)
      }
      try tx.settleInLedger(key(1, uidValidity: 6, accountID: account), outcome: .imported, emailID: nil)
      try tx.settleInLedger(key(1, folder: "Old", accountID: account), outcome: .imported, emailID: nil)
      #expect(
        try tx.ledgerCounts(accountID: account)
          == ["imported": 2, "merged": 1, "skipped": 1, "quarantined": 1, "too-large": 1, "expunged": 1])
    }
  }

  @Test("an email is stored with its parties, bodies, threading headers and attachments")
  func insertEmailRoundTrip() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let viewer = try tx.seedUser("alice")
      var email = StoreSamples.email(
        "a@x", subject: "Printer", from: "jane@acme.example", to: ["support@example.com", "desk@example.com"],
        cc: ["boss@acme.example"], body: "It is broken.", inReplyTo: "p@x", references: ["o@x", "p@x"])
      email.from = EmailParty(name: "Jane Roe", address: "jane@acme.example")
      email.bodyHTML = "<p>It is broken.</p>"
      email.attachments = [
        NewAttachment(name: "log.txt", contentType: "text/plain", isInline: false, contentID: nil, bytes: [1, 2])
      ]
      let id = try tx.insertEmail(email)
      let detail = try #require(try tx.emailDetail(id: id, viewerID: viewer))
      #expect(detail.summary.messageID == "<a@x>")
      #expect(detail.summary.from == EmailParty(name: "Jane Roe", address: "jane@acme.example"))
      #expect(detail.summary.to.map(\.address) == ["support@example.com", "desk@example.com"])
      #expect(detail.summary.cc.map(\.address) == ["boss@acme.example"])
      #expect(detail.summary.attachments == [AttachmentInfo(name: "log.txt", contentType: "text/plain", size: 2)])
      #expect(detail.bodyPlain == "It is broken.")
      #expect(detail.bodyHTML == "<p>It is broken.</p>")
      #expect(detail.inReplyTo == "<p@x>")
      #expect(detail.references == "<o@x> <p@x>")
      #expect(try tx.storedAttachments(emailID: id).map(\.bytes) == [[1, 2]])
      let fields = try #require(try tx.storedFingerprintFields(emailID: id))
      #expect(fields.from == ["jane@acme.example"])
      #expect(fields.to == ["support@example.com", "desk@example.com"])
      #expect(fields.cc == ["boss@acme.example"])
      #expect((fields.subject, fields.dateSent) == ("Printer", "2026-11-16T10:00:00Z"))
      #expect(try tx.storedFingerprintFields(emailID: id + 1) == nil)
    }
  }

  @Test("a Message-ID with the same fingerprint is refused; another fingerprint is stored beside it")
  func messageIDIsUniqueWithItsFingerprint() throws {
    let scratch = try ScratchStore()
    let first = try scratch.write { tx in try tx.insertEmail(StoreSamples.email("a@x")) }
    #expect(throws: EspoMailError.self) { try scratch.write { tx in try tx.insertEmail(StoreSamples.email("a@x")) } }
    var other = StoreSamples.email("a@x")
    other.fingerprint = "another"
    let second = try scratch.write { tx in try tx.insertEmail(other) }
    #expect(
      try scratch.read { try $0.emailsSharing(messageID: "<a@x>") }
        == [
          StoredMessageIdentity(emailID: first, fingerprint: "fingerprint-a@x", rawSHA256: nil),
          StoredMessageIdentity(emailID: second, fingerprint: "another", rawSHA256: nil),
        ])
  }

  @Test("deleting an email deletes its raw message, unless another email or a quarantine entry holds the same bytes")
  func deletingAnEmailDeletesItsRawMessage() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      var ids: [String: Int64] = [:]
      for (messageID, sha) in [("only@x", "only"), ("twin-1@x", "twin"), ("twin-2@x", "twin"), ("held@x", "held")] {
        try tx.storeRaw(sha256: sha, bytes: Array(sha.utf8))
        var email = StoreSamples.email(messageID)
        email.rawSHA256 = sha
        ids[messageID] = try tx.insertEmail(email)
      }
      _ = try tx.quarantine(accountID: nil, folder: nil, uidValidity: nil, uid: nil, rawSHA256: "held", reason: "test")
      for messageID in ["only@x", "twin-1@x", "held@x"] { try tx.deleteEmail(id: try #require(ids[messageID])) }
      #expect(try tx.rawMessage(sha256: "only") == nil)
      #expect(try tx.rawMessage(sha256: "twin") == Array("twin".utf8))  // twin-2 still names it
      #expect(try tx.rawMessage(sha256: "held") == Array("held".utf8))  // the quarantine entry does
      try tx.deleteEmail(id: try #require(ids["twin-2@x"]))
      #expect(try tx.rawMessage(sha256: "twin") == nil)
    }
  }

  @Test("raw bytes are kept once per SHA-256; attachments of an email whose raw message is kept are not stored twice")
  func rawMessages() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.storeRaw(sha256: "abc", bytes: [1, 2, 3])
      try tx.storeRaw(sha256: "abc", bytes: [9])  // ignored: same hash
      #expect(try tx.rawMessage(sha256: "abc") == [1, 2, 3])
      #expect(try tx.rawMessage(sha256: "none") == nil)
      var email = StoreSamples.email("a@x")
      email.rawSHA256 = "abc"
      email.attachments = [
        NewAttachment(name: "log.txt", contentType: "text/plain", isInline: false, contentID: nil, bytes: [1])
      ]
      let id = try tx.insertEmail(email)
      #expect(try tx.storedAttachments(emailID: id).map(\.bytes) == [[]])
      #expect(try tx.emailsSharing(messageID: "<a@x>").first?.rawSHA256 == "abc")
    }
  }

  @Test("a fingerprint is filled once, only where none was stored")
  func fillFingerprintOnce() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      var legacy = StoreSamples.email("a@x")
      legacy.fingerprint = nil
      let id = try tx.insertEmail(legacy)
      try tx.fillFingerprint(emailID: id, "f0")
      try tx.fillFingerprint(emailID: id, "f1")
      #expect(try tx.emailsSharing(messageID: "<a@x>").map(\.fingerprint) == ["f0"])
      let modern = try tx.insertEmail(StoreSamples.email("b@x"))
      try tx.fillFingerprint(emailID: modern, "f2")
      #expect(try tx.emailsSharing(messageID: "<b@x>").map(\.fingerprint) == ["fingerprint-b@x"])
    }
  }

  @Test("giving users an email returns only those newly given it")
  func addEmailUsersReturnsTheNewlyGiven() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      #expect(try tx.addEmailUsers(emailID: email, userIDs: [alice]) == [alice])
      #expect(try tx.addEmailUsers(emailID: email, userIDs: [alice, bob]) == [bob])
      #expect(try tx.addEmailUsers(emailID: email, userIDs: [bob]) == [])
      #expect(try tx.emailUserIDs(emailID: email).sorted() == [alice, bob])
    }
  }

  @Test("teams and accounts are added to an email once")
  func emailTeamsAndAccounts() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let team = try tx.seedTeam("Support")
      let account = try tx.seedAccount(StoreSamples.account("support"))
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.addEmailTeams(emailID: email, teamIDs: [team, team])
      try tx.addEmailAccount(emailID: email, accountID: account)
      try tx.addEmailAccount(emailID: email, accountID: account)
      #expect(try tx.emailTeamIDs(emailID: email) == [team])
      let viewer = try tx.seedUser("alice")
      #expect(try tx.emailDetail(id: email, viewerID: viewer)?.summary.accounts == ["support"])
    }
  }

  @Test("active users holding any of the addresses, without case; inactive ones are left out")
  func activeUserIDsWithAddresses() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice", addresses: ["alice@example.com", "a@example.com"])
      let bob = try tx.seedUser("bob", addresses: ["bob@example.com"])
      try tx.seedUser("old", active: false, addresses: ["old@example.com"])
      try tx.seedRecord(.contact, "Not a user", addresses: ["jane@acme.example"])
      #expect(
        try tx.activeUserIDs(withAddresses: [
          "BOB@example.com", "alice@example.com", "A@example.com", "old@example.com", "jane@acme.example",
        ])
          == [alice, bob])
      #expect(try tx.activeUserIDs(withAddresses: []) == [])
    }
  }

  @Test("an account's team members: active ones, once each, with the team ids")
  func accountTeamMembers() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let old = try tx.seedUser("old", active: false)
      let support = try tx.seedTeam("Support", members: [alice, bob, old])
      let billing = try tx.seedTeam("Billing", members: [alice])
      try tx.seedTeam("Sales", members: [try tx.seedUser("carol")])
      let account = try tx.seedAccount(StoreSamples.account("support", teams: ["Support", "Billing"]))
      let members = try tx.accountTeamMembers(accountID: account)
      #expect(members.userIDs == [alice, bob])
      #expect(Set(members.teamIDs) == [support, billing])
    }
  }

  @Test("decisions are kept in order per email")
  func decisionsInOrder() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      let other = try tx.insertEmail(StoreSamples.email("b@x"))
      try tx.addDecision(emailID: email, step: .parent, outcome: "none", detail: "none: no rule matched")
      try tx.addDecision(emailID: other, step: .filter, outcome: "f", detail: "elsewhere")
      try tx.addDecision(emailID: email, step: .notify, outcome: "nobody", detail: "notified nobody")
      #expect(try tx.decisions(emailID: email).map(\.step) == ["parent", "notify"])
      #expect(try tx.decisions(emailID: email).map(\.outcome) == ["none", "nobody"])
    }
  }

  @Test("\\Seen owed: marked per UID, listed ascending, cleared; clearing forgets older UIDVALIDITYs of the folder")
  func seenPending() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.seedAccount(StoreSamples.account("support"))
      for uid: UInt32 in [1, 2, 3] {
        try tx.settleInLedger(key(uid, accountID: account), outcome: .imported, emailID: nil)
      }
      try tx.settleInLedger(key(1, uidValidity: 6, accountID: account), outcome: .imported, emailID: nil)
      try tx.markSeenPending(accountID: account, folder: "INBOX", uidValidity: 6, uids: [1])
      try tx.markSeenPending(accountID: account, folder: "INBOX", uidValidity: 7, uids: [3, 1, 99])  // 99 is not settled
      #expect(try tx.seenPendingUIDs(accountID: account, folder: "INBOX", uidValidity: 7) == [1, 3])
      try tx.clearSeenPending(accountID: account, folder: "INBOX", uidValidity: 7, uids: [3])
      #expect(try tx.seenPendingUIDs(accountID: account, folder: "INBOX", uidValidity: 7) == [1])
      #expect(try tx.seenPendingUIDs(accountID: account, folder: "INBOX", uidValidity: 6) == [])
    }
  }
}
