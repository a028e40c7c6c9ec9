extension IMAPClient {
  /// UID SEARCH in the selected folder, such as "UID 10:*" or "SINCE 1-Jan-2024"; UIDs ascending.
  /// More than `IMAPLimits.maximumSearchUIDs` UIDs is an error.
  public func uidSearch(_ criteria: String) throws -> [UInt32] {
    var found: [UInt32] = []
    try run("UID SEARCH \(try CommandArgument.verbatim(criteria, what: "the search criteria"))", name: "UID SEARCH") {
      guard case .search(let uids) = $0 else { return }
      found += uids
      if found.count > IMAPLimits.maximumSearchUIDs {
        throw IMAPError.limitExceeded(.searchResults(limit: IMAPLimits.maximumSearchUIDs))
      }
    }
    return UIDSet.normalised(found)
  }

  /// Size, flags, internal date and header block of each message, in UID order; UIDs that no
  /// longer exist are left out, whether the server omits them or answers `BODY[HEADER] NIL` (a
  /// message expunged by another client). Never marks anything seen.
  /// The headers together may hold `IMAPLimits.maximumHeaderPassBytes`; more is an error.
  public func fetchHeaders(uids: [UInt32]) throws -> [FetchedMessage] {
    var messages: [FetchedMessage] = []
    messages.reserveCapacity(uids.count)
    var held = 0
    try fetch(uids: uids, chunkSize: 500, section: "HEADER") {
      held += $0.bytes.count
      guard held <= IMAPLimits.maximumHeaderPassBytes else {
        throw IMAPError.limitExceeded(.fetchedBytes(what: "headers", limitBytes: IMAPLimits.maximumHeaderPassBytes))
      }
      messages.append($0)
    }
    return messages.sorted { $0.uid < $1.uid }
  }

  /// Whole messages, handed to `handle` as each arrives, fetched with `UID FETCH` in chunks of
  /// `chunkSize` UIDs over this one connection (the next chunk is requested while the current one
  /// streams in). Never marks anything seen. UIDs that no longer exist are skipped, whether the
  /// server omits them or answers `BODY[] NIL` (RFC 9051, expunged by another client), so a UID
  /// asked for and not handed over is gone from the folder once this returns.
  ///
  /// When `handle` throws, nothing more is handed over; the chunks already requested are read to
  /// their end, so the session stays usable, and the error is rethrown; an `IMAPError` that
  /// leaves the session unusable (a limit) is rethrown at once.
  public func fetchMessages(uids: [UInt32], chunkSize: Int = 200, _ handle: (FetchedMessage) throws -> Void) throws {
    try fetch(uids: uids, chunkSize: chunkSize, section: "", handle)
  }

  /// `UID FETCH set (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[section])` in pipelined chunks.
  private func fetch(
    uids: [UInt32], chunkSize: Int, section: String, _ deliver: (FetchedMessage) throws -> Void
  ) throws {
    let sorted = UIDSet.normalised(uids)
    guard !sorted.isEmpty else { return }
    let chunks = UIDSet.chunks(sorted, size: chunkSize)
    let wanted = Set(sorted)
    let sectionName = "BODY[\(section)]"
    var delivered = Set<UInt32>(minimumCapacity: sorted.count)
    var inFlight: [String] = []
    var nextChunk = 0
    var stopError: (any Error)?

    func request() throws {
      let set = UIDSet.string(sorted: chunks[nextChunk])
      inFlight.append(try send("UID FETCH \(set) (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[\(section)])"))
      nextChunk += 1
    }

    try request()
    if nextChunk < chunks.count { try request() }
    while !inFlight.isEmpty {
      let tag = inFlight.removeFirst()
      do {
        try complete(tag, name: "UID FETCH") { response in
          // Matched by UID: unsolicited FETCH (flag changes), EXISTS or EXPUNGE are passed over.
          guard stopError == nil, case .fetch(let fetched) = response, let uid = fetched.uid, wanted.contains(uid),
            let bytes = fetched.sections[sectionName], delivered.insert(uid).inserted
          else { return }
          let message = FetchedMessage(
            uid: uid, size: fetched.size ?? bytes.count, flags: fetched.flags ?? [], internalDate: fetched.internalDate,
            bytes: bytes)
          do {
            try deliver(message)
          } catch let error as IMAPError where !error.leavesSessionUsable {
            throw error  // over a limit: reading on would only take in more of what was refused
          } catch {
            stopError = error
          }
        }
      } catch let error as IMAPError {
        // NO/BAD leave the dialogue in step: read the other chunk's answer, then report.
        guard case .commandFailed = error else { throw error }
        stopError = stopError ?? error
      }
      if stopError == nil, nextChunk < chunks.count { try request() }
    }
    if let stopError { throw stopError }
  }
}
