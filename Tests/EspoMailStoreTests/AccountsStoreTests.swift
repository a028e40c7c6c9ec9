import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Mail accounts: settings, secrets, checkpoints, health and the round-robin cursor (`Transaction+Accounts`).
@Suite struct AccountsStoreTests {
  @Test("an account comes back with its settings, folders in order, teams by name, case and sending settings")
  func accountRoundTrip() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      try tx.seedTeam("Support", members: [alice])
      try tx.seedTeam("Billing")
      _ = try tx.insertTemplate(
        Template(id: 0, name: "Thanks", subject: "Re: {{subject}}", body: "Thanks", isHTML: false))
      var account = StoreSamples.account(
        "support", teams: ["Support", "Billing"], folders: ["INBOX", "Archive/2026"],
        cases: CaseSettings(createCase: true, distribution: .direct, team: "Support", position: "L1", assignTo: "alice")
      )
      account.smtp = ServerSettings(
        host: "smtp.example.com", port: 587, security: .starttls, username: "support", secretSource: .stored,
        secretCommand: nil, secretSetByAdmin: true)
      account.isSMTPShared = true
      account.sentFolder = "Sent"
      account.autoReply = AutoReplySettings(
        isOn: true, template: "Thanks", from: "noreply@example.com", fromName: "Desk", replyTo: nil)
      let id = try tx.seedAccount(account)
      account.id = id
      account.teams = ["Billing", "Support"]
      #expect(try tx.mailAccount(id: id) == account)
      #expect(try tx.mailAccount(name: "SUPPORT") == account)
      #expect(try tx.mailAccountID(name: "Support") == id)
    }
  }

  @Test("account names are unique without case; a personal account must have its owner")
  func accountConstraints() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedAccount(StoreSamples.account("support"))
      #expect(throws: EspoMailError.self) { try tx.seedAccount(StoreSamples.account("Support")) }
    }
    do {
      try scratch.write { tx in
        try tx.seedAccount(StoreSamples.account("mine", kind: .personal, owner: "alice"), ownerID: nil)
      }
      Issue.record("stored a personal account without its owner")
    } catch let error as EspoMailError {
      #expect(error.status == .dataError)
    }
    #expect(try scratch.read { try $0.mailAccounts() }.map(\.name) == ["support"])
  }

  @Test("unknown teams, case teams, assignees and templates are not-found, and nothing is stored")
  func unknownNamesAreNotFound() throws {
    let scratch = try ScratchStore()
    for account in [
      StoreSamples.account("a", teams: ["Nobody"]),
      StoreSamples.account(
        "b",
        cases: CaseSettings(createCase: true, distribution: .roundRobin, team: "Nobody", position: nil, assignTo: nil)),
      StoreSamples.account(
        "c", cases: CaseSettings(createCase: true, distribution: .direct, team: nil, position: nil, assignTo: "nobody")),
    ] {
      do {
        try scratch.write { tx in try tx.seedAccount(account) }
        Issue.record("stored \(account.name) with an unknown name")
      } catch let error as EspoMailError {
        #expect(error.status == .notFound)
      }
    }
    var withTemplate = StoreSamples.account("d")
    withTemplate.autoReply = AutoReplySettings(isOn: true, template: "missing", from: nil, fromName: nil, replyTo: nil)
    #expect(throws: EspoMailError.self) { try scratch.write { tx in try tx.seedAccount(withTemplate) } }
    #expect(try scratch.read { try $0.mailAccounts() }.isEmpty)
  }

  @Test("every account, by name; a personal account names its owner")
  func mailAccountsByName() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      try tx.seedAccount(StoreSamples.account("zed"))
      try tx.seedAccount(StoreSamples.account("alice-mail", kind: .personal, owner: "alice"), ownerID: alice)
      let accounts = try tx.mailAccounts()
      #expect(accounts.map(\.name) == ["alice-mail", "zed"])
      #expect(accounts.map(\.owner) == ["alice", nil])
    }
  }

  @Test("updating an account keeps the checkpoints of folders it still monitors, drops the others")
  func updateKeepsCheckpointsOfKeptFolders() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      var account = StoreSamples.account("support", folders: ["INBOX", "Old"])
      account.id = try tx.seedAccount(account)
      try tx.saveCheckpoint(
        accountID: account.id, FolderCheckpoint(folder: "INBOX", uidValidity: 7, lastUID: 42, uidNext: 43))
      account.folders = ["New", "INBOX"]
      account.portion = 50
      account.imap.host = "imap2.example.com"
      try tx.updateMailAccount(account)
      #expect(
        try tx.checkpoints(accountID: account.id) == [
          FolderCheckpoint(folder: "New", uidValidity: nil, lastUID: 0, uidNext: nil),
          FolderCheckpoint(folder: "INBOX", uidValidity: 7, lastUID: 42, uidNext: 43),
        ])
      let stored = try #require(try tx.mailAccount(id: account.id))
      #expect((stored.portion, stored.imap.host, stored.folders) == (50, "imap2.example.com", ["New", "INBOX"]))
    }
  }

  @Test("resetting checkpoints forgets every folder's UIDVALIDITY, last UID, UIDNEXT and MESSAGES")
  func resetCheckpoints() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedAccount(StoreSamples.account("support", folders: ["INBOX", "Spam"]))
      try tx.saveCheckpoint(
        accountID: id, FolderCheckpoint(folder: "INBOX", uidValidity: 7, lastUID: 42, uidNext: 43, messages: 40))
      #expect(try tx.checkpoints(accountID: id)[0].messages == 40)
      try tx.saveCheckpoint(
        accountID: id,
        FolderCheckpoint(folder: "Spam", uidValidity: UInt32.max, lastUID: UInt32.max - 1, uidNext: UInt32.max))
      #expect(
        try tx.checkpoints(accountID: id)[1]
          == FolderCheckpoint(folder: "Spam", uidValidity: UInt32.max, lastUID: UInt32.max - 1, uidNext: UInt32.max))
      try tx.resetCheckpoints(accountID: id)
      #expect(
        try tx.checkpoints(accountID: id).allSatisfy {
          $0.uidValidity == nil && $0.lastUID == 0 && $0.uidNext == nil && $0.messages == nil
        })
    }
  }

  @Test("secrets: IMAP and SMTP apart, SMTP falling back to IMAP until it has its own")
  func secrets() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedAccount(StoreSamples.account("support"))
      #expect(try tx.secret(accountID: id)?.sealed == [1, 2, 3])
      #expect(try tx.smtpSecret(accountID: id)?.sealed == [1, 2, 3])
      try tx.setSecret(
        accountID: id, StoredSecret(source: .command, sealed: nil, command: "pass show imap", setByAdmin: false))
      let imap = try #require(try tx.secret(accountID: id))
      #expect((imap.source, imap.sealed, imap.command, imap.setByAdmin) == (.command, nil, "pass show imap", false))
      #expect(try tx.smtpSecret(accountID: id)?.command == "pass show imap")
      try tx.setSMTPSecret(
        accountID: id, StoredSecret(source: .oauth2Command, sealed: nil, command: "token", setByAdmin: true))
      #expect(try tx.smtpSecret(accountID: id)?.source == .oauth2Command)
      #expect(try tx.secret(accountID: id)?.command == "pass show imap")
      #expect(try tx.secret(accountID: id + 1) == nil)
    }
  }

  @Test("fetch health: failures count up with the last error; a success clears them")
  func recordFetch() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedAccount(StoreSamples.account("support"))
      try tx.recordFetch(accountID: id, at: "2026-11-16T10:00:00Z", error: "connection refused")
      try tx.recordFetch(accountID: id, at: "2026-11-16T10:05:00Z", error: "timed out")
      #expect(
        try tx.mailAccount(id: id)?.health
          == AccountHealth(
            lastSuccessAt: nil, lastAttemptAt: "2026-11-16T10:05:00Z", lastError: "timed out", consecutiveFailures: 2))
      try tx.recordFetch(accountID: id, at: "2026-11-16T10:10:00Z", error: nil)
      #expect(
        try tx.mailAccount(id: id)?.health
          == AccountHealth(
            lastSuccessAt: "2026-11-16T10:10:00Z", lastAttemptAt: "2026-11-16T10:10:00Z", lastError: nil,
            consecutiveFailures: 0))
    }
  }

  @Test("the round-robin cursor starts nowhere and moves")
  func roundRobinCursor() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedAccount(StoreSamples.account("support"))
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      #expect(try tx.roundRobinCursor(accountID: id) == nil)
      try tx.setRoundRobinCursor(accountID: id, userID: alice)
      try tx.setRoundRobinCursor(accountID: id, userID: bob)
      #expect(try tx.roundRobinCursor(accountID: id) == bob)
    }
  }

  @Test("deleting an account removes it and its folders; its emails stay")
  func deleteMailAccountKeepsEmails() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedAccount(StoreSamples.account("support"))
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.addEmailAccount(emailID: email, accountID: id)
      try tx.deleteMailAccount(id: id)
      #expect(try tx.mailAccount(id: id) == nil)
      #expect(try tx.checkpoints(accountID: id).isEmpty)
      #expect(try tx.threadingInfo(ofEmail: email)?.emailID == email)
    }
  }
}

@Suite struct AccountServerSettingsStoreTests {
  @Test("login mechanisms, CA file, EHLO name and Sent-copy refusals are stored and read back")
  func serverSettingsRoundTrip() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      var account = StoreSamples.account("support", folders: ["INBOX"])
      account.smtp = ServerSettings(
        host: "smtp.example.com", port: 587, security: .starttls, username: "support", secretSource: .stored,
        secretCommand: nil, loginMechanism: .login)
      account.imap.loginMechanism = .cramMD5
      account.caFile = "/etc/ssl/private-ca.pem"
      account.heloName = "mail.example.org"
      account.id = try tx.seedAccount(account)
      var stored = try #require(try tx.mailAccount(id: account.id))
      #expect(stored.imap.loginMechanism == .cramMD5)
      #expect(stored.smtp?.loginMechanism == .login)
      #expect((stored.caFile, stored.heloName) == ("/etc/ssl/private-ca.pem", "mail.example.org"))
      #expect(stored.sentAppend == SentAppendHealth(failures: 0, lastError: nil))
      try tx.recordSentAppendFailure(accountID: account.id, error: "first")
      try tx.recordSentAppendFailure(accountID: account.id, error: "second")
      stored = try #require(try tx.mailAccount(id: account.id))
      #expect(stored.sentAppend == SentAppendHealth(failures: 2, lastError: "second"))
      stored.imap.loginMechanism = .auto
      stored.caFile = nil
      try tx.updateMailAccount(stored)
      let updated = try #require(try tx.mailAccount(id: account.id))
      #expect((updated.imap.loginMechanism, updated.caFile, updated.sentAppend.failures) == (.auto, nil, 2))
    }
  }
}
