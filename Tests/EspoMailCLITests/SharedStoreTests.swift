import EspoMailTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Several `espomail fetch --all` processes on one store at once (issue #16): on the run's engine,
/// three processes started together, some killed with SIGKILL at random moments and restarted,
/// over 30 group accounts of which several share one mailbox; and, on PostgreSQL, fetch workers
/// that share nothing but the store's URI, as separate hosts would. Real binary, real Dovecot,
/// real PostgreSQL (Docs/postgresql.md, "Several fetch hosts").
@Suite(.enabled(if: DovecotServer.shouldRun), .serialized) struct SharedStoreTests {
  /// Overlapping `fetch --all` runs, some killed mid-way, then a clean one: every Message-ID is one
  /// email linked to every account whose mailbox holds it, no account is fetched by two runs of a
  /// round, and the case accounts open one case per email with round-robin turns kept exact.
  @Test func overlappingKilledFetchesImportEachMessageOnce() throws {
    let seed = SharedLayout.seed()
    let why = "seed \(seed): rerun with ESPOMAIL_TEST_SEED=\(seed) for the same mail and kill plan"
    var random = SeededGenerator(seed: seed)
    let lab = try MailLab()
    var layout = try SharedLayout.build(
      in: lab, accounts: 30, ownMailboxes: 18, sharedMailboxes: 6, caseAccounts: [0, 18, 3, 7, 12, 25])
    let scratch = try TemporaryDirectory(prefix: "espomail-shared")
    var trail: [String] = []
    var kills = 0
    var busy = 0
    var reports: [[String: [String: Any]]] = []
    let killRounds = 3
    for round in 1...(killRounds + 1) {
      // New mail before every round, as between cron passes, so that every round has work to kill.
      try layout.deliver(in: lab, perMailbox: round == 1 ? 3...4 : 1...2, broadcasts: round == 1 ? 4 : 2, using: &random)
      var plans: [(index: Int, delay: Double)] = []
      if round <= killRounds {
        for index in 0..<3 where (round == 1 && index == 0) || Bool.random(using: &random) {
          plans.append((index, round == 1 && index == 0 ? Double.random(in: 0.1...0.5, using: &random) : Double.random(in: 0.05...1.0, using: &random)))
        }
      }
      // Two jobs each, as a small cron host: a pass lasts long enough for the kills to find it running.
      let processes = try (0..<3).map { index in
        try FetchWorker.launch(
          ["fetch", "--all", "--jobs", "2", "--format", "json"], environment: lab.store.environment,
          output: scratch.file("round-\(round)-\(index)"))
      }
      let started = Date()
      var killed: Set<Int> = []
      for plan in plans.sorted(by: { $0.delay < $1.delay }) {
        let wait = plan.delay - Date().timeIntervalSince(started)
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        if processes[plan.index].isRunning {
          kill(processes[plan.index].processIdentifier, SIGKILL)
          killed.insert(plan.index)
          kills += 1
        }
      }
      processes.forEach { $0.waitUntilExit() }
      var fetchedBy: [String: Int] = [:]
      for (index, process) in processes.enumerated() where !killed.contains(index) {
        let result = FetchWorker.result(of: process, output: scratch.file("round-\(round)-\(index)"))
        #expect([0, 75].contains(result.status), "round \(round) run \(index) exited \(result.status): \(result.stderr) (\(why))")
        let accounts = try FetchWorker.accounts(result)
        #expect(Set(accounts.keys) == Set(layout.accountNames), "round \(round) run \(index) reported other accounts (\(why))")
        for (name, report) in accounts {
          let status = report["status"] as? String
          #expect(SharedLayout.statuses.contains(status ?? ""), "round \(round) run \(index): \(name) \(report) (\(why))")
          if status == "busy" { busy += 1 }
          if status == "ok", SharedLayout.settled(report) > 0 { fetchedBy[name, default: 0] += 1 }
        }
        #expect((result.status == 75) == accounts.values.contains { $0["status"] as? String == "busy" }, "round \(round) run \(index) (\(why))")
        reports.append(accounts)
      }
      let twice = fetchedBy.filter { $0.value > 1 }.keys.sorted()
      #expect(twice.isEmpty, "round \(round): accounts fetched by more than one run: \(twice) (\(why))")
      let duplicates = try SharedLayout.duplicateMessageIDs(lab.store)
      trail.append("round \(round): killed \(killed.sorted()) of 3 after \(String(format: "%.2f", Date().timeIntervalSince(started))) s, \(duplicates) duplicated Message-IDs, fetched \(fetchedBy.count)")
      #expect(duplicates == 0, "\(trail.joined(separator: "; ")) (\(why))")
    }
    let final = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: lab.store.environment)
    #expect(final.status == 0, "final fetch: \(final.stderr) (\(why))")
    let finalAccounts = try FetchWorker.accounts(final)
    #expect(finalAccounts.values.allSatisfy { $0["status"] as? String == "ok" }, "final fetch: \(final.stdout) (\(why))")
    // The last round ran to its end unkilled, so it found every account free (the killed runs'
    // leases died with them) and left nothing for the clean run.
    let leftovers = finalAccounts.filter { SharedLayout.settled($0.value) > 0 }.keys.sorted()
    #expect(leftovers.isEmpty, "the last round left mail of \(leftovers) for the clean run (\(why))")
    reports.append(finalAccounts)
    #expect(kills >= 1, "no run was still going when killed; the test proved nothing (\(why))")
    #expect(busy >= 1, "the runs never overlapped on an account; the test proved nothing (\(why))")
    try layout.verify(lab, reports: reports, why: "\(trail.joined(separator: "; ")) (\(why))")
  }

  /// One fetch per account and pass: a `fetch --all` run held up on one account finds that another
  /// run fetched the next one meanwhile, and leaves it (`fetched-by-another-run`, exit 0 for it);
  /// a pass that begins afterwards fetches it again.
  @Test func aPassLeavesAnAccountAnotherRunFetchedMeanwhile() throws {
    let lab = try MailLab()
    let silent = try SilentListener()
    #expect(
      lab.store.run([
        "account", "add", "a-stuck", "--group", "--address", "stuck@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "\(silent.port)", "--security", "none", "--username", "u", "--password-stdin",
      ], stdin: "pw\n").status == 0)
    let box = try lab.mailbox("b")
    #expect(lab.addAccount("b-mail", mailbox: box).status == 0)
    for number in 1...3 {
      try lab.dovecot.deliver(SampleMessage.make(id: "pass-\(number)@example.org", subject: "Pass \(number)"), to: box)
    }
    let scratch = try TemporaryDirectory()
    let held = try FetchWorker.launch(
      ["fetch", "--all", "--jobs", "1", "--timeout", "8", "--format", "json"], environment: lab.store.environment,
      output: scratch.file("held"))
    Thread.sleep(forTimeInterval: 1)
    let other = try lab.fetch(["b-mail"])
    #expect(other.accounts["b-mail"]?["new"] as? Int == 3, "\(other.result.stderr)")
    held.waitUntilExit()
    let heldAccounts = try FetchWorker.accounts(FetchWorker.result(of: held, output: scratch.file("held")))
    #expect(heldAccounts["a-stuck"]?["status"] as? String == "failed", "\(heldAccounts)")
    #expect(heldAccounts["b-mail"]?["status"] as? String == "fetched-by-another-run", "\(heldAccounts)")
    let next = try lab.fetch(["--all", "--timeout", "1"])
    #expect(next.accounts["b-mail"]?["status"] as? String == "ok", "a new pass fetches the account again: \(next.accounts)")
  }

  /// Fetch workers that share nothing but the PostgreSQL URI, each with its own HOME, working
  /// directory, TMPDIR and copy of the key: in parallel, every message arrives once and nothing is
  /// written beside anything shared. A worker without the key lists mail but cannot fetch (exit 78,
  /// the key hint), and makes no key.
  @Test(.enabled(if: TestStore.engine == .postgresql)) func separateHostsShareOnlyTheURI() throws {
    let seed = SharedLayout.seed()
    let why = "seed \(seed): rerun with ESPOMAIL_TEST_SEED=\(seed) for the same mail"
    var random = SeededGenerator(seed: seed)
    let lab = try MailLab()
    var layout = try SharedLayout.build(in: lab, accounts: 10, ownMailboxes: 7, sharedMailboxes: 3, caseAccounts: [1, 7])
    try layout.deliver(in: lab, perMailbox: 5...8, broadcasts: 4, using: &random)
    let shared = try FileTree.snapshot(lab.store.directory.path)
    let hosts = try (0..<3).map { _ in try FetchHost(store: lab.store.path, key: lab.store.keyFile) }
    let keyless = try FetchHost(store: lab.store.path, key: nil)
    let before = try (hosts + [keyless]).map { try FileTree.snapshot($0.root.path) }

    let processes = try hosts.enumerated().map { index, host in
      try FetchWorker.launch(
        ["fetch", "--all", "--format", "json"], environment: host.environment, directory: host.work,
        output: host.root.file("fetch-\(index)"), clearing: FetchHost.cleared)
    }
    processes.forEach { $0.waitUntilExit() }
    var settledBy: [String: [Int]] = [:]
    var reports: [[String: [String: Any]]] = []
    for (index, process) in processes.enumerated() {
      let result = FetchWorker.result(of: process, output: hosts[index].root.file("fetch-\(index)"))
      #expect([0, 75].contains(result.status), "host \(index) exited \(result.status): \(result.stderr) (\(why))")
      let accounts = try FetchWorker.accounts(result)
      for (name, report) in accounts {
        #expect(SharedLayout.statuses.contains(report["status"] as? String ?? ""), "host \(index): \(name) \(report) (\(why))")
        if SharedLayout.settled(report) > 0 { settledBy[name, default: []].append(SharedLayout.settled(report)) }
      }
      reports.append(accounts)
    }
    for name in layout.accountNames {
      // Nothing was killed: the one host that took the account settled all of its messages.
      #expect(settledBy[name] == [layout.messageCount(account: name)], "\(name) settled by hosts: \(settledBy[name] ?? []) (\(why))")
    }
    try layout.verify(lab, reports: reports, why: why)

    // A host without the key reads the store but cannot log in to fetch.
    let listed = try FetchWorker.run(["email", "list", "--limit", "10000", "--format", "json"], host: keyless)
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(try listed.array().count == layout.messageIDs.count)
    let fetched = try FetchWorker.run(["fetch", "--all"], host: keyless)
    #expect(fetched.status == 78, "\(fetched.stderr)")
    #expect(fetched.stderr.contains("the key file \(keyless.defaultKeyFile) is missing"), "\(fetched.stderr)")
    #expect(fetched.stderr.contains("Docs/postgresql.md"), "\(fetched.stderr)")

    // Nothing beside the shared store's key, no lock file anywhere, and nothing in the hosts' own
    // folders but their fetch output: on PostgreSQL the leases are in the database.
    #expect(try FileTree.snapshot(lab.store.directory.path) == shared, "files appeared beside the store's key")
    for (index, host) in (hosts + [keyless]).enumerated() {
      let added = try FileTree.snapshot(host.root.path).subtracting(before[index]).filter { !$0.hasPrefix("fetch-") }
      #expect(added.isEmpty, "host \(index) wrote \(added.sorted())")
    }
    #expect(!FileManager.default.fileExists(atPath: keyless.defaultKeyFile), "a host without the key made one")
  }
}

/// Thirty-odd accounts over fewer mailboxes, the mail in them, and what the store must hold after
/// every account has been fetched.
struct SharedLayout {
  /// The statuses a run may report for an account here.
  static let statuses: Set<String> = ["ok", "busy", "fetched-by-another-run"]
  /// Account names, in creation order.
  var accountNames: [String]
  /// Each account's mailbox user.
  var mailboxOf: [String: String]
  /// The accounts that open cases (round-robin to team Support).
  var caseAccounts: Set<String>
  /// Each Message-ID (in angle brackets) and the mailboxes holding it.
  var mailboxesOf: [String: Set<String>]
  /// How many messages each mailbox holds.
  var mailboxSize: [String: Int]
  /// The mailbox users, in the order made.
  var boxes: [String]
  /// The last number given to a delivered message.
  var serial: Int

  /// Every Message-ID delivered.
  var messageIDs: Set<String> { Set(mailboxesOf.keys) }

  /// How many messages an account's mailbox holds.
  func messageCount(account: String) -> Int { mailboxOf[account].flatMap { mailboxSize[$0] } ?? 0 }

  /// The accounts whose mailbox holds a Message-ID.
  func accounts(holding messageID: String) -> Set<String> {
    Set(accountNames.filter { mailboxesOf[messageID]?.contains(mailboxOf[$0] ?? "") == true })
  }

  /// The seed: `ESPOMAIL_TEST_SEED` when given, else a fresh one (printed with every failure).
  static func seed() -> UInt64 {
    ProcessInfo.processInfo.environment["ESPOMAIL_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
  }

  /// Messages settled in one account's entry of a fetch report.
  static func settled(_ report: [String: Any]) -> Int {
    ["new", "merged", "skipped", "quarantined", "expunged"].reduce(0) { $0 + (report[$1] as? Int ?? 0) }
  }

  /// Message-IDs stored as more than one email, counted in the store itself.
  static func duplicateMessageIDs(_ store: TestStore) throws -> Int {
    Int(try store.text("SELECT CAST(COUNT(*) AS TEXT) FROM (SELECT message_id FROM email GROUP BY message_id HAVING COUNT(*) > 1) AS d") ?? "") ?? -1
  }

  /// Makes team Support (ann, ben, cat) and `accounts` group accounts: account `i` reads mailbox
  /// `i` for the first `ownMailboxes` accounts, the others share the first `sharedMailboxes`
  /// mailboxes in turn; the accounts numbered in `caseAccounts` open cases, round-robin to Support.
  static func build(
    in lab: MailLab, accounts: Int, ownMailboxes: Int, sharedMailboxes: Int, caseAccounts: Set<Int>
  ) throws -> SharedLayout {
    try lab.store.json(["team", "add", "Support"])
    for login in ["ann", "ben", "cat"] { try lab.store.json(["user", "add", login, "--team", "Support"]) }
    let boxes = try (0..<ownMailboxes).map { try lab.mailbox(String(format: "box%02d", $0)) }
    var layout = SharedLayout(
      accountNames: [], mailboxOf: [:], caseAccounts: [], mailboxesOf: [:], mailboxSize: [:], boxes: boxes, serial: 0)
    for index in 0..<accounts {
      let name = String(format: "acct-%02d", index)
      let box = boxes[index < ownMailboxes ? index : (index - ownMailboxes) % sharedMailboxes]
      let cases = caseAccounts.contains(index)
      let added = lab.addAccount(name, mailbox: box, extra: cases ? ["--team", "Support"] : [])
      guard added.status == 0 else { throw TestSupportError("account add \(name): \(added.stderr)") }
      if cases {
        try lab.store.json(["account", "set", name, "--create-case", "--case-team", "Support", "--distribution", "round-robin"])
        layout.caseAccounts.insert(name)
      }
      layout.accountNames.append(name)
      layout.mailboxOf[name] = box
    }
    return layout
  }

  /// Delivers new mail: `perMailbox` messages of its own to each mailbox, and `broadcasts` more
  /// Message-IDs, byte for byte the same, to 2 or 3 mailboxes each, in a random order.
  mutating func deliver(
    in lab: MailLab, perMailbox: ClosedRange<Int>, broadcasts: Int, using random: inout SeededGenerator
  ) throws {
    var mail: [String: [[UInt8]]] = [:]
    for (number, box) in boxes.enumerated() {
      for _ in 1...Int.random(in: perMailbox, using: &random) {
        serial += 1
        let id = "m\(number)-\(serial)-\(box)@shared.example"
        mail[box, default: []].append(
          SampleMessage.make(id: id, from: "c\(number)x\(serial)@cust.example", to: "\(box)@example.com", subject: "Box \(number) message \(serial)"))
        mailboxesOf["<\(id)>"] = [box]
      }
    }
    for _ in 0..<broadcasts {
      serial += 1
      let id = "all-\(serial)-\(boxes[0])@shared.example"
      let message = SampleMessage.make(id: id, from: "list\(serial)@cust.example", to: "team@example.com", subject: "To many \(serial)")
      let holders = Set(boxes.shuffled(using: &random).prefix(Int.random(in: 2...3, using: &random)))
      for box in holders { mail[box, default: []].append(message) }
      mailboxesOf["<\(id)>"] = holders
    }
    for box in boxes {
      let messages = (mail[box] ?? []).shuffled(using: &random)
      guard !messages.isEmpty else { continue }
      try lab.dovecot.deliver(messages, to: box)
      mailboxSize[box, default: 0] += messages.count
    }
  }

  /// What the store must hold once every account was fetched: each Message-ID one email, linked to
  /// exactly the accounts whose mailbox holds it; every account's ledger complete and nothing
  /// unread on the server; one case per email that reached a case account, opened by one email
  /// only, with each account's round-robin turns in order; and no report settling more of an
  /// account's messages, in all, than its mailbox holds.
  func verify(_ lab: MailLab, reports: [[String: [String: Any]]], why: String) throws {
    let emails = try lab.store.json(["email", "list", "--limit", "10000"]).array()
    let ids = emails.compactMap { $0["messageId"] as? String }
    #expect(ids.count == emails.count)
    #expect(ids.count == messageIDs.count, "\(ids.count) emails for \(messageIDs.count) Message-IDs (\(why))")
    #expect(Set(ids) == messageIDs, "missing \(messageIDs.subtracting(ids).sorted()), unexpected \(Set(ids).subtracting(messageIDs).sorted()) (\(why))")
    #expect(try Self.duplicateMessageIDs(lab.store) == 0, "\(why)")
    for email in emails {
      let id = email["messageId"] as? String ?? ""
      let linked = Set(email["accounts"] as? [String] ?? [])
      #expect(linked == accounts(holding: id), "\(id) is linked to \(linked.sorted()), not \(accounts(holding: id).sorted()) (\(why))")
    }
    for name in accountNames {
      let total = reports.reduce(0) { $0 + ($1[name].map(Self.settled) ?? 0) }
      #expect(total <= messageCount(account: name), "reports settled \(total) messages of \(name), its mailbox holds \(messageCount(account: name)) (\(why))")
    }
    for status in try lab.store.json(["account", "status"]).array() {
      let name = status["name"] as? String ?? ""
      let ledger = (status["ledger"] as? [String: Int]) ?? [:]
      #expect(Set(ledger.keys).isSubset(of: ["imported", "merged"]), "\(name): \(ledger) (\(why))")
      #expect(ledger.values.reduce(0, +) == messageCount(account: name), "\(name): ledger \(ledger) (\(why))")
    }
    for box in Set(mailboxOf.values) {
      #expect(try lab.dovecot.unseenCount(of: box) == 0, "\(box) has unread mail (\(why))")
    }
    try verifyCases(lab, emails: emails, why: why)
  }

  /// One case per email that reached a case account, each opened by that email alone, numbers
  /// unique, each account's assignees in case-number order taking exact round-robin turns.
  private func verifyCases(_ lab: MailLab, emails: [[String: Any]], why: String) throws {
    let cases = try lab.store.json(["case", "list"]).array()
    let numbers = cases.compactMap { $0["number"] as? Int }
    #expect(Set(numbers).count == cases.count, "case numbers repeat: \(numbers.sorted()) (\(why))")
    let caseMail = emails.filter { !accounts(holding: $0["messageId"] as? String ?? "").isDisjoint(with: caseAccounts) }
    #expect(cases.count == caseMail.count, "\(cases.count) cases for \(caseMail.count) emails reaching case accounts (\(why))")
    let parents = caseMail.compactMap { ($0["parent"] as? String).flatMap { $0.hasPrefix("case:") ? Int($0.dropFirst(5)) : nil } }
    #expect(parents.count == caseMail.count, "emails of case accounts without a case (\(why))")
    #expect(Set(parents) == Set(numbers), "cases \(numbers.sorted()), emails' cases \(parents.sorted()) (\(why))")
    let initial = try lab.store.text(
      "SELECT CAST(COUNT(*) AS TEXT) FROM (SELECT email_id FROM note WHERE is_initial = 1 GROUP BY email_id HAVING COUNT(*) > 1) AS d")
    #expect(initial == "0", "an email opened more than one case (\(why))")
    #expect(try lab.store.text("SELECT CAST(COUNT(*) AS TEXT) FROM note WHERE is_initial = 1") == "\(cases.count)", "\(why)")
    for item in cases {
      #expect(item["emailCount"] as? Int == 1, "case \(item["number"] ?? "?"): \(item) (\(why))")
      #expect(caseAccounts.contains(item["groupAccount"] as? String ?? ""), "case \(item["number"] ?? "?"): \(item) (\(why))")
    }
    let turns = ["ann", "ben", "cat"]
    for account in caseAccounts.sorted() {
      let assignees = cases.filter { $0["groupAccount"] as? String == account }
        .sorted { ($0["number"] as? Int ?? 0) < ($1["number"] as? Int ?? 0) }
        .map { $0["assignedUser"] as? String ?? "-" }
      let expected = assignees.indices.map { turns[$0 % turns.count] }
      #expect(assignees == expected, "\(account)'s cases went to \(assignees) (\(why))")
    }
  }
}

/// A fetch process started without waiting, its output in files (a killed process leaves them
/// short; nothing blocks on a pipe).
enum FetchWorker {
  /// Starts the binary with `environment` added to the test's (less the `clearing` variables), in
  /// `directory`, stdout and stderr to `output`.out and `output`.err.
  static func launch(
    _ arguments: [String], environment: [String: String], directory: String? = nil, output: String,
    clearing: [String] = []
  ) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    for name in clearing where environment[name] == nil { merged[name] = nil }
    process.environment = merged
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    for suffix in [".out", ".err"] {
      guard FileManager.default.createFile(atPath: output + suffix, contents: nil) else {
        throw TestSupportError("cannot write \(output + suffix)")
      }
    }
    process.standardOutput = FileHandle(forWritingAtPath: output + ".out")
    process.standardError = FileHandle(forWritingAtPath: output + ".err")
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// What an exited process printed, and its status.
  static func result(of process: Process, output: String) -> CommandResult {
    let read = { (suffix: String) in (try? String(contentsOfFile: output + suffix, encoding: .utf8)) ?? "" }
    return CommandResult(stdout: read(".out"), stderr: read(".err"), status: process.terminationStatus)
  }

  /// Runs a command on a host and waits for it.
  static func run(_ arguments: [String], host: FetchHost) throws -> CommandResult {
    let output = host.root.file("run-\(UUID().uuidString.prefix(8))")
    let process = try launch(arguments, environment: host.environment, directory: host.work, output: output, clearing: FetchHost.cleared)
    process.waitUntilExit()
    let result = result(of: process, output: output)
    try? FileManager.default.removeItem(atPath: output + ".out")
    try? FileManager.default.removeItem(atPath: output + ".err")
    return result
  }

  /// A fetch report's accounts by name.
  static func accounts(_ result: CommandResult) throws -> [String: [String: Any]] {
    let accounts = (try result.object()["accounts"] as? [[String: Any]]) ?? []
    return Dictionary(accounts.map { ($0["name"] as? String ?? "", $0) }) { first, _ in first }
  }
}

/// One fetch "host": a private folder with its HOME, working directory, TMPDIR and, unless it has
/// none, its own copy of the store's key; it shares nothing with the others but the store's URI.
final class FetchHost: Sendable {
  /// Variables a host never inherits from the test process.
  static let cleared = ["ESPOMAIL_KEY_FILE", "ESPOMAIL_STORE", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "PGPASSFILE"]
  /// The host's folder.
  let root: TemporaryDirectory
  /// Its working directory.
  var work: String { root.file("work") }
  /// Where the host looks for the key when `ESPOMAIL_KEY_FILE` is unset.
  var defaultKeyFile: String { root.file("home/.config/espomail/store.key") }
  /// The environment its commands run with.
  let environment: [String: String]

  /// A host on the store at `store`, with a copy of the key file `key` (mode 0600) or none.
  init(store: String, key: String?) throws {
    root = try TemporaryDirectory(prefix: "espomail-host")
    for sub in ["home", "work", "tmp"] {
      try FileManager.default.createDirectory(atPath: root.file(sub), withIntermediateDirectories: false)
    }
    var environment = ["ESPOMAIL_STORE": store, "HOME": root.file("home"), "TMPDIR": root.file("tmp") + "/"]
    if let key {
      try FileManager.default.createDirectory(atPath: root.file("key"), withIntermediateDirectories: false)
      try FileManager.default.copyItem(atPath: key, toPath: root.file("key/store.key"))
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: root.file("key/store.key"))
      environment["ESPOMAIL_KEY_FILE"] = root.file("key/store.key")
    }
    self.environment = environment
  }
}

/// Every path under a folder (files and folders, relative), to compare before and after.
enum FileTree {
  /// The relative paths under `root`.
  static func snapshot(_ root: String) throws -> Set<String> {
    guard let walker = FileManager.default.enumerator(atPath: root) else { throw TestSupportError("cannot list \(root)") }
    return Set(walker.compactMap { $0 as? String })
  }
}

/// SplitMix64: a small seeded generator, so that a failing layout and kill plan can be rerun.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  /// A generator starting from `seed`.
  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
