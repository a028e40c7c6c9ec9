import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// Email-to-case on a group account: which mail opens a case, which joins one, and what a new
/// case is linked to (`CaseRouter`).
@Suite struct CaseRouterTests {
  /// A store with group account `desk` opening cases for team Support (alice), and `other`, a
  /// second case account; Acme with contact Jane.
  private func world() throws -> ScratchStore {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedTeam("Support", members: [try tx.seedUser("alice")])
      let cases = CaseSettings(
        createCase: true, distribution: .direct, team: "Support", position: nil, assignTo: "alice")
      try tx.seedAccount(StoreSamples.account("desk", teams: ["Support"], cases: cases))
      try tx.seedAccount(
        StoreSamples.account(
          "other", cases: CaseSettings(createCase: true, distribution: nil, team: nil, position: nil, assignTo: nil)))
      try tx.seedAccount(StoreSamples.account("plain"))
      let acme = try tx.seedRecord(.account, "Acme", addresses: ["info@acme.example"])
      try tx.seedRecord(.contact, "Jane", account: acme.id, addresses: ["jane@acme.example"])
      try tx.seedRecord(.contact, "Joe", account: acme.id, addresses: ["joe@acme.example"])
      try tx.seedRecord(.lead, "Lena", addresses: ["lena@lead.example"])
    }
    return scratch
  }

  /// The case outcome of importing a message through an account.
  private func outcome(_ scratch: ScratchStore, _ raw: [UInt8], account: String) throws -> CaseOutcome {
    switch try scratch.importMessage(raw, account: account) {
    case .imported(_, let outcome), .merged(_, let outcome), .tooLarge(_, let outcome): return outcome
    default: throw TestSupportError("not imported")
    }
  }

  @Test("[#N] or [#N words] in a subject: the first positive number so bracketed")
  func caseNumberInSubject() {
    let cases: [(String, Int64?)] = [
      ("[#12] Printer", 12), ("Re: Printer [#7]", 7), ("Fwd: [#3] [#4]", 3), ("[#0] zero", nil),
      ("[#-3] negative", nil), ("[#12 Printer jam]", 12), ("Re: [#40 ACME: toner] again", 40),
      ("[#abc] words then [#5]", 5), ("[#12 unclosed", nil), ("#12 bare", nil), ("", nil), ("[# 12] space", nil),
      ("[#12 room 4] digits inside", nil), ("[#12a] [#13]", 12),
      ("[#99999999999999999999] too big", nil),
    ]
    for (subject, number) in cases { #expect(CaseRouter.caseNumber(in: subject) == number, "\(subject)") }
  }

  @Test("only group accounts with email-to-case open cases; automatic mail opens none")
  func whoOpensCases() throws {
    let scratch = try world()
    #expect(try outcome(scratch, SampleMessage.make(from: "x@y.example"), account: "plain") == CaseOutcome.none)
    #expect(
      try outcome(
        scratch, SampleMessage.make(from: "x@y.example", headers: ["Auto-Submitted: auto-replied"]), account: "desk")
        == CaseOutcome.none)
    #expect(
      try outcome(scratch, SampleMessage.make(from: "x@y.example"), account: "desk") == .created(1, assigned: true))
    #expect(
      try outcome(scratch, SampleMessage.make(from: "x@y.example"), account: "other") == .created(2, assigned: false))
  }

  @Test("a new case links the sender's contact and its account, or a lead when there is no account; joins the team")
  func newCaseLinks() throws {
    let scratch = try world()
    _ = try outcome(scratch, SampleMessage.make(from: "jane@acme.example", subject: "Printer"), account: "desk")
    _ = try outcome(scratch, SampleMessage.make(from: "lena@lead.example", subject: ""), account: "desk")
    try scratch.read { tx in
      let printer = try #require(try tx.caseRecord(number: 1))
      #expect(printer.account == RecordReference(.account, 1))
      #expect(printer.contact == RecordReference(.contact, 1))
      #expect(printer.lead == nil)
      #expect(printer.teams == ["Support"])
      #expect(printer.groupAccount == "desk")
      #expect(printer.emailCount == 1)
      let lead = try #require(try tx.caseRecord(number: 2))
      #expect((lead.name, lead.account, lead.lead) == ("(no subject)", nil, RecordReference(.lead, 1)))
    }
  }

  @Test("a reply in a case's thread joins the case")
  func replyJoinsTheCase() throws {
    let scratch = try world()
    _ = try outcome(scratch, SampleMessage.make(id: "first@acme.example", from: "jane@acme.example"), account: "desk")
    let reply = SampleMessage.make(
      id: "reply@acme.example", from: "joe@acme.example", subject: "Re: Hello",
      headers: ["In-Reply-To: <first@acme.example>"])
    #expect(try outcome(scratch, reply, account: "desk") == .threaded(1))
    #expect(try scratch.read { try $0.caseRecord(number: 1)?.emailCount } == 2)
  }

  @Test("[#N] of this account's case joins it, whoever writes")
  func tagOfThisAccount() throws {
    let scratch = try world()
    _ = try outcome(scratch, SampleMessage.make(from: "jane@acme.example"), account: "desk")
    #expect(
      try outcome(
        scratch, SampleMessage.make(from: "stranger@else.example", subject: "Re: [#1] Hello"), account: "desk")
        == .threaded(1))
  }

  @Test("[#N] of another account's case joins it only when the sender is its contact or of its account")
  func tagOfAnotherAccount() throws {
    let scratch = try world()
    _ = try outcome(scratch, SampleMessage.make(from: "jane@acme.example"), account: "other")  // case 1 via other
    #expect(
      try outcome(scratch, SampleMessage.make(from: "jane@acme.example", subject: "[#1] again"), account: "desk")
        == .threaded(1))
    #expect(
      try outcome(scratch, SampleMessage.make(from: "joe@acme.example", subject: "[#1] colleague"), account: "desk")
        == .threaded(1))
    #expect(
      try outcome(scratch, SampleMessage.make(from: "info@acme.example", subject: "[#1] account"), account: "desk")
        == .threaded(1))
    #expect(
      try outcome(scratch, SampleMessage.make(from: "stranger@else.example", subject: "[#1] guess"), account: "desk")
        == .created(2, assigned: true))
    let decisions = try scratch.read { try $0.decisions(emailID: 5) }
    #expect(decisions.contains { $0.step == "case" && $0.outcome == "ignored [#1]" })
  }

  @Test("[#N] naming no case opens a new one and says so")
  func tagOfNoCase() throws {
    let scratch = try world()
    #expect(
      try outcome(scratch, SampleMessage.make(from: "jane@acme.example", subject: "[#42] hello"), account: "desk")
        == .created(1, assigned: true))
    let decisions = try scratch.read { try $0.decisions(emailID: 1) }
    #expect(decisions.contains { $0.outcome == "ignored [#42]" && $0.detail == "there is no case #42: the email is treated as a new thread" })
  }
}
