import EspoMailTestSupport
import Foundation
import Testing

/// `crm lead convert`, and mail from a converted lead's address linked to what it became, with
/// mail fetched from a real Dovecot.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct LeadConversionTests {
  /// A lab with a personal account for alice, a lead and an account without addresses.
  private func lab() throws -> (MailLab, String) {
    let lab = try MailLab()
    try lab.store.json(["user", "add", "alice", "--email", "alice@example.com"])
    try lab.store.json(["crm", "lead", "add", "Prospect", "--email", "prospect@lead.example"])
    try lab.store.json(["crm", "account", "add", "Prospect Ltd"])
    let box = try lab.mailbox("alice")
    #expect(lab.addAccount("alice-mail", mailbox: box, kind: ["--personal", "--owner", "alice"]).status == 0)
    return (lab, box)
  }

  /// Delivers one message from the lead, fetches it and returns its listing and parent decision.
  private func fromLead(_ lab: MailLab, _ box: String, subject: String) throws -> (parent: String?, detail: String) {
    try lab.dovecot.deliver(SampleMessage.make(from: "prospect@lead.example", to: "alice@example.com", subject: subject), to: box)
    #expect(try lab.fetch().status == 0)
    let email = try #require(try lab.store.json(["email", "list", "--search", subject]).array().first)
    let explanation = try lab.store.json(["explain", "\(try #require(email["id"] as? Int))"]).object()
    let decision = try #require((explanation["decisions"] as? [[String: Any]])?.first { $0["step"] as? String == "parent" })
    return (email["parent"] as? String, decision["detail"] as? String ?? "")
  }

  @Test func aConvertedLeadsMailLinksToItsAccount() throws {
    let (lab, box) = try lab()
    #expect(try fromLead(lab, box, subject: "before").parent == "lead:1")
    let converted = try lab.store.json(["crm", "lead", "convert", "lead:1", "--account", "account:1"]).object()
    let conversion = try #require(converted["convertedTo"] as? [String: Any])
    #expect(conversion["account"] as? String == "account:1")
    #expect(conversion["contact"] is NSNull)
    let after = try fromLead(lab, box, subject: "after")
    #expect(after.parent == "account:1")
    #expect(after.detail.contains("lead:1 was converted"))
    // Mail linked before the conversion stays with the lead.
    #expect(try lab.store.json(["email", "list", "--parent", "lead:1"]).array().count == 1)
    let again = lab.store.run(["crm", "lead", "convert", "lead:1", "--account", "account:1"])
    #expect(again.status == 65)
    #expect(again.stderr.contains("converted already"))
  }

  @Test func newRecordsTakeTheLeadsAddressesAndB2CLinksTheContact() throws {
    let (lab, box) = try lab()
    try lab.store.json(["setting", "set", "b2c-mode", "yes"])
    let converted = try lab.store.json([
      "crm", "lead", "convert", "lead:1", "--new-account", "Prospect Inc", "--new-contact", "Pat Prospect",
      "--new-opportunity", "First order",
    ]).object()
    let conversion = try #require(converted["convertedTo"] as? [String: Any])
    #expect(conversion["account"] as? String == "account:2")
    #expect(conversion["contact"] as? String == "contact:1")
    #expect(conversion["opportunity"] as? String == "opportunity:1")
    let contact = try lab.store.json(["crm", "show", "contact:1"]).object()
    #expect(contact["addresses"] as? [String] == ["prospect@lead.example"])
    #expect(contact["account"] as? String == "account:2")
    #expect(try fromLead(lab, box, subject: "b2c").parent == "contact:1")
  }

  @Test func conversionNeedsLeadEditAndATarget() throws {
    let (lab, _) = try lab()
    try lab.store.json(["user", "add", "bob"])
    try lab.store.json(["role", "create", "Reader"])
    try lab.store.json(["role", "set", "Reader", "lead.read=all", "account.read=all"])
    try lab.store.json(["user", "role", "add", "bob", "Reader"])
    let denied = lab.store.run(["crm", "lead", "convert", "lead:1", "--account", "account:1"], as: "bob")
    #expect(denied.status == 77)
    #expect(denied.stderr.contains("lead.edit"))
    #expect(lab.store.run(["crm", "lead", "convert", "lead:1"]).status == 64)
    #expect(lab.store.run(["crm", "lead", "convert", "lead:1", "--new-opportunity", "Deal"]).status == 64)
    #expect(lab.store.run(["crm", "lead", "convert", "lead:1", "--account", "contact:1"]).status == 64)
    #expect(try lab.store.json(["crm", "show", "lead:1"]).object()["convertedTo"] is NSNull)
  }
}
