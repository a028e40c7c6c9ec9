import EspoMailTestSupport
import Foundation
import Testing

/// Parent linking, threading, stream notes, notifications and explain, with mail fetched from a
/// real Dovecot.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct LinkingTests {
  /// A lab with a personal account for alice and the Acme CRM records.
  private func lab() throws -> (MailLab, String) {
    let lab = try MailLab()
    let store = lab.store
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    try store.json(["crm", "account", "add", "Acme", "--email", "info@acme.example"])
    try store.json(["crm", "contact", "add", "Jane", "--email", "jane@acme.example", "--account", "account:1"])
    try store.json(["crm", "contact", "add", "Loner", "--email", "loner@solo.example"])
    try store.json(["crm", "lead", "add", "Prospect", "--email", "prospect@lead.example"])
    let box = try lab.mailbox("alice")
    #expect(lab.addAccount("alice-mail", mailbox: box, kind: ["--personal", "--owner", "alice"]).status == 0)
    return (lab, box)
  }

  private func emails(_ lab: MailLab) throws -> [String: [String: Any]] {
    var bySubject: [String: [String: Any]] = [:]
    for email in try lab.store.json(["email", "list", "--limit", "1000"]).array() {
      bySubject[email["subject"] as? String ?? ""] = email
    }
    return bySubject
  }

  @Test func addressesPickTheRightRecord() throws {
    let (lab, box) = try lab()
    try lab.dovecot.deliver(
      [
        SampleMessage.make(from: "Jane <jane@ACME.example>", to: "alice@example.com", subject: "contact"),
        SampleMessage.make(from: "loner@solo.example", to: "alice@example.com", subject: "contact without account"),
        SampleMessage.make(from: "prospect@lead.example", to: "alice@example.com", subject: "lead"),
        SampleMessage.make(from: "someone@nowhere.example", to: "alice@example.com", subject: "unknown"),
        SampleMessage.make(from: "alice@example.com", to: "info@acme.example", subject: "outgoing to account"),
      ], to: box)
    #expect(try lab.fetch().status == 0)
    let bySubject = try emails(lab)
    #expect(bySubject["contact"]?["parent"] as? String == "account:1")
    #expect(bySubject["contact without account"]?["parent"] as? String == "contact:2")
    #expect(bySubject["lead"]?["parent"] as? String == "lead:1")
    #expect(bySubject["unknown"]?["parent"] is NSNull)
    #expect(bySubject["outgoing to account"]?["parent"] as? String == "account:1")  // first To
    let id = try #require(bySubject["contact"]?["id"] as? Int)
    let explanation = try lab.store.json(["explain", "\(id)"]).object()
    let decisions = try #require(explanation["decisions"] as? [[String: Any]])
    let parent = try #require(decisions.first { $0["step"] as? String == "parent" })
    #expect((parent["detail"] as? String)?.contains("contact:1") == true)
    #expect((parent["detail"] as? String)?.contains("works for account:1") == true)
  }

  @Test func b2cModeLinksTheContactItself() throws {
    let (lab, box) = try lab()
    try lab.store.json(["setting", "set", "b2c-mode", "yes"])
    try lab.dovecot.deliver(SampleMessage.make(from: "jane@acme.example", to: "alice@example.com", subject: "b2c"), to: box)
    _ = try lab.fetch()
    #expect(try emails(lab)["b2c"]?["parent"] as? String == "contact:1")
    #expect(lab.store.run(["setting", "set", "b2c-mode", "maybe"]).status == 64)
  }

  @Test func sharedAddressesResolveDeterministically() throws {
    let (lab, box) = try lab()
    try lab.store.json(["crm", "contact", "add", "Jane again", "--email", "jane@acme.example"])
    try lab.dovecot.deliver(SampleMessage.make(from: "jane@acme.example", to: "alice@example.com", subject: "shared"), to: box)
    _ = try lab.fetch()
    // The first contact holding the address as primary and oldest wins: contact:1, at account:1.
    #expect(try emails(lab)["shared"]?["parent"] as? String == "account:1")
  }

  @Test func repliesThreadThroughInReplyToAndReferences() throws {
    let (lab, box) = try lab()
    try lab.store.json(["case", "create", "Broken printer"])
    try lab.dovecot.deliver(
      SampleMessage.make(id: "root@acme.example", from: "jane@acme.example", to: "alice@example.com", subject: "Printer"), to: box)
    _ = try lab.fetch()
    let rootID = try #require(try emails(lab)["Printer"]?["id"] as? Int)
    try lab.store.json(["email", "link", "\(rootID)", "case:1"])
    try lab.dovecot.deliver(
      [
        SampleMessage.make(
          id: "r1@x.example", from: "stranger@elsewhere.example", to: "alice@example.com", subject: "Re: Printer",
          headers: ["In-Reply-To: <root@acme.example>", "References: <root@acme.example>"]),
        SampleMessage.make(
          id: "r2@x.example", from: "other@elsewhere.example", to: "alice@example.com", subject: "Re: Re: Printer",
          headers: ["References: <unknown@x.example> <root@acme.example> <r1@x.example>"]),
      ], to: box)
    _ = try lab.fetch()
    let bySubject = try emails(lab)
    #expect(bySubject["Re: Printer"]?["parent"] as? String == "case:1")  // unknown sender, linked thread
    #expect(bySubject["Re: Re: Printer"]?["parent"] as? String == "case:1")  // References only
    let r1 = try #require(bySubject["Re: Printer"]?["id"] as? Int)
    let explanation = try lab.store.json(["explain", "\(r1)"]).object()
    let detail = (explanation["decisions"] as? [[String: Any]])?.first { $0["step"] as? String == "parent" }?["detail"]
    #expect((detail as? String)?.hasPrefix("in-reply-to: In-Reply-To <root@acme.example>") == true)
    #expect(try lab.store.json(["stream", "show", "case:1"]).array().count == 2)
  }

  @Test func ourOwnMessageIDsThreadBackToTheirRecord() throws {
    let (lab, box) = try lab()
    try lab.store.json(["crm", "opportunity", "add", "Renewal", "--account", "account:1"])
    let ours = "<espomail.opportunity.1.\(Int(Date().timeIntervalSince1970) - 60).k3j4@example.com>"
    let future = "<espomail.lead.1.\(Int(Date().timeIntervalSince1970) + 86_400).k3j4@example.com>"
    try lab.dovecot.deliver(
      [
        SampleMessage.make(
          from: "stranger@elsewhere.example", to: "alice@example.com", subject: "Re: Renewal",
          headers: ["In-Reply-To: \(ours)", "References: \(ours)"]),
        SampleMessage.make(
          from: "stranger@elsewhere.example", to: "alice@example.com", subject: "forged", headers: ["References: \(future)"]),
      ], to: box)
    _ = try lab.fetch()
    let bySubject = try emails(lab)
    #expect(bySubject["Re: Renewal"]?["parent"] as? String == "opportunity:1")
    #expect(bySubject["forged"]?["parent"] is NSNull)
  }

  @Test func aMailingListThreadFollowsItsReferencesChain() throws {
    let (lab, box) = try lab()
    // A list-style thread: each message lists the whole chain in References, some replies skip
    // In-Reply-To, one arrives before its parent, and the list rewrites From.
    let chain = ["t1@lists.example", "t2@lists.example", "t3@lists.example", "t4@lists.example"]
    var messages: [[UInt8]] = []
    messages.append(
      SampleMessage.make(
        id: chain[2], from: "Dev via list <devlist@lists.example>", to: "alice@example.com", subject: "Re: [dev] API",
        headers: ["References: <\(chain[0])> <\(chain[1])>", "List-Id: <dev.lists.example>"]))
    messages.append(
      SampleMessage.make(
        id: chain[0], from: "jane@acme.example", to: "devlist@lists.example", cc: "alice@example.com",
        subject: "[dev] API", headers: ["List-Id: <dev.lists.example>"]))
    messages.append(
      SampleMessage.make(
        id: chain[1], from: "Bob via list <devlist@lists.example>", to: "alice@example.com", subject: "Re: [dev] API",
        headers: ["In-Reply-To: <\(chain[0])>", "References: <\(chain[0])>", "List-Id: <dev.lists.example>"]))
    messages.append(
      SampleMessage.make(
        id: chain[3], from: "Carol via list <devlist@lists.example>", to: "alice@example.com",
        subject: "Re: [dev] API (final)",
        headers: ["References: <\(chain[0])>\r\n <\(chain[1])>\r\n <\(chain[2])>", "List-Id: <dev.lists.example>"]))
    try lab.dovecot.deliver(messages, to: box)
    _ = try lab.fetch()
    let all = try lab.store.json(["email", "list", "--limit", "100"]).array()
    let parents = Dictionary(uniqueKeysWithValues: all.map { ($0["messageId"] as? String ?? "", $0["parent"]) })
    #expect(parents["<t1@lists.example>"] as? String == "account:1")  // Jane wrote it
    #expect(parents["<t2@lists.example>"] as? String == "account:1")  // In-Reply-To t1
    #expect(parents["<t4@lists.example>"] as? String == "account:1")  // newest known reference first
    // t3 arrived before its thread, from the list address: threaded when its ancestors arrived.
    #expect(parents["<t3@lists.example>"] as? String == "account:1")
    let t3 = try #require(all.first { $0["messageId"] as? String == "<t3@lists.example>" }?["id"] as? Int)
    let steps = try #require(try lab.store.json(["explain", "\(t3)"]).object()["decisions"] as? [[String: Any]])
    let parentSteps = steps.filter { $0["step"] as? String == "parent" }.compactMap { $0["detail"] as? String }
    #expect(parentSteps.first?.hasPrefix("none:") == true)
    #expect(parentSteps.last?.hasPrefix("thread-later: email:") == true)
  }

  @Test func followersAreNotifiedWhenTheyMayReadTheEmail() throws {
    let (lab, box) = try lab()
    let store = lab.store
    try store.json(["user", "add", "reader"])
    try store.json(["user", "add", "blind"])
    try store.json(["role", "create", "AllMail"])
    try store.json(["role", "set", "AllMail", "email.read=all", "account.read=all"])
    try store.json(["role", "create", "OwnMail"])
    try store.json(["role", "set", "OwnMail", "email.read=own", "account.read=all"])
    try store.json(["user", "role", "add", "reader", "AllMail"])
    try store.json(["user", "role", "add", "blind", "OwnMail"])
    try store.json(["user", "role", "add", "alice", "OwnMail"])  // recipients are notified only if they may read
    try store.json(["follow", "account:1", "--user", "reader"])
    try store.json(["follow", "account:1", "--user", "blind"])
    try lab.dovecot.deliver(
      [
        SampleMessage.make(from: "jane@acme.example", to: "alice@example.com", subject: "Fresh", date: SampleMessage.date()),
        SampleMessage.make(
          from: "jane@acme.example", to: "alice@example.com", subject: "Old", date: SampleMessage.date(secondsAgo: 3 * 86_400)),
      ], to: box)
    _ = try lab.fetch()
    let readerNotes = try store.json(["notification", "list"], as: "reader").array()
    #expect(readerNotes.count == 1)
    #expect((readerNotes.first?["message"] as? String)?.contains("Fresh") == true)
    #expect(try store.json(["notification", "list"], as: "blind").array().isEmpty)
    let aliceNotes = try store.json(["notification", "list", "--unread"], as: "alice").array()
    #expect(aliceNotes.map { $0["kind"] as? String } == ["email-received"])
    try store.json(["notification", "read", "--all"], as: "alice")
    #expect(try store.json(["notification", "list", "--unread"], as: "alice").array().isEmpty)
    #expect(store.run(["notification", "read", "999"], as: "alice").status == 66)
    let bySubject = try emails(lab)
    let fresh = try #require(bySubject["Fresh"]?["id"] as? Int)
    let explanation = try store.json(["explain", "\(fresh)"]).object()
    let notify = (explanation["decisions"] as? [[String: Any]])?.first { $0["step"] as? String == "notify" }
    #expect((notify?["detail"] as? String)?.contains("not blind follows account:1 but may not read the email") == true)
    let old = try #require(bySubject["Old"]?["id"] as? Int)
    let oldExplanation = try store.json(["explain", "\(old)"]).object()
    #expect((oldExplanation["notified"] as? [Any])?.isEmpty == true)
    #expect(try store.json(["stream", "show", "account:1"]).array().count == 2)
    #expect(store.run(["explain", "\(fresh)"], as: "blind").status == 77)  // own: not among its users
  }

  @Test func noNotifySilencesARun() throws {
    let (lab, box) = try lab()
    try lab.dovecot.deliver(
      SampleMessage.make(from: "jane@acme.example", to: "alice@example.com", subject: "Quiet", date: SampleMessage.date()), to: box)
    _ = try lab.fetch(["--all", "--no-notify"])
    #expect(try lab.store.json(["notification", "list"], as: "alice").array().isEmpty)
  }
}
