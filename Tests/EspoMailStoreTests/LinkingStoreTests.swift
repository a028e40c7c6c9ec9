import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// What linking and threading read and write: address holders, threading lookups, parents,
/// awaited references, replies and followers (`Transaction+Linking`).
@Suite struct LinkingStoreTests {
  @Test("holders of an address: primary holders first, then oldest; contacts carry their account")
  func holders() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme", addresses: ["info@acme.example"])
      let secondary = try tx.seedRecord(
        .contact, "Old Jane", account: acme.id, addresses: ["old@acme.example", "jane@acme.example"])
      let loose = try tx.seedRecord(.contact, "Loose Jane", addresses: ["jane@acme.example"])
      let newer = try tx.seedRecord(.contact, "New Jane", account: acme.id, addresses: ["jane@acme.example"])
      let janes = try tx.holders(of: "jane@acme.example", type: .contact)
      #expect(janes.map(\.record) == [loose, newer, secondary])
      #expect(janes.map(\.account) == [nil, acme.id, acme.id])
      #expect(try tx.holders(of: "info@acme.example", type: .account).map(\.record) == [acme])
      #expect(try tx.holders(of: "jane@acme.example", type: .lead) == [])
      #expect(try tx.holders(of: "jane@acme.example", type: .opportunity) == [])
      #expect(try tx.holders(of: "JANE@acme.example", type: .contact) == [])  // callers pass the lower-case form
    }
  }

  @Test("threading info by Message-ID is the first stored email; by id its parent")
  func threadingInfo() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let first = try tx.insertEmail(StoreSamples.email("a@x", parent: acme))
      var reused = StoreSamples.email("a@x")
      reused.fingerprint = "other"
      let second = try tx.insertEmail(reused)
      #expect(try tx.threadingInfo(messageID: "<a@x>").map { [$0.emailID] } == [first])
      #expect(try tx.threadingInfo(messageID: "<a@x>")?.parent == acme)
      #expect(try tx.threadingInfo(ofEmail: second)?.parent == nil)
      #expect(try tx.threadingInfo(messageID: "<none@x>") == nil)
      #expect(try tx.threadingInfo(ofEmail: 999) == nil)
    }
  }

  @Test("an email's own threading headers: In-Reply-To and References split")
  func threadingHeaders() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.insertEmail(StoreSamples.email("c@x", inReplyTo: "b@x", references: ["a@x", "b@x"]))
      let headers = try tx.threadingHeaders(emailID: id)
      #expect(headers.inReplyTo == "<b@x>")
      #expect(headers.references == ["<a@x>", "<b@x>"])
      #expect(try tx.threadingHeaders(emailID: 999).references == [])
    }
  }

  @Test("the account of a parent: itself, a contact's or opportunity's or case's account, none for leads")
  func accountOf() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let jane = try tx.seedRecord(.contact, "Jane", account: acme.id)
      let loose = try tx.seedRecord(.contact, "Loose")
      let deal = try tx.seedRecord(.opportunity, "Deal", account: acme.id)
      let lead = try tx.seedRecord(.lead, "Lead")
      let number = try tx.insertCase(name: "Case", account: acme.id, contact: nil, lead: nil, createdBy: nil)
      #expect(try tx.accountOf(acme) == acme.id)
      #expect(try tx.accountOf(jane) == acme.id)
      #expect(try tx.accountOf(loose) == nil)
      #expect(try tx.accountOf(deal) == acme.id)
      #expect(try tx.accountOf(RecordReference(.case, number)) == acme.id)
      #expect(try tx.accountOf(lead) == nil)
    }
  }

  @Test("setting a parent links and unlinks, with the account stored beside it")
  func setParent() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let jane = try tx.seedRecord(.contact, "Jane", account: acme.id)
      let id = try tx.insertEmail(StoreSamples.email("a@x", from: "jane@acme.example"))
      try tx.setParent(emailID: id, jane, account: acme.id)
      #expect(try tx.threadingInfo(ofEmail: id)?.parent == jane)
      #expect(try tx.storedEmailForCases(emailID: id)?.account == acme.id)
      try tx.setParent(emailID: id, nil, account: nil)
      #expect(try tx.threadingInfo(ofEmail: id)?.parent == nil)
      #expect(try tx.storedEmailForCases(emailID: id)?.account == nil)
    }
  }

  @Test("awaited references are taken once, oldest waiting email first")
  func awaitedReferences() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let first = try tx.insertEmail(StoreSamples.email("r1@x"))
      let second = try tx.insertEmail(StoreSamples.email("r2@x"))
      try tx.awaitReferences(emailID: second, messageIDs: ["<p@x>", "<p@x>", "<q@x>"])
      try tx.awaitReferences(emailID: first, messageIDs: ["<p@x>"])
      #expect(try tx.takeAwaiting(messageID: "<p@x>") == [first, second])
      #expect(try tx.takeAwaiting(messageID: "<p@x>") == [])
      #expect(try tx.takeAwaiting(messageID: "<q@x>") == [second])
    }
  }

  @Test("replied emails and replies, one level")
  func repliesAndRepliedEmail() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let original = try tx.insertEmail(StoreSamples.email("o@x", parent: acme))
      let reply = try tx.insertEmail(StoreSamples.email("r@x"))
      var stored = StoreSamples.email("s@x", parent: acme)
      stored.repliedEmailID = reply
      let nested = try tx.insertEmail(stored)
      #expect(try tx.repliedEmail(of: reply) == nil)
      try tx.setReplied(emailID: reply, repliedID: original)
      let replied = try #require(try tx.repliedEmail(of: reply))
      #expect((replied.id, replied.messageID, replied.parent) == (original, "<o@x>", acme))
      #expect(try tx.replies(to: [original]).map(\.id) == [reply])
      #expect(try tx.replies(to: [original, reply]).map(\.id) == [reply, nested])
      #expect(try tx.replies(to: [reply]).map(\.parent) == [acme])
    }
  }

  @Test("the parent rule is the latest parent decision's words before the colon")
  func parentRule() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.insertEmail(StoreSamples.email("a@x"))
      #expect(try tx.parentRule(emailID: id) == nil)
      try tx.addDecision(
        emailID: id, step: .parent, outcome: "account:1", detail: "from: From address x: held by account:1")
      try tx.addDecision(emailID: id, step: .notify, outcome: "nobody", detail: "ignored: not a parent step")
      #expect(try tx.parentRule(emailID: id) == "from")
      try tx.addDecision(
        emailID: id, step: .parent, outcome: "account:2", detail: "thread-later: email:2 arrived after it")
      #expect(try tx.parentRule(emailID: id) == "thread-later")
    }
  }

  @Test("followers: active users only, by id")
  func followerIDs() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let bob = try tx.seedUser("bob")
      let alice = try tx.seedUser("alice")
      let old = try tx.seedUser("old", active: false)
      for user in [alice, old, bob] { try tx.follow(userID: user, acme) }
      #expect(try tx.followerIDs(of: acme) == [bob, alice])
      #expect(try tx.followerIDs(of: RecordReference(.account, acme.id + 1)) == [])
    }
  }

  @Test("a user's login and admin flag by id")
  func userSummary() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let root = try tx.seedUser("root", admin: true)
      #expect(try tx.userSummary(id: root).map { [$0.login] } == ["root"])
      #expect(try tx.userSummary(id: root)?.isAdmin == true)
      #expect(try tx.userSummary(id: root + 1) == nil)
    }
  }

  @Test("what the case logic needs of a stored email: sender, body, automatic flag, parent")
  func storedEmailForCases() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      var email = StoreSamples.email("a@x", subject: "Printer", from: "jane@acme.example", body: "broken", parent: acme)
      email.from = EmailParty(name: "Jane", address: "jane@acme.example")
      email.automaticReason = "Auto-Submitted: auto-replied"
      let id = try tx.insertEmail(email)
      let stored = try #require(try tx.storedEmailForCases(emailID: id))
      #expect(stored.email.subject == "Printer")
      #expect(stored.email.from == EmailParty(name: "Jane", address: "jane@acme.example"))
      #expect(stored.email.bodyPlain == "broken")
      #expect(stored.email.isAutoSubmitted)
      #expect(stored.parent == acme)
      let plain = try tx.insertEmail(StoreSamples.email("b@x"))
      #expect(try tx.storedEmailForCases(emailID: plain)?.email.isAutoSubmitted == false)
      #expect(try tx.storedEmailForCases(emailID: plain)?.email.from == nil)
      #expect(try tx.storedEmailForCases(emailID: 999) == nil)
    }
  }
}
