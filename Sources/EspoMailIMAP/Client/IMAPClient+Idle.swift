import EspoMailCurl

/// IDLE (RFC 2177): the server tells a waiting session of changes to the selected folder.
///
/// The wait reads only what the server sends, response by response, each bounded by the session's
/// `IMAPLimits`; responses are looked at and dropped, so a server that keeps talking costs time,
/// never memory. RFC 2177 asks clients to end an IDLE within 29 minutes (`maximumIdleSeconds`).
extension IMAPClient {
  /// The longest an IDLE may last before it is ended and issued again: 29 minutes.
  public static let maximumIdleSeconds = 29.0 * 60

  /// Whether the server offers IDLE (else the caller polls).
  public var supportsIdle: Bool { capabilities.contains("IDLE") }

  /// Whether an IDLE is in progress.
  public var isIdling: Bool { idleTag != nil }

  /// Starts IDLE on the selected folder and waits for the server's go-ahead (`+`). Returns whether
  /// the server reported a change before it (mail that arrived just before the IDLE).
  public func startIdle() throws -> Bool {
    let tag = try send("IDLE")
    reader.beginWait(for: "IDLE")
    var changed = false
    while true {
      let next: ServerResponse
      do {
        next = try response(from: readingConnection { try reader.nextFrame() })
      } catch {
        abandon()
        throw error
      }
      switch next {
      case .continuation:
        idleTag = tag
        reader.releaseSpareMemory()
        return changed
      case .untagged(let untagged):
        changed = changed || Self.reportsChange(untagged)
      case .tagged(let other, let state) where other == tag:
        outstanding.remove(tag)
        guard state.condition != "OK" else { return true }
        throw failure(of: "IDLE", folder: nil, state)
      case .tagged(let other, _):
        abandon()
        throw IMAPError.malformedResponse("a completion for the unknown tag '\(other)'")
      }
    }
  }

  /// Waits in IDLE until the server reports a change, `interrupt` (a descriptor) becomes readable,
  /// or `seconds` pass. The IDLE goes on: end it with `stopIdle`.
  public func waitInIdle(seconds: Double, interrupt: Int32?) throws -> IdleWake {
    guard let tag = idleTag else { throw IMAPError.invalidArgument("no IDLE is in progress") }
    let start = ContinuousClock.now
    do {
      while true {
        while let frame = try reader.bufferedFrame() {
          switch try response(from: frame) {
          case .untagged(let untagged):
            if Self.reportsChange(untagged) { return .changed }
          case .tagged(let other, let state) where other == tag:
            // The server ended the IDLE itself (some do after their own timeout).
            idleTag = nil
            outstanding.remove(tag)
            guard state.condition == "OK" else { throw failure(of: "IDLE", folder: nil, state) }
            return .changed
          case .tagged(let other, _):
            throw IMAPError.malformedResponse("a completion for the unknown tag '\(other)'")
          case .continuation(let text):
            throw IMAPError.malformedResponse("an unexpected continuation request '\(text)'")
          }
        }
        if try readingConnection({ try reader.receiveAvailable() }) { continue }
        let left = seconds - start.duration(to: .now).seconds
        guard left > 0 else { return .timedOut }
        switch try Self.transportCall({ try transport.waitReadable(seconds: left, interrupt: interrupt) }) {
        case .readable: continue
        case .interrupted: return .interrupted
        case .timedOut: return .timedOut
        }
      }
    } catch let error as IMAPError where error.leavesSessionUsable {
      throw error
    } catch {
      abandon()
      throw error
    }
  }

  /// Ends the IDLE (DONE) and reads its completion; untagged responses meanwhile are dropped (the
  /// fetch that follows asks the server afresh). Does nothing when no IDLE is in progress.
  public func stopIdle() throws {
    guard let tag = idleTag else { return }
    idleTag = nil
    trace?("> DONE")
    try sendRaw(Array("DONE\r\n".utf8))
    try complete(tag, name: "IDLE")
  }

  /// Whether an untagged response says the selected folder changed, or (a STATUS, after
  /// `notify`) another folder did.
  static func reportsChange(_ response: UntaggedResponse) -> Bool {
    switch response {
    case .exists, .recent, .expunge, .fetch, .status: true
    default: false
    }
  }
}
