import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// CRM records and following them (`Transaction+Records`).
@Suite struct RecordsStoreTests {
  @Test("records of each type get their own ids; cases and emails are not made here")
  func insertRecord() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.insertRecord(.account, name: "Acme", account: nil, createdBy: nil)
      let lead = try tx.insertRecord(.lead, name: "Lead", account: nil, createdBy: nil)
      let jane = try tx.insertRecord(.contact, name: "Jane", account: acme.id, createdBy: nil)
      let deal = try tx.insertRecord(.opportunity, name: "Deal", account: acme.id, createdBy: nil)
      #expect(
        [acme, lead, jane, deal] == [
          RecordReference(.account, 1), RecordReference(.lead, 1), RecordReference(.contact, 1),
          RecordReference(.opportunity, 1),
        ])
      for type in [RecordType.case, .email] {
        do {
          _ = try tx.insertRecord(type, name: "x", account: nil, createdBy: nil)
          Issue.record("made a \(type) record")
        } catch let error as EspoMailError {
          #expect(error.status == .internalError)
        }
      }
    }
  }

  @Test("a contact or opportunity needs an existing account, if it names one")
  func accountMustExist() throws {
    let scratch = try ScratchStore()
    #expect(throws: EspoMailError.self) {
      try scratch.write { tx in try tx.insertRecord(.contact, name: "Jane", account: 42, createdBy: nil) }
    }
  }

  @Test("existence, for every record type (cases by number)")
  func recordExists() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let number = try tx.insertCase(name: "Case", account: nil, contact: nil, lead: nil, createdBy: nil)
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      for reference in [acme, RecordReference(.case, number), RecordReference(.email, email)] {
        #expect(try tx.recordExists(reference))
        #expect(try !tx.recordExists(RecordReference(reference.type, reference.id + 1)))
      }
      #expect(try !tx.recordExists(RecordReference(.contact, acme.id)))
    }
  }

  @Test("a record comes back with its addresses, account, followers and creator")
  func crmRecord() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let acme = try tx.seedRecord(.account, "Acme", addresses: ["info@acme.example"])
      let jane = try tx.seedRecord(
        .contact, "Jane", account: acme.id, createdBy: alice, addresses: ["jane@acme.example", "j@acme.example"])
      try tx.follow(userID: bob, jane)
      try tx.follow(userID: alice, jane)
      let record = try #require(try tx.crmRecord(jane))
      #expect(record.name == "Jane")
      #expect(record.addresses == ["jane@acme.example", "j@acme.example"])
      #expect(record.account == acme)
      #expect(record.accountName == "Acme")
      #expect(record.followers == ["alice", "bob"])
      #expect(record.createdByUserID == alice)
      #expect(try tx.crmRecord(acme)?.account == nil)
      #expect(try tx.crmRecord(RecordReference(.case, 1)) == nil)
      #expect(try tx.crmRecord(RecordReference(.lead, 1)) == nil)
    }
  }

  @Test("every record of a type, by id; opportunities have no addresses")
  func recordsByType() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let second = try tx.seedRecord(.opportunity, "Second", account: acme.id)
      let first = try tx.seedRecord(.opportunity, "First", account: acme.id)
      #expect(try tx.records(.opportunity).map(\.reference) == [second, first])
      #expect(try tx.records(.opportunity).allSatisfy { $0.addresses.isEmpty && $0.accountName == "Acme" })
      #expect(try tx.records(.lead).isEmpty)
    }
  }

  @Test("following and unfollowing say whether anything changed")
  func followAndUnfollow() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let acme = try tx.seedRecord(.account, "Acme")
      #expect(try tx.follow(userID: alice, acme))
      #expect(try !tx.follow(userID: alice, acme))
      #expect(try tx.followers(of: acme) == ["alice"])
      #expect(try tx.unfollow(userID: alice, acme))
      #expect(try !tx.unfollow(userID: alice, acme))
      #expect(try tx.followers(of: acme) == [])
    }
  }
}
