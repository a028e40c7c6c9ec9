import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Shared address rows and their owners (`Transaction+Addresses`).
@Suite struct AddressesStoreTests {
  @Test("one address row is shared by every owner, whatever the case")
  func oneAddressRowIsSharedCaseInsensitively() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.insertRecord(.account, name: "Acme", account: nil, createdBy: nil)
      let contact = try tx.insertRecord(.contact, name: "Jane", account: account.id, createdBy: nil)
      try tx.attachAddress(EmailAddress("Jane@Acme.example"), to: .contact, id: contact.id, primary: true)
      try tx.attachAddress(EmailAddress("jane@acme.EXAMPLE"), to: .account, id: account.id, primary: true)
      #expect(try tx.addressID(EmailAddress("JANE@acme.example")) == tx.addressID(EmailAddress("jane@acme.example")))
      #expect(try tx.owners(of: EmailAddress("JANE@acme.example"), kind: .contact) == [contact.id])
      #expect(try tx.addresses(of: .account, id: account.id) == ["Jane@Acme.example"])  // as first written
    }
  }

  @Test("an address identifies one user: a second user cannot take it")
  func anAddressIdentifiesOneUser() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.insertUser(login: "alice", name: "Alice", isAdmin: false, isActive: true)
      let bob = try tx.insertUser(login: "bob", name: "Bob", isAdmin: false, isActive: true)
      try tx.attachAddress(EmailAddress("desk@example.com"), to: .user, id: alice, primary: true)
      #expect(throws: EspoMailError.self) {
        try tx.attachAddress(EmailAddress("DESK@example.com"), to: .user, id: bob, primary: true)
      }
    }
  }

  @Test("several contacts may share an address; one owner cannot have it twice")
  func recordsShareAddressesButNotTwice() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let first = try tx.insertRecord(.contact, name: "Jane", account: nil, createdBy: nil)
      let second = try tx.insertRecord(.contact, name: "Jane again", account: nil, createdBy: nil)
      try tx.attachAddress(EmailAddress("jane@acme.example"), to: .contact, id: first.id, primary: true)
      try tx.attachAddress(EmailAddress("jane@acme.example"), to: .contact, id: second.id, primary: true)
      #expect(try tx.owners(of: EmailAddress("jane@acme.example"), kind: .contact) == [first.id, second.id])
      #expect(throws: EspoMailError.self) {
        try tx.attachAddress(EmailAddress("Jane@acme.example"), to: .contact, id: first.id, primary: false)
      }
    }
  }

  @Test("the first address is primary; a later primary one takes its place; addresses list primary first")
  func primaryAddress() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let user = try tx.seedUser("alice")
      try tx.attachAddress(EmailAddress("a1@example.com"), to: .user, id: user, primary: false)
      try tx.attachAddress(EmailAddress("a2@example.com"), to: .user, id: user, primary: false)
      #expect(try tx.addresses(of: .user, id: user) == ["a1@example.com", "a2@example.com"])
      try tx.attachAddress(EmailAddress("a3@example.com"), to: .user, id: user, primary: true)
      #expect(try tx.addresses(of: .user, id: user) == ["a3@example.com", "a1@example.com", "a2@example.com"])
    }
  }

  @Test("detaching the primary address makes the oldest remaining one primary")
  func detachKeepsAPrimary() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let user = try tx.seedUser("alice", addresses: ["a1@example.com", "a2@example.com", "a3@example.com"])
      try tx.detachAddress(EmailAddress("A1@example.com"), from: .user, id: user)
      #expect(try tx.addresses(of: .user, id: user) == ["a2@example.com", "a3@example.com"])
      // The address row stays, and another user may now take the address.
      let bob = try tx.seedUser("bob")
      try tx.attachAddress(EmailAddress("a1@example.com"), to: .user, id: bob, primary: true)
      #expect(try tx.owners(of: EmailAddress("a1@example.com"), kind: .user) == [bob])
    }
  }

  @Test("detaching an address the owner lacks is not-found")
  func detachingAMissingAddressIsNotFound() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let user = try tx.seedUser("alice", addresses: ["a1@example.com"])
      do {
        try tx.detachAddress(EmailAddress("other@example.com"), from: .user, id: user)
        Issue.record("detached an address the user does not have")
      } catch let error as EspoMailError {
        #expect(error.status == .notFound)
      }
    }
  }

  @Test("owners of an address: primary holders first, then by id")
  func ownersOrder() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let old = try tx.seedRecord(.lead, "Old", addresses: ["main@x.example", "shared@x.example"])
      let new = try tx.seedRecord(.lead, "New", addresses: ["shared@x.example"])
      let third = try tx.seedRecord(.lead, "Third", addresses: ["mine@x.example", "shared@x.example"])
      #expect(try tx.owners(of: EmailAddress("shared@x.example"), kind: .lead) == [new.id, old.id, third.id])
      #expect(try tx.owners(of: EmailAddress("shared@x.example"), kind: .contact).isEmpty)
    }
  }
}
