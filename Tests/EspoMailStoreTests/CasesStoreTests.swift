import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Cases: numbers, status, assignment, teams and listing (`Transaction+Cases`).
@Suite struct CasesStoreTests {
  @Test("case numbers count up from 1 and a new case is New, unassigned, with its links")
  func caseNumbersAndNewCases() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let account = try tx.seedRecord(.account, "Acme")
      let contact = try tx.seedRecord(.contact, "Jane", account: account.id)
      let mail = try tx.seedAccount(StoreSamples.account("support"))
      let first = try tx.insertCase(
        name: "Printer", account: account.id, contact: contact.id, lead: nil, createdBy: alice)
      let second = try tx.insertCase(
        name: "Mail", account: nil, contact: nil, lead: nil, createdBy: nil, description: "body", mailAccount: mail)
      let third = try tx.insertCase(name: "Third", account: nil, contact: nil, lead: nil, createdBy: nil)
      #expect([first, second, third] == [1, 2, 3])
      let printer = try #require(try tx.caseRecord(number: first))
      #expect(printer.status == .new)
      #expect(printer.assignedUser == nil)
      #expect(printer.account == RecordReference(.account, account.id))
      #expect(printer.contact == contact)
      #expect(printer.createdBy == "alice")
      #expect(printer.groupAccount == nil)
      #expect(printer.emailCount == 0)
      let mailCase = try #require(try tx.caseRecord(number: second))
      #expect((mailCase.groupAccount, mailCase.description, mailCase.createdBy) == ("support", "body", nil))
      #expect(try tx.caseRecord(number: 4) == nil)
    }
  }

  @Test("assigning a New case makes it Assigned; other statuses stay")
  func assignSetsAssignedOnlyFromNew() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let number = try tx.insertCase(name: "Printer", account: nil, contact: nil, lead: nil, createdBy: nil)
      try tx.assignCase(number: number, userID: alice)
      #expect(
        try tx.caseRecord(number: number).map { ($0.status, $0.assignedUser) } ?? (.new, nil) == (.assigned, "alice"))
      try tx.setCaseStatus(number: number, .pending)
      try tx.assignCase(number: number, userID: bob)
      #expect(
        try tx.caseRecord(number: number).map { ($0.status, $0.assignedUser) } ?? (.new, nil) == (.pending, "bob"))
    }
  }

  @Test("case teams are added once and listed by name")
  func caseTeams() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let support = try tx.seedTeam("Support")
      let billing = try tx.seedTeam("Billing")
      let number = try tx.insertCase(name: "Printer", account: nil, contact: nil, lead: nil, createdBy: nil)
      try tx.addCaseTeam(number: number, teamID: support)
      try tx.addCaseTeam(number: number, teamID: billing)
      try tx.addCaseTeam(number: number, teamID: support)
      #expect(try tx.caseRecord(number: number)?.teams == ["Billing", "Support"])
    }
  }

  @Test("a case counts the emails linked to it")
  func emailCount() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let number = try tx.insertCase(name: "Printer", account: nil, contact: nil, lead: nil, createdBy: nil)
      _ = try tx.insertEmail(StoreSamples.email("a@x", parent: RecordReference(.case, number)))
      let other = try tx.insertEmail(StoreSamples.email("b@x"))
      try tx.setParent(emailID: other, RecordReference(.case, number), account: nil)
      _ = try tx.insertEmail(StoreSamples.email("c@x"))
      #expect(try tx.caseRecord(number: number)?.emailCount == 2)
    }
  }

  @Test("listing: newest first, each filter narrowing, nil filters not filtering")
  func listingFilters() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let mail = try tx.seedAccount(StoreSamples.account("support"))
      let one = try tx.insertCase(name: "one", account: nil, contact: nil, lead: nil, createdBy: nil, mailAccount: mail)
      let two = try tx.insertCase(name: "two", account: nil, contact: nil, lead: nil, createdBy: nil)
      let three = try tx.insertCase(
        name: "three", account: nil, contact: nil, lead: nil, createdBy: nil, mailAccount: mail)
      try tx.assignCase(number: one, userID: alice)
      try tx.assignCase(number: two, userID: alice)
      try tx.setCaseStatus(number: two, .closed)
      #expect(try tx.cases(CaseQuery()).map(\.number) == [three, two, one])
      #expect(try tx.cases(CaseQuery(status: .new)).map(\.number) == [three])
      #expect(try tx.cases(CaseQuery(assignedUserID: alice)).map(\.number) == [two, one])
      #expect(try tx.cases(CaseQuery(mailAccountID: mail)).map(\.number) == [three, one])
      #expect(
        try tx.cases(CaseQuery(status: .assigned, assignedUserID: alice, mailAccountID: mail)).map(\.number) == [one])
    }
  }
}
