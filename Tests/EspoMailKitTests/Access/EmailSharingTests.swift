import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Foundation
import Testing

@testable import EspoMailKit

/// Who is given an imported email, and so holds it for `own` access (`Importer`'s sharing):
/// active users whose address is in From, To, Cc or Bcc; a personal account's owner; a group
/// account's active team members, and its teams.
@Suite struct EmailSharingTests {
  /// The logins given a message imported through `account` (nil: no account).
  private func givenTo(_ raw: [UInt8], account: String? = nil, in scratch: ScratchStore) throws -> [String] {
    try scratch.write { tx in
      let mailAccount = try account.flatMap { try tx.mailAccount(name: $0) }
      let importer = try Importer(tx: tx, account: mailAccount, now: Date())
      guard case .imported(let id, _) = try importer.importMessage(raw, key: nil) else {
        Issue.record("not imported")
        return []
      }
      return try tx.emailUserIDs(emailID: id).compactMap { try tx.userSummary(id: $0)?.login }.sorted()
    }
  }

  @Test("the user's own address in From, To, Cc or Bcc gives them the email, without case")
  func ownAddressGivesTheEmail() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("alice", addresses: ["alice@example.com"])
      try tx.seedUser("bob", addresses: ["bob@example.com", "desk@example.com"])
      try tx.seedUser("carol", addresses: ["carol@example.com"])
      try tx.seedUser("old", active: false, addresses: ["old@example.com"])
    }
    #expect(try givenTo(SampleMessage.make(from: "Alice@Example.com", to: "x@y.example"), in: scratch) == ["alice"])
    #expect(try givenTo(SampleMessage.make(from: "x@y.example", to: "DESK@example.com"), in: scratch) == ["bob"])
    #expect(
      try givenTo(SampleMessage.make(from: "x@y.example", to: "x@y.example", cc: "carol@example.com"), in: scratch) == [
        "carol"
      ])
    #expect(
      try givenTo(
        SampleMessage.make(from: "x@y.example", to: "x@y.example", headers: ["Bcc: alice@example.com"]), in: scratch)
        == ["alice"])
    #expect(
      try givenTo(SampleMessage.make(from: "x@y.example", to: "old@example.com, nobody@example.com"), in: scratch) == []
    )
  }

  @Test("a personal account's owner gets its mail even when not addressed")
  func personalAccountOwner() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice", addresses: ["alice@example.com"])
      try tx.seedUser("bob", addresses: ["bob@example.com"])
      try tx.seedAccount(StoreSamples.account("alice-mail", kind: .personal, owner: "alice"), ownerID: alice)
    }
    #expect(
      try givenTo(
        SampleMessage.make(to: "list@lists.example", cc: "bob@example.com"), account: "alice-mail", in: scratch) == [
          "alice", "bob",
        ])
  }

  @Test("a group account's mail goes to its teams' active members and teams")
  func groupAccountTeams() throws {
    let scratch = try ScratchStore()
    let support = try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let old = try tx.seedUser("old", active: false)
      let support = try tx.seedTeam("Support", members: [alice, old])
      try tx.seedTeam("Sales", members: [try tx.seedUser("carol")])
      try tx.seedAccount(StoreSamples.account("desk", teams: ["Support"]))
      return support
    }
    #expect(try givenTo(SampleMessage.make(to: "desk@example.com"), account: "desk", in: scratch) == ["alice"])
    let teams = try scratch.read { tx in try tx.emailTeamIDs(emailID: 1) }
    #expect(teams == [support])
  }

  @Test("being given the email is what own access looks at")
  func givenMeansOwnAccess() throws {
    let scratch = try ScratchStore()
    let cc = try scratch.write { tx in
      let ids = [
        try tx.seedUser("alice", addresses: ["alice@example.com"]),
        try tx.seedUser("bob", addresses: ["bob@example.com"]),
      ]
      try tx.seedRole("Own", AccessSamples.permissions([.email: [.read: .own]]), users: ids)
      let importer = try Importer(tx: tx, account: nil, now: Date())
      guard
        case .imported(let id, _) = try importer.importMessage(
          SampleMessage.make(to: "x@y.example", cc: "alice@example.com"), key: nil)
      else { throw EspoMailError(.internalError, "not imported") }
      return id
    }
    #expect(try scratch.session("alice").showEmail(cc).summary.id == cc)
    #expect(throws: EspoMailError.self) { try scratch.session("bob").showEmail(cc) }
  }
}
