import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Foundation
import Testing

@testable import EspoMailKit

/// Which record a new email is linked to, first rule wins (`ParentFinder`): our Message-IDs in
/// References, the replied email's parent, then From, Reply-To and To by address.
@Suite struct ParentFinderTests {
  private let now = Date(timeIntervalSince1970: 1_800_000_000)

  /// Records: Acme (info@) with contacts Jane (jane@, primary) and an older secondary holder of
  /// jane@; Loose (loose@, no account); Globex (globex@); Lena (lena@, a lead); a user's address.
  private struct World {
    let scratch: ScratchStore
    let acme: RecordReference
    let jane: RecordReference
    let loose: RecordReference
    let globex: RecordReference
    let lena: RecordReference
    let deal: RecordReference
  }

  private func world() throws -> World {
    let scratch = try ScratchStore()
    return try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme", addresses: ["info@acme.example", "shared@x.example"])
      let initech = try tx.seedRecord(.account, "Initech")
      try tx.seedRecord(
        .contact, "Old Jane", account: initech.id, addresses: ["old@initech.example", "jane@acme.example"])
      let jane = try tx.seedRecord(.contact, "Jane", account: acme.id, addresses: ["jane@acme.example"])
      let loose = try tx.seedRecord(.contact, "Loose", addresses: ["loose@x.example", "shared@x.example"])
      let globex = try tx.seedRecord(.account, "Globex", addresses: ["globex@x.example", "lead-too@x.example"])
      let lena = try tx.seedRecord(
        .lead, "Lena", addresses: ["lena@lead.example", "lead-too@x.example", "shared@x.example"])
      let deal = try tx.seedRecord(.opportunity, "Deal", account: acme.id)
      try tx.seedUser("alice", addresses: ["alice@example.com"])
      return World(scratch: scratch, acme: acme, jane: jane, loose: loose, globex: globex, lena: lena, deal: deal)
    }
  }

  private func find(_ world: World, _ email: NewEmail, b2c: Bool = false) throws -> ParentDecision {
    try world.scratch.read { tx in try ParentFinder(tx: tx, isB2C: b2c, now: now).find(for: email) }
  }

  private func from(_ address: String, replyTo: String? = nil, to: [String] = []) -> NewEmail {
    var email = StoreSamples.email("new@x", from: address, to: to)
    email.replyTo = replyTo.map { [EmailParty(name: nil, address: $0)] } ?? []
    return email
  }

  @Test("From a contact: its account; in B2C mode the contact itself")
  func contactMapsToItsAccount() throws {
    let world = try world()
    let decision = try find(world, from("Jane@Acme.example"))
    #expect((decision.parent, decision.rule) == (world.acme, "from"))
    #expect(decision.detail.contains("works for account:\(world.acme.id)"))
    #expect(try find(world, from("jane@acme.example"), b2c: true).parent == world.jane)
  }

  @Test("several contacts with the address: the primary holder wins over an older secondary one")
  func primaryHolderFirst() throws {
    let world = try world()
    let decision = try find(world, from("jane@acme.example"), b2c: true)
    #expect(decision.parent == world.jane)
    #expect(decision.detail.contains("first of 2 contacts"))
  }

  @Test("a contact without an account is the parent itself")
  func contactWithoutAccount() throws {
    let world = try world()
    #expect(try find(world, from("loose@x.example")).parent == world.loose)
  }

  @Test("no contact: an account holding the address; no account: a lead")
  func accountThenLead() throws {
    let world = try world()
    #expect(try find(world, from("globex@x.example")).parent == world.globex)
    #expect(try find(world, from("lead-too@x.example")).parent == world.globex)
    #expect(try find(world, from("lena@lead.example")).parent == world.lena)
    #expect(try find(world, from("shared@x.example"), b2c: true).parent == world.loose)  // contact beats account and lead
  }

  @Test("From, then the first Reply-To, then the first To; what was passed over is said")
  func addressOrder() throws {
    let world = try world()
    let viaReplyTo = try find(
      world, from("nobody@else.example", replyTo: "globex@x.example", to: ["lena@lead.example"]))
    #expect((viaReplyTo.parent, viaReplyTo.rule) == (world.globex, "reply-to"))
    #expect(viaReplyTo.passedOver == ["From address nobody@else.example: no contact, account or lead has it"])
    let viaTo = try find(world, from("nobody@else.example", to: ["lena@lead.example", "globex@x.example"]))
    #expect((viaTo.parent, viaTo.rule) == (world.lena, "to"))
    let second = try find(world, from("nobody@else.example", to: ["nobody2@else.example", "globex@x.example"]))
    #expect((second.parent, second.rule) == (nil, "none"))  // only the first To counts
  }

  @Test("users' addresses, and addresses nobody holds, give no parent")
  func noParent() throws {
    let world = try world()
    let decision = try find(world, from("alice@example.com", to: ["nobody@else.example"]))
    #expect((decision.parent, decision.rule, decision.detail) == (nil, "none", "no rule matched"))
    #expect(decision.passedOver.count == 2)
  }

  @Test("our Message-ID in References wins over In-Reply-To and addresses")
  func ownMessageIDWins() throws {
    let world = try world()
    try world.scratch.write { tx in _ = try tx.insertEmail(StoreSamples.email("old@x", parent: world.globex)) }
    let ours = OwnMessageID.make(parent: world.deal, unixTime: 1_700_000_000, random: "r", domain: "example.com")
    var email = from("jane@acme.example")
    email.inReplyTo = "<old@x>"
    email.references = "<unrelated@x> \(ours) <old@x>"
    let decision = try find(world, email)
    #expect((decision.parent, decision.rule) == (world.deal, "references"))
    #expect(decision.repliedEmailID == 1)  // the thread link is kept
  }

  @Test("our Message-ID for a record that is gone is passed over; one dated in the future is ignored")
  func ownMessageIDMustBeTrue() throws {
    let world = try world()
    let gone = OwnMessageID.make(
      parent: RecordReference(.account, 99), unixTime: 1_700_000_000, random: "r", domain: "x")
    let future = OwnMessageID.make(parent: world.deal, unixTime: 1_900_000_000, random: "r", domain: "x")
    var email = from("globex@x.example")
    email.references = "\(gone) \(future)"
    let decision = try find(world, email)
    #expect((decision.parent, decision.rule) == (world.globex, "from"))
    #expect(decision.passedOver == ["References \(gone): account:99 no longer exists"])
  }

  @Test("a reply takes the parent of the email it answers, over its sender's address; opportunities and cases only so")
  func inReplyToParent() throws {
    let world = try world()
    let (original, toCase) = try world.scratch.write { tx in
      let number = try tx.insertCase(name: "Case", account: nil, contact: nil, lead: nil, createdBy: nil)
      return (
        try tx.insertEmail(StoreSamples.email("deal@x", parent: world.deal)),
        try tx.insertEmail(StoreSamples.email("case@x", parent: RecordReference(.case, number)))
      )
    }
    var reply = from("jane@acme.example")
    reply.inReplyTo = "<deal@x>"
    let decision = try find(world, reply)
    #expect((decision.parent, decision.rule, decision.repliedEmailID) == (world.deal, "in-reply-to", original))
    reply.inReplyTo = "<case@x>"
    #expect(try find(world, reply).parent == RecordReference(.case, 1))
    #expect(try find(world, reply).repliedEmailID == toCase)
  }

  @Test("a replied email without a parent: the nearest stored ancestor in References decides, by its own headers")
  func referencesThread() throws {
    let world = try world()
    try world.scratch.write { tx in
      _ = try tx.insertEmail(StoreSamples.email("a@x", parent: world.lena))
      _ = try tx.insertEmail(StoreSamples.email("b@x", inReplyTo: "a@x", references: ["a@x"], parent: world.globex))
      _ = try tx.insertEmail(StoreSamples.email("c@x", inReplyTo: "b@x", references: ["a@x", "b@x"]))
    }
    var reply = from("nobody@else.example")
    reply.inReplyTo = "<c@x>"
    reply.references = "<b@x> <a@x> <c@x>"  // parent first, as some mailers write it
    let decision = try find(world, reply)
    #expect((decision.parent, decision.rule) == (world.globex, "references-thread"))
    #expect(decision.repliedEmailID == 3)
    #expect(decision.passedOver.first?.contains("which has no parent") == true)
  }

  @Test("ids named but not stored are remembered, so the reply is threaded when one arrives")
  func unresolvedIDs() throws {
    let world = try world()
    var reply = from("globex@x.example")
    reply.inReplyTo = "<missing-parent@x>"
    reply.references = "<missing-root@x> <missing-parent@x>"
    let decision = try find(world, reply)
    #expect(Set(decision.unresolvedIDs) == ["<missing-parent@x>", "<missing-root@x>"])
    #expect(decision.repliedEmailID == nil)
    #expect(decision.parent == world.globex)
  }
}
