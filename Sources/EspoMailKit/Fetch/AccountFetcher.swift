import EspoMailCore
import EspoMailIMAP
import EspoMailMIME
import EspoMailStore
import Foundation

/// Fetches one account: lock, log in, then each monitored folder (Docs/architecture.md, "Fetching").
struct AccountFetcher {
  /// The store.
  let store: Store
  /// The account to fetch.
  let account: MailAccount
  /// Run options.
  let options: FetchOptions
  /// The clock.
  let now: @Sendable () -> Date
  /// Receives progress for a terminal display.
  let progress: (@Sendable (FetchProgress) -> Void)?
  /// A lease and a logged-in session the caller holds and keeps (`fetch --watch`); nil takes a
  /// lease and logs in for this fetch alone.
  var held: HeldSession? = nil

  /// Runs the fetch; never throws: failures are in the report and the account's health.
  func run() -> AccountFetchReport {
    var report = AccountFetchReport(name: account.name, status: options.dryRun ? .dryRun : .ok)
    let lock: AccountLease?
    do { lock = try held?.lease ?? store.leaseAccount(account.id) } catch {
      return failed(report, EspoMailError.userFacing(error))
    }
    guard let lock else {
      report.status = .busy
      report.error = "another espomail run is fetching this account"
      return report
    }
    defer { withExtendedLifetime(lock) {} }
    do {
      if let atStart = options.attemptsAtPassStart?[account.id],
        try store.read({ try $0.fetchAttempts(accountID: account.id) }) != atStart
      {
        report.status = .fetchedByAnotherRun
        return report
      }
      if !options.dryRun {
        // Auto-replies to this account's mail that a killed run committed but never sent go out
        // now, exactly once.
        let leftovers = try store.read { try $0.queuedOutbox(kind: .autoReply, answeringMailOf: account.id) }
        report.autoReplies += outbound().flush(leftovers)
      }
      let imap = try held?.imap ?? IMAPConnector(store: store, account: account, network: options.network).connect()
      defer { if held == nil { imap.logout() } }
      // Each folder on its own: one that is missing or refused fails alone, the others are
      // still fetched (Docs/architecture.md, "Failures").
      for folder in account.folders {
        do {
          try fetchFolder(folder, imap: imap, report: &report)
        } catch let error as IMAPError where error.leavesSessionUsable {
          // Servers word a missing folder in their own ways (imap4d: "NO STATUS Error opening
          // mailbox", no response code), so a refused folder is looked up in LIST.
          let names = try? imap.listFolders().map(\.name)
          var folderError = error
          if case .commandFailed = error, let names, !Self.lists(names, folder) { folderError = .folderNotFound(folder) }
          var failure = folderError.espoMailError
          if case .folderNotFound = folderError, let names {
            failure.message += " (the server has \(names.joined(separator: ", ")))"
          }
          report.folderErrors.append(
            FolderFetchError(folder: folder, error: failure.message, errorStatus: failure.status.rawValue))
        }
      }
      if !report.folderErrors.isEmpty { return failed(report, nil) }
      if !options.dryRun {
        try store.write { tx in
          try tx.recordFetch(accountID: account.id, at: Timestamp.iso8601(now()), error: nil)
        }
      }
      return report
    } catch {
      return failed(report, EspoMailError.userFacing(error))
    }
  }

  /// Whether a LIST of folder names holds `folder` (INBOX in any letter case).
  static func lists(_ names: [String], _ folder: String) -> Bool {
    names.contains(folder) || (folder.uppercased() == "INBOX" && names.contains { $0.uppercased() == "INBOX" })
  }

  /// The SMTP side for auto-replies, tracing its conversation (redacted) under `--verbose`.
  private func outbound() -> OutboundTransport {
    var network = options.network
    if let trace = network.trace {
      let name = account.name
      network.trace = { @Sendable line in trace("\(name): auto-reply: \(line)") }
    }
    return OutboundTransport(store: store, network: network)
  }

  /// The report of a failed account: the account's own error (nil when only folders failed)
  /// and its folders' errors, with the worst exit status among them; recorded in its health.
  private func failed(_ report: AccountFetchReport, _ error: EspoMailError?) -> AccountFetchReport {
    var report = report
    let messages = (error.map { [$0.message] } ?? []) + report.folderErrors.map { "folder '\($0.folder)': \($0.error)" }
    let statuses = (error.map { [$0.status.rawValue] } ?? []) + report.folderErrors.map(\.errorStatus)
    report.status = .failed
    report.error = messages.joined(separator: "; ")
    report.errorStatus = statuses.max() ?? ExitStatus.internalError.rawValue
    report.errorHint = error?.hint
    if !options.dryRun {
      let message = report.error
      try? store.write { tx in
        try tx.recordFetch(accountID: account.id, at: Timestamp.iso8601(now()), error: message)
      }
    }
    return report
  }

  /// Whether fetched messages are marked `\Seen` on the server in this run.
  private var marksSeen: Bool { !account.keepUnread && !options.dryRun }

  private func fetchFolder(_ folder: String, imap: IMAPClient, report: inout AccountFetchReport) throws {
    let status = try imap.status(folder)
    let (saved, seenPending) = try store.read { tx in
      (
        try tx.checkpoints(accountID: account.id).first { $0.folder == folder },
        marksSeen ? try tx.seenPendingUIDs(accountID: account.id, folder: folder, uidValidity: status.uidValidity) : []
      )
    }
    var checkpoint = saved ?? FolderCheckpoint(folder: folder, uidValidity: nil, lastUID: 0, uidNext: nil)
    if checkpoint.uidValidity == status.uidValidity, checkpoint.uidNext == status.uidNext,
      checkpoint.messages == status.messages, seenPending.isEmpty
    { return }
    // Read-only unless fetched messages are to be marked \Seen (STORE needs a read-write SELECT).
    if marksSeen { _ = try imap.select(folder) } else { _ = try imap.examine(folder) }
    if !seenPending.isEmpty {
      // Settled by a run that stopped before their \Seen was stored (killed after the commit).
      try imap.addFlags(["\\Seen"], uids: seenPending)
      try store.write { tx in
        try tx.clearSeenPending(
          accountID: account.id, folder: folder, uidValidity: status.uidValidity, uids: seenPending)
      }
    }
    let rescan = checkpoint.uidValidity != status.uidValidity || status.uidNext <= checkpoint.lastUID
    if rescan {
      checkpoint = FolderCheckpoint(folder: folder, uidValidity: status.uidValidity, lastUID: 0, uidNext: nil)
    }
    var found = try imap.uidSearch(searchCriteria(from: checkpoint.lastUID, rescan: rescan))
      .filter { $0 > checkpoint.lastUID }.sorted()
    if found.isEmpty, !rescan, checkpoint.lastUID > 0, status.messages > 0, saved?.messages != status.messages {
      // The folder changed, yet `UID n:*` found nothing new: GNU imap4d answers every UID range
      // in SEARCH with nothing, so the folder's UIDs are asked for in full and compared here.
      found = try imap.uidSearch("ALL").filter { $0 > checkpoint.lastUID }.sorted()
    }
    let settled = try store.read {
      try $0.settledUIDs(accountID: account.id, folder: folder, uidValidity: status.uidValidity, among: found)
    }
    let pending = found.filter { !settled.contains($0) }
    let batch = Array(pending.prefix(account.portion))
    if options.dryRun {
      report.new += batch.count
      return
    }
    checkpoint.uidNext = nil
    checkpoint.messages = nil
    // Pipelined: chunk N is written on its own thread while chunk N+1 is downloaded and parsed.
    // Writes stay in chunk order, each one transaction with its ledger rows and checkpoint.
    var done = 0
    var writing: (chunk: FetchedChunk, work: BackgroundWork<[(UInt32, ImportOutcome)]>)?
    // UIDs whose \Seen the server stored after their chunk's commit; the next write clears
    // their ledger rows' seen_pending (a kill before that only means storing \Seen again).
    var seenStored: [UInt32] = []
    func finishWriting() throws {
      guard let (chunk, work) = writing else { return }
      writing = nil
      seenStored += try settle(chunk, outcomes: try work.wait(), imap: imap, report: &report)
      done += chunk.uids.count
      progress?(FetchProgress(account: account.name, folder: folder, done: done, total: batch.count))
    }
    var remaining = batch[...]
    while !remaining.isEmpty {
      var chunk: FetchedChunk
      do {
        // A chunk may take fewer UIDs than offered (its byte budget); the rest come next.
        chunk = try download(Array(remaining.prefix(options.chunkSize)), folder: folder, checkpoint: checkpoint, imap: imap)
      } catch {
        try? finishWriting()  // what is written stays written; the download error is the news
        throw error
      }
      remaining = remaining.dropFirst(chunk.uids.count)
      checkpoint = chunk.checkpoint
      // One raw-message transaction at a time: on PostgreSQL a job holds at most three connections
      // (the download's reads, the raw messages, the write), besides the one the process keeps for
      // all its leases (Docs/postgresql.md, "Connections").
      _ = try? writing?.chunk.rawMessagesAhead?.wait()
      chunk.rawMessagesAhead = rawMessagesAhead(of: chunk)
      do {
        try finishWriting()
      } catch {
        _ = try? chunk.rawMessagesAhead?.wait()  // nothing is left running on the store
        throw error
      }
      chunk.seenStored = seenStored
      seenStored = []
      let fetcher = self
      let ready = chunk
      writing = (ready, BackgroundWork { try fetcher.write(ready) })
    }
    try finishWriting()
    // Caught up: every UID found is settled, so the next run may skip the folder while UIDNEXT
    // stays put. A portion-limited run leaves UIDNEXT unset and resumes after the last chunk.
    if pending.count == batch.count {
      checkpoint.lastUID = max(checkpoint.lastUID, found.last ?? 0)
      checkpoint.uidNext = status.uidNext
      checkpoint.messages = status.messages
    }
    let stored = seenStored
    try store.write { tx in
      try tx.saveCheckpoint(accountID: account.id, checkpoint)
      try tx.clearSeenPending(accountID: account.id, folder: folder, uidValidity: status.uidValidity, uids: stored)
    }
  }

  private func searchCriteria(from lastUID: UInt32, rescan: Bool) -> String {
    if lastUID == 0 || rescan {
      if let since = account.fetchSince.flatMap(FetchDate.parse) { return "SINCE \(FetchDate.imapSearchDate(since))" }
      return "ALL"
    }
    return "UID \(lastUID + 1):*"
  }

  /// Downloads one chunk: headers first, bodies only for messages that need them, then every
  /// message parsed and hashed on all cores. Reads the store, never writes it. The chunk takes the
  /// offered UIDs up to `options.chunkBytes` of bodies by their announced sizes (at least one), and
  /// its checkpoint ends at the last UID taken.
  private func download(
    _ offered: [UInt32], folder: String, checkpoint: FolderCheckpoint, imap: IMAPClient
  ) throws -> FetchedChunk {
    let headers = try imap.fetchHeaders(uids: offered)
    let limit = account.maxSizeMB * 1_048_576
    var plans: [UInt32: MessagePlan] = [:]
    // A UID the server no longer hands over (omitted, or `BODY[…] NIL` with OK [EXPUNGEISSUED])
    // was expunged by another client since the search: settled as such, never quarantined.
    for uid in offered { plans[uid] = .expunged }
    var needBody: [UInt32] = []
    let filters = try store.read { tx in
      let filters = try FetchFilterSet(accountID: account.id, tx: tx)
      // Headers are parsed (on every core) only when a filter may skip by them; otherwise only a
      // message whose Message-ID the store holds already is parsed, for its fingerprint.
      let parsedHeaders = filters.skipsAny ? Self.parseHeadersAll(headers.map(\.bytes)) : nil
      let messageIDs = headers.indices.map { index in
        parsedHeaders != nil ? parsedHeaders?[index]?.messageID : MessageParser.messageID(inHeader: headers[index].bytes)
      }
      try tx.lookAhead(messageIDs: Set(messageIDs.compactMap { $0 }), addresses: [])
      for (index, message) in headers.enumerated() {
        let parsed = parsedHeaders?[index]
        // Header pass: a filter that decides from the headers alone skips before any download.
        if let parsed, let (filter, _) = filters.verdict(for: FetchFilterSet.headerSubject(parsed)),
          filter.action == .skip
        {
          plans[message.uid] = .skipped(filter)
        } else if message.size > limit {
          plans[message.uid] = .headerOnly(message.bytes, size: message.size)
        } else if let existing = try Self.storedCopy(of: message.bytes, messageID: messageIDs[index], parsed: parsed, tx: tx) {
          // The same message (Message-ID and fingerprint): merged without its body. A message
          // merely reusing a stored Message-ID is downloaded and becomes an email of its own.
          plans[message.uid] = .merge(existing)
        } else {
          needBody.append(message.uid)
        }
      }
      return filters
    }
    let sizes = Dictionary(headers.map { ($0.uid, $0.size) }, uniquingKeysWith: max)
    let uids = Self.withinByteBudget(offered, bodySizes: needBody.map { ($0, sizes[$0] ?? 0) }, budget: options.chunkBytes)
    if uids.count < offered.count {
      let taken = Set(uids)
      plans = plans.filter { taken.contains($0.key) }
      needBody = needBody.filter(taken.contains)
    }
    var checkpoint = checkpoint
    checkpoint.lastUID = uids.last ?? checkpoint.lastUID
    if !needBody.isEmpty {
      // A UID left at .expunged after this was expunged between the header pass and now. The
      // bodies may together be a little over their announced sizes, never far: a server that
      // sends much more is refused before it fills the memory.
      let budget = options.chunkBytes + IMAPLimits(maxSizeMB: account.maxSizeMB).maximumLiteralBytes
      var received = 0
      try imap.fetchMessages(uids: needBody, chunkSize: options.chunkSize) { message in
        received += message.bytes.count
        guard received <= budget else {
          throw IMAPError.limitExceeded(.fetchedBytes(what: "bodies", limitBytes: budget))
        }
        plans[message.uid] = .body(message.bytes)
      }
    }
    let time = now()
    // Parse and hash on every core before the transaction; the writer then only inserts.
    let toPrepare: [(uid: UInt32, raw: [UInt8], size: Int, headerOnly: Bool)] = uids.compactMap { uid in
      switch plans[uid] {
      case .body(let raw)?: return (uid, raw, raw.count, false)
      case .headerOnly(let header, let size)?: return (uid, header, size, true)
      default: return nil
      }
    }
    let prepared = PreparedMessage.prepareAll(toPrepare.map { ($0.raw, $0.size, $0.headerOnly) }, now: time)
    var ready: [UInt32: PreparedMessage] = [:]
    for (index, item) in toPrepare.enumerated() { ready[item.uid] = prepared[index] }
    return FetchedChunk(
      uids: uids, folder: folder, checkpoint: checkpoint, plans: plans, prepared: ready, filters: filters, time: time)
  }

  /// On a store that takes raw messages ahead (PostgreSQL), starts storing those of the chunk's
  /// messages that no filter skips in a transaction of their own, on a thread of its own while the
  /// previous chunk is written and the next downloaded (Docs/performance.md, "First sync into
  /// PostgreSQL"); the work's result is their SHA-256s. Should that fail, the chunk's write stores
  /// them itself and reports whatever is wrong.
  private func rawMessagesAhead(of chunk: FetchedChunk) -> BackgroundWork<Set<String>>? {
    guard store.storesRawMessagesAhead else { return nil }
    let messages = chunk.keptMessages.map { (sha256: $0.sha256, bytes: $0.raw) }
    return BackgroundWork { [store] in
      guard (try? store.storeRawMessagesAhead(messages)) != nil else { return [] }
      return Set(messages.map(\.sha256))
    }
  }

  /// The leading UIDs of `offered` such that the bodies to download among them (`bodySizes`, in
  /// UID order, announced sizes) add up to at most `budget` bytes; the first body always fits, so
  /// a chunk is never empty.
  static func withinByteBudget(_ offered: [UInt32], bodySizes: [(uid: UInt32, size: Int)], budget: Int) -> [UInt32] {
    var total = 0
    for (uid, size) in bodySizes {
      total += size
      guard total > budget, let index = offered.firstIndex(of: uid), index > 0 else { continue }
      return Array(offered[..<index])
    }
    return offered
  }

  /// The stored email that a message is (same Message-ID and fingerprint), judged from its header
  /// block, parsed already or parsed here only when the store holds its Message-ID at all.
  private static func storedCopy(
    of header: [UInt8], messageID: String?, parsed: ParsedMessage?, tx: Transaction
  ) throws -> Int64? {
    guard let id = messageID, try !tx.emailsSharing(messageID: id).isEmpty,
      let parsed = parsed ?? (try? MessageParser.parseHeaders(header)), let parsedID = parsed.messageID,
      case .same(let existing) = try DuplicateCheck.verdict(
        messageID: parsedID, fingerprint: MessageFingerprint.of(parsed), tx: tx, fillLegacy: false)
    else { return nil }
    return existing
  }

  /// Header blocks parsed on every core (nil where a header does not parse).
  private static func parseHeadersAll(_ blocks: [[UInt8]]) -> [ParsedMessage?] {
    let results = ParallelResults<ParsedMessage>(count: blocks.count)
    DispatchQueue.concurrentPerform(iterations: blocks.count) { index in
      if let parsed = try? MessageParser.parseHeaders(blocks[index]) { results.set(index, parsed) }
    }
    return results.values
  }

  /// Writes one chunk in one transaction: every email, merge, quarantine entry and ledger row,
  /// and the folder's checkpoint. Should anything fail, the chunk is written again with a
  /// savepoint per message, isolating the culprit in quarantine.
  private func write(_ chunk: FetchedChunk) throws -> [(UInt32, ImportOutcome)] {
    do {
      return try write(chunk, isolated: false)
    } catch let error as EspoMailError where error.status == .dataError || error.status == .internalError {
      return try write(chunk, isolated: true)
    }
  }

  private func write(_ chunk: FetchedChunk, isolated: Bool) throws -> [(UInt32, ImportOutcome)] {
    let uidValidity = chunk.checkpoint.uidValidity ?? 0
    return try store.write { tx in
      let keys = chunk.lookAheadKeys
      try tx.lookAhead(messageIDs: keys.messageIDs, addresses: keys.addresses, parties: keys.parties)
      var importer = try Importer(tx: tx, account: account, now: chunk.time)
      importer.isIsolated = isolated
      importer.notifies = !options.noNotify
      importer.autoReplies = !options.noAutoReply
      importer.rawMessagesStoredAhead = (try? chunk.rawMessagesAhead?.wait()) ?? []
      let results = try chunk.uids.compactMap { uid -> (UInt32, ImportOutcome)? in
        guard let plan = chunk.plans[uid] else { return nil }
        let key = ServerMessageKey(accountID: account.id, folder: chunk.folder, uidValidity: uidValidity, uid: uid)
        switch plan {
        case .merge(let emailID): return (uid, try importer.merge(into: emailID, key: key))
        case .skipped(let filter): return (uid, try importer.skip(by: filter, key: key))
        case .expunged: return (uid, try importer.expunged(key: key))
        case .body, .headerOnly: break
        }
        guard let message = chunk.prepared[uid] else { return nil }
        // Body pass: filters may now look at the body too.
        if case .success(let draft) = message.draft, let verdict = chunk.filters.verdict(for: FetchFilterSet.subject(draft)) {
          if verdict.filter.action == .skip { return (uid, try importer.skip(by: verdict.filter, key: key)) }
          return (uid, try importer.importPrepared(message, key: key, groupFolder: verdict))
        }
        return (uid, try importer.importPrepared(message, key: key))
      }
      try tx.saveCheckpoint(accountID: account.id, chunk.checkpoint)
      if marksSeen {
        // Until the STORE after this commit is confirmed, these rows say \Seen is owed.
        try tx.markSeenPending(
          accountID: account.id, folder: chunk.folder, uidValidity: uidValidity,
          uids: results.filter { Self.wantsSeen($0.1) }.map(\.0))
        try tx.clearSeenPending(
          accountID: account.id, folder: chunk.folder, uidValidity: uidValidity, uids: chunk.seenStored)
      }
      return results
    }
  }

  /// Whether a settled message is marked `\Seen` on the server: imported or merged ones are;
  /// those skipped by filters, quarantined or expunged are not.
  private static func wantsSeen(_ outcome: ImportOutcome) -> Bool {
    switch outcome {
    case .imported, .tooLarge, .merged: true
    case .quarantined, .skipped, .expunged: false
    }
  }

  /// After a chunk's commit: counts its outcomes, marks its messages \Seen on the server (unless
  /// the account keeps them unread) and sends the auto-replies it queued. Returns the UIDs the
  /// server stored \Seen on.
  private func settle(
    _ chunk: FetchedChunk, outcomes: [(UInt32, ImportOutcome)], imap: IMAPClient, report: inout AccountFetchReport
  ) throws -> [UInt32] {
    var seen: [UInt32] = []
    var emailIDs: [Int64] = []
    for (uid, outcome) in outcomes {
      switch outcome {
      case .imported(let emailID, let cases):
        report.new += 1
        report.count(cases)
        emailIDs.append(emailID)
      case .tooLarge(let emailID, let cases):
        report.new += 1
        report.tooLarge += 1
        report.count(cases)
        emailIDs.append(emailID)
      case .merged(let emailID, let cases):
        report.merged += 1
        report.count(cases)
        emailIDs.append(emailID)
      case .quarantined: report.quarantined += 1
      case .skipped: report.skipped += 1
      case .expunged: report.expunged += 1
      }
      if Self.wantsSeen(outcome) { seen.append(uid) }
    }
    if marksSeen, !seen.isEmpty { try imap.addFlags(["\\Seen"], uids: seen) }
    // Only this chunk's replies: an account fetched at the same time sends and counts its own.
    let replies = try store.read { try $0.queuedOutbox(kind: .autoReply, answering: emailIDs) }
    report.autoReplies += outbound().flush(replies)
    return marksSeen ? seen : []
  }
}

/// A lease and a logged-in IMAP session kept across fetches of one account (`fetch --watch`).
/// The session is used by one thread at a time: the fetch's, while the watcher waits for it.
struct HeldSession: @unchecked Sendable {
  /// The account's lease.
  let lease: AccountLease
  /// The logged-in session.
  let imap: IMAPClient
}
