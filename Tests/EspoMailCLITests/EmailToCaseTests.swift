import EspoMailTestSupport
import Foundation
import Testing

/// Email-to-case and distribution with mail fetched from a real Dovecot.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct EmailToCaseTests {
  /// A store with team Support (ann, ben, cat), and a group account `name` opening cases.
  private func lab(_ distribution: [String], accounts: [String] = ["support"]) throws -> (MailLab, [String: String]) {
    let lab = try MailLab()
    try lab.store.json(["team", "add", "Support"])
    for login in ["ann", "ben", "cat"] { try lab.store.json(["user", "add", login, "--team", "Support"]) }
    var boxes: [String: String] = [:]
    for name in accounts {
      let box = try lab.mailbox(name)
      boxes[name] = box
      #expect(lab.addAccount(name, mailbox: box, extra: ["--team", "Support"]).status == 0)
      let set = lab.store.run(["account", "set", name, "--create-case", "--case-team", "Support"] + distribution)
      #expect(set.status == 0, "\(set.stderr)")
    }
    return (lab, boxes)
  }

  private func assignees(_ lab: MailLab, account: String? = nil) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    let cases = try lab.store.json(["case", "list"] + (account.map { ["--account", $0] } ?? [])).array()
    for item in cases { counts[item["assignedUser"] as? String ?? "-", default: 0] += 1 }
    return counts
  }

  @Test func roundRobinHandsOutTurnsAndRepliesOpenNothing() throws {
    let (lab, boxes) = try lab(["--distribution", "round-robin"])
    let box = try #require(boxes["support"])
    let threads = (1...9).map { SampleMessage.make(id: "thread-\($0)@cust.example", from: "c\($0)@cust.example", subject: "Issue \($0)") }
    try lab.dovecot.deliver(threads, to: box)
    let first = try lab.fetch()
    #expect(first.accounts["support"]?["casesCreated"] as? Int == 9)
    #expect(try assignees(lab) == ["ann": 3, "ben": 3, "cat": 3])
    #expect(try lab.store.json(["case", "show", "1"]).object()["assignedUser"] as? String == "ann")
    #expect(try lab.store.json(["case", "show", "2"]).object()["assignedUser"] as? String == "ben")
    try lab.dovecot.deliver(
      [
        SampleMessage.make(from: "c1@cust.example", subject: "Re: Issue 1", headers: ["In-Reply-To: <thread-1@cust.example>"]),
        SampleMessage.make(from: "c2@cust.example", subject: "Re: Issue 2", headers: ["References: <thread-2@cust.example>"]),
        SampleMessage.make(from: "c3@cust.example", subject: "Still broken [#3]"),
        SampleMessage.make(from: "robot@cust.example", subject: "Out of office", headers: ["Auto-Submitted: auto-replied"]),
      ], to: box)
    let second = try lab.fetch()
    #expect(second.accounts["support"]?["new"] as? Int == 4)
    #expect(second.accounts["support"]?["casesCreated"] as? Int == 0)
    let three = try lab.store.json(["case", "show", "3"]).object()
    #expect(three["emailCount"] as? Int == 2)
    #expect((three["emails"] as? [[String: Any]])?.last?["subject"] as? String == "Still broken [#3]")
    let one = try lab.store.json(["case", "show", "1"]).object()
    #expect((one["stream"] as? [[String: Any]])?.contains { $0["isInitial"] as? Bool == true } == true)
    // The assignee got a notification for each case.
    #expect(try lab.store.json(["notification", "list"], as: "ann").array().filter { $0["kind"] as? String == "assigned" }.count == 3)
    let auto = try #require(try lab.store.json(["email", "list", "--search", "office"]).array().first?["id"] as? Int)
    let explanation = try lab.store.json(["explain", "\(auto)"]).object()
    let caseStep = (explanation["decisions"] as? [[String: Any]])?.first { $0["step"] as? String == "case" }
    #expect((caseStep?["detail"] as? String)?.contains("automatic mail") == true)
  }

  @Test func aForeignCaseNumberFromAStrangerOpensANewCase() throws {
    let (lab, boxes) = try lab(["--distribution", "round-robin"], accounts: ["support", "sales"])
    try lab.dovecot.deliver(SampleMessage.make(from: "client@cust.example", subject: "Quote please"), to: try #require(boxes["sales"]))
    _ = try lab.fetch()
    let salesCase = try #require(try lab.store.json(["case", "list", "--account", "sales"]).array().first?["number"] as? Int)
    try lab.dovecot.deliver(
      SampleMessage.make(from: "stranger@evil.example", subject: "About [#\(salesCase)]"), to: try #require(boxes["support"]))
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["casesCreated"] as? Int == 1)
    #expect(try lab.store.json(["case", "show", "\(salesCase)"]).object()["emailCount"] as? Int == 1)
  }

  @Test func leastBusyCountsOpenCasesOnly() throws {
    let (lab, boxes) = try lab(["--distribution", "least-busy"])
    for (login, count) in [("ann", 2), ("ben", 1)] {
      for index in 1...count {
        let created = try lab.store.json(["case", "create", "Old \(login) \(index)"]).object()
        try lab.store.json(["case", "assign", "\(created["number"] as? Int ?? 0)", login])
      }
    }
    let closed = try lab.store.json(["case", "create", "Closed one"]).object()
    try lab.store.json(["case", "assign", "\(closed["number"] as? Int ?? 0)", "cat"])
    try lab.store.json(["case", "status", "\(closed["number"] as? Int ?? 0)", "closed"])
    // Open cases now: ann 2, ben 1, cat 0 (its closed case does not count).
    let preview = try lab.store.json(["case", "preview", "support", "--count", "3"]).array()
    #expect(preview.map { $0["user"] as? String } == ["cat", "ben", "cat"])
    let box = try #require(boxes["support"])
    try lab.dovecot.deliver((1...3).map { SampleMessage.make(from: "n\($0)@cust.example", subject: "New \($0)") }, to: box)
    _ = try lab.fetch()
    let newCases = try lab.store.json(["case", "list", "--account", "support"]).array()
    #expect(newCases.compactMap { $0["assignedUser"] as? String }.sorted() == ["ben", "cat", "cat"])
  }

  @Test func positionsInactiveAndRemovedMembersAreSkipped() throws {
    let (lab, boxes) = try lab(["--distribution", "round-robin"])
    let box = try #require(boxes["support"])
    try lab.store.json(["user", "add", "dan", "--team", "Support"])
    for login in ["ann", "ben", "dan"] { try lab.store.json(["team", "member", "add", "Support", login, "--position", "L1"]) }
    try lab.store.json(["account", "set", "support", "--position", "L1"])  // cat is not L1
    try lab.dovecot.deliver([SampleMessage.make(subject: "A"), SampleMessage.make(subject: "B")], to: box)
    _ = try lab.fetch()
    #expect(try assignees(lab) == ["ann": 1, "ben": 1])
    try lab.store.json(["user", "set", "dan", "--inactive"])
    try lab.store.json(["team", "member", "remove", "Support", "ann"])
    try lab.dovecot.deliver([SampleMessage.make(subject: "C"), SampleMessage.make(subject: "D")], to: box)
    _ = try lab.fetch()
    #expect(try assignees(lab) == ["ann": 1, "ben": 3])  // dan inactive, ann removed: ben twice
    try lab.store.json(["user", "set", "ben", "--inactive"])
    try lab.dovecot.deliver(SampleMessage.make(subject: "E"), to: box)
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["casesUnassigned"] as? Int == 1)
    #expect(try lab.store.json(["case", "list", "--status", "new"]).array().count == 1)
  }

  @Test func parallelFetchesOfAccountsSharingATeamStayFair() throws {
    let (lab, boxes) = try lab(["--distribution", "round-robin"], accounts: ["north", "south"])
    for name in ["north", "south"] {
      try lab.dovecot.deliver((1...6).map { SampleMessage.make(from: "x\($0)@\(name).example", subject: "\(name) \($0)") }, to: try #require(boxes[name]))
    }
    let run = try lab.fetch(["--all", "--jobs", "2"])
    #expect(run.status == 0)
    #expect(try assignees(lab, account: "north") == ["ann": 2, "ben": 2, "cat": 2])
    #expect(try assignees(lab, account: "south") == ["ann": 2, "ben": 2, "cat": 2])
  }

  @Test func aDuplicateFirstSeenByAPersonalAccountStillOpensACase() throws {
    let (lab, boxes) = try lab(["--distribution", "round-robin"])
    try lab.store.grantOwnMail("ann")
    let personal = try lab.mailbox("ann")
    #expect(lab.addAccount("ann-mail", mailbox: personal, kind: ["--personal", "--owner", "ann"]).status == 0)
    let message = SampleMessage.make(id: "both@cust.example", from: "c@cust.example", subject: "To both")
    try lab.dovecot.deliver(message, to: personal)
    try lab.dovecot.deliver(message, to: try #require(boxes["support"]))
    let run = try lab.fetch(["--all", "--jobs", "1"])  // ann-mail first (name order), then support
    #expect(run.accounts["support"]?["merged"] as? Int == 1)
    #expect(run.accounts["support"]?["casesCreated"] as? Int == 1)
    let opened = try lab.store.json(["case", "show", "1"]).object()
    #expect(opened["emailCount"] as? Int == 1)
    #expect(try lab.fetch().accounts["support"]?["casesCreated"] as? Int == 0)
  }

  @Test func caseSettingsAreValidated() throws {
    let lab = try MailLab()
    try lab.store.json(["team", "add", "Support"])
    try lab.store.json(["user", "add", "zed", "--inactive"])
    let box = try lab.mailbox("v")
    lab.addAccount("v", mailbox: box)
    #expect(lab.store.run(["account", "set", "v", "--create-case", "--distribution", "round-robin"]).status == 64)
    #expect(lab.store.run(["account", "set", "v", "--create-case", "--distribution", "direct"]).status == 64)
    #expect(lab.store.run(["account", "set", "v", "--create-case", "--distribution", "direct", "--assign-to", "zed"]).status == 65)
    #expect(lab.store.run(["account", "set", "v", "--create-case", "--distribution", "least-busy", "--case-team", "Nope"]).status == 66)
    #expect(lab.store.run(["account", "set", "v", "--create-case", "--distribution", "least-busy", "--case-team", "Support", "--position", "Boss"]).status == 65)
    #expect(lab.store.run(["account", "set", "v", "--distribution", "sideways"]).status == 64)
    #expect(lab.store.run(["case", "preview", "v"]).status == 65)  // does not open cases
    let set = try lab.store.json(["account", "set", "v", "--create-case", "--distribution", "least-busy", "--case-team", "Support"]).object()
    #expect((set["cases"] as? [String: Any])?["distribution"] as? String == "least-busy")
    let preview = try lab.store.json(["case", "preview", "v"]).array()
    #expect(preview.first?["user"] is NSNull)  // an empty team: the case would stay New
  }
}
