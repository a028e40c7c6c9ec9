import EspoMailCore
import EspoMailTestSupport
import Testing

@testable import EspoMailStore

/// `Transaction.lookAhead`: keys found absent are answered without a query, and the store's own
/// writes in the transaction make them present again, on either engine.
@Suite struct LookAheadTests {
  @Test("a key looked up ahead as absent is found once the transaction writes it")
  func writesInTheTransactionAreSeenAfterALookAhead() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let stored = try tx.insertEmail(StoreSamples.email("stored@x", subject: "Stored"))
      try tx.awaitReferences(emailID: stored, messageIDs: ["<awaited@x>"])
      let contact = try tx.insertRecord(.contact, name: "Held", account: nil, createdBy: nil)
      try tx.attachAddress(EmailAddress("held@acme.example"), to: .contact, id: contact.id, primary: true)

      try tx.lookAhead(
        messageIDs: ["<stored@x>", "<awaited@x>", "<new@x>", "<later@x>"],
        addresses: ["Held@Acme.example", "new@acme.example"])
      #expect(tx.absent.messageIDs == ["<awaited@x>", "<new@x>", "<later@x>"])
      #expect(tx.absent.awaitedMessageIDs == ["<stored@x>", "<new@x>", "<later@x>"])
      #expect(tx.absent.holderlessAddresses == ["new@acme.example"])
      // What was there is still queried.
      #expect(try tx.emailsSharing(messageID: "<stored@x>").map(\.emailID) == [stored])
      #expect(try tx.addressHolders(of: "held@acme.example")[.contact]?.map(\.record) == [contact])
      #expect(try tx.emailsSharing(messageID: "<new@x>").isEmpty)

      // Written now: an email with a Message-ID looked up as absent, a reference awaited and
      // an address attached.
      let new = try tx.insertEmail(StoreSamples.email("new@x", subject: "New"))
      try tx.awaitReferences(emailID: new, messageIDs: ["<later@x>"])
      let lead = try tx.insertRecord(.lead, name: "New lead", account: nil, createdBy: nil)
      try tx.attachAddress(EmailAddress("new@acme.example"), to: .lead, id: lead.id, primary: true)

      #expect(try tx.emailsSharing(messageID: "<new@x>").map(\.emailID) == [new])
      #expect(try tx.threadingInfo(messageID: "<new@x>")?.emailID == new)
      #expect(try tx.takeAwaiting(messageID: "<later@x>") == [new])
      #expect(try tx.addressHolders(of: "new@acme.example")[.lead]?.map(\.record) == [lead])
      let later = try tx.threadingInfo(messageID: "<later@x>")
      #expect(later == nil)
    }
  }

  @Test("parties looked up ahead get their ids: stored addresses keep theirs, new ones are stored once")
  func partiesLookedUpAheadGetTheirIDs() throws {
    let scratch = try ScratchStore()
    let known = try scratch.write { tx in try tx.addressID(EmailAddress("Known@Acme.example")) }
    try scratch.write { tx in
      try tx.lookAhead(
        messageIDs: [], addresses: [], parties: ["known@acme.example", "New@Acme.example", "new@acme.example", "not an address"])
      #expect(tx.addressIDs.byLower["known@acme.example"] == known)
      // PostgreSQL stores the new address then; SQLite when an email names it.
      #expect((tx.addressIDs.byLower["new@acme.example"] != nil) == (tx.db.engine == .postgresql))
      let id = try tx.insertEmail(
        StoreSamples.email("parties@x", from: "known@acme.example", to: ["New@Acme.example"], cc: ["other@acme.example"]))
      let fields = try #require(try tx.storedFingerprintFields(emailID: id))
      #expect(fields.from == ["Known@Acme.example"])
      #expect(fields.to == ["New@Acme.example"])  // stored as first written
      #expect(fields.cc == ["other@acme.example"])
      #expect(try tx.db.value(Int64.self, "SELECT count(*) FROM email_address") == 3)
    }
  }

  @Test("a look-ahead lasts one transaction, and longer lists than one query takes are looked up whole")
  func aLookAheadLastsOneTransactionAndCoversLongLists() throws {
    let scratch = try ScratchStore()
    let ids = (0..<1_300).map { "<m\($0)@x>" }
    try scratch.write { tx in
      for id in ids where id.hasPrefix("<m1") { _ = try tx.insertEmail(StoreSamples.email(String(id.dropFirst().dropLast()))) }
      try tx.lookAhead(messageIDs: Set(ids), addresses: [])
      #expect(tx.absent.messageIDs == Set(ids.filter { !$0.hasPrefix("<m1") }))
    }
    try scratch.write { tx in
      #expect(tx.absent.messageIDs.isEmpty)
      _ = try tx.insertEmail(StoreSamples.email("m5@x"))
    }
    try scratch.read { tx throws in
      #expect(try tx.emailsSharing(messageID: "<m5@x>").count == 1)
    }
  }
}
