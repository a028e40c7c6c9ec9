import EspoMailCore
import EspoMailTestSupport
import GRDB
import Testing

@testable import EspoMailStore

/// What case distribution reads: eligible members, open cases, last assignments, case origins
/// (`Transaction+Distribution`).
@Suite struct DistributionStoreTests {
  @Test("eligible members: active members of the team, of the position if given, by login without case")
  func eligibleMembers() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let carol = try tx.seedUser("carol")
      let bob = try tx.seedUser("Bob")
      let alice = try tx.seedUser("alice")
      let dave = try tx.seedUser("dave", active: false)
      let erin = try tx.seedUser("erin")
      let team = try tx.seedTeam("Support")
      try tx.seedTeam("Sales", members: [erin])
      try tx.addMember(teamID: team, userID: carol, position: "L1")
      try tx.addMember(teamID: team, userID: bob, position: "L2")
      try tx.addMember(teamID: team, userID: alice, position: "L1")
      try tx.addMember(teamID: team, userID: dave, position: "L1")
      #expect(
        try tx.eligibleMembers(team: "Support", position: nil)
          == [
            EligibleMember(id: alice, login: "alice"), EligibleMember(id: bob, login: "Bob"),
            EligibleMember(id: carol, login: "carol"),
          ])
      #expect(try tx.eligibleMembers(team: "Support", position: "L1").map(\.login) == ["alice", "carol"])
      #expect(try tx.eligibleMembers(team: "Support", position: "L3").isEmpty)
      #expect(try tx.eligibleMembers(team: "Nobody", position: nil).isEmpty)
    }
  }

  @Test("open cases per user: Closed, Rejected and Duplicate do not count; zero is included")
  func openCaseCounts() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      for status in CaseStatus.allCases {
        let number = try tx.insertCase(name: status.rawValue, account: nil, contact: nil, lead: nil, createdBy: nil)
        try tx.assignCase(number: number, userID: alice)
        if status != .assigned { try tx.setCaseStatus(number: number, status) }
      }
      #expect(try tx.openCaseCounts(userIDs: [alice, bob]) == [alice: 3, bob: 0])  // new, assigned, pending
      #expect(try tx.openCaseCounts(userIDs: []) == [:])
    }
  }

  @Test("last assignment: absent for users never given a case; in the order given within one second")
  func lastAssignment() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let carol = try tx.seedUser("carol")
      for user in [bob, alice] {
        let number = try tx.insertCase(name: "one", account: nil, contact: nil, lead: nil, createdBy: nil)
        try tx.assignCase(number: number, userID: user)
      }
      // Both in the same second, as in one fetch: the stamps still say bob came first.
      try tx.db.execute("UPDATE crm_case SET assigned_at = '2026-01-01T00:00:00Z'")
      let times = try tx.lastAssignment(userIDs: [alice, bob, carol])
      #expect(times.keys.sorted() == [alice, bob])
      #expect(try #require(times[bob]) < #require(times[alice]))
    }
  }

  @Test("a case's origin: its group account, CRM links, assignee and teams; nil for no case")
  func caseOrigin() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let team = try tx.seedTeam("Support")
      let mail = try tx.seedAccount(StoreSamples.account("support"))
      let account = try tx.seedRecord(.account, "Acme")
      let contact = try tx.seedRecord(.contact, "Jane", account: account.id)
      let number = try tx.insertCase(
        name: "Printer", account: account.id, contact: contact.id, lead: nil, createdBy: nil, mailAccount: mail)
      try tx.assignCase(number: number, userID: alice)
      try tx.addCaseTeam(number: number, teamID: team)
      let origin = try #require(try tx.caseOrigin(number: number))
      #expect(origin.mailAccountID == mail)
      #expect(origin.accountID == account.id)
      #expect(origin.contactID == contact.id)
      #expect(origin.assignedUserID == alice)
      #expect(origin.teamIDs == [team])
      #expect(try tx.caseOrigin(number: number + 1) == nil)
    }
  }

  @Test("a case's emails, oldest first; sharing attachments leaves inline parts out")
  func caseEmailsAndAttachments() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let number = try tx.insertCase(name: "Printer", account: nil, contact: nil, lead: nil, createdBy: nil)
      let record = RecordReference(.case, number)
      var first = StoreSamples.email(
        "a@x", subject: "Later", date: "2026-11-16T12:00:00Z", from: "jane@acme.example", parent: record)
      first.attachments = [
        NewAttachment(name: "log.txt", contentType: "text/plain", isInline: false, contentID: nil, bytes: [1]),
        NewAttachment(name: "logo.png", contentType: "image/png", isInline: true, contentID: "logo", bytes: [2]),
      ]
      let later = try tx.insertEmail(first)
      let earlier = try tx.insertEmail(
        StoreSamples.email("b@x", subject: "Earlier", date: "2026-11-16T09:00:00Z", parent: record))
      let emails = try tx.caseEmails(number: number)
      #expect(emails.map(\.id) == [earlier, later])
      #expect(emails.map(\.subject) == ["Earlier", "Later"])
      #expect(emails.map(\.from) == [nil, "jane@acme.example"])
      try tx.shareAttachments(emailID: later, caseNumber: number)
      // Nothing public reads an attachment's case: the one raw query of this file.
      let shared = try tx.db.values(String.self, "SELECT name FROM attachment WHERE case_number = ?", [number])
      #expect(shared == ["log.txt"])
    }
  }
}
