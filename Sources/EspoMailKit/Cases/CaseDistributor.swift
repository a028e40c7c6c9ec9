import EspoMailCore
import EspoMailStore

/// Everything a distribution decision depends on, so it can be simulated (`case preview`).
struct DistributionState {
  /// Active team members (of the position, if set), by login.
  var eligible: [EligibleMember]
  /// The login the round-robin cursor is on (the last one given a case).
  var cursorLogin: String?
  /// Open cases per user.
  var openCases: [Int64: Int]
  /// When each user last got a case (ISO 8601; absent: never).
  var lastAssigned: [Int64: String]
  /// The direct assignee, if that is the rule, and whether they are active.
  var direct: (user: EligibleMember, isActive: Bool)?

  /// Loads the state for an account's settings.
  static func load(_ settings: CaseSettings, accountID: Int64, tx: Transaction) throws -> DistributionState {
    let eligible = try settings.team.map { try tx.eligibleMembers(team: $0, position: settings.position) } ?? []
    let ids = eligible.map(\.id)
    let cursor = try tx.roundRobinCursor(accountID: accountID).flatMap { try tx.userSummary(id: $0)?.login }
    var direct: (EligibleMember, Bool)?
    if settings.distribution == .direct, let login = settings.assignTo, let user = try tx.user(login: login) {
      direct = (EligibleMember(id: user.id, login: user.login), user.isActive)
    }
    return DistributionState(
      eligible: eligible, cursorLogin: cursor, openCases: try tx.openCaseCounts(userIDs: ids),
      lastAssigned: try tx.lastAssignment(userIDs: ids), direct: direct)
  }
}

/// Picks who gets a new case: direct = the named user; round-robin = the
/// next eligible login after the cursor, wrapping; least-busy = fewest open cases, ties to whoever
/// got a case least recently, then by login. Inactive users are never chosen.
enum CaseDistributor {
  /// The chosen user (nil: nobody eligible) and why.
  static func choose(_ distribution: CaseDistribution?, _ state: DistributionState) -> (EligibleMember?, String) {
    switch distribution {
    case nil:
      return (nil, "no distribution rule: the case stays New")
    case .direct?:
      guard let direct = state.direct else { return (nil, "direct assignment names no user") }
      guard direct.isActive else { return (nil, "direct assignee \(direct.user.login) is inactive") }
      return (direct.user, "direct assignment to \(direct.user.login)")
    case .roundRobin?:
      guard let first = state.eligible.first else { return (nil, "round-robin: no active team member is eligible") }
      guard let cursor = state.cursorLogin else { return (first, "round-robin: first turn goes to \(first.login)") }
      if let next = state.eligible.first(where: { $0.login.lowercased() > cursor.lowercased() }) {
        return (next, "round-robin: \(next.login) follows \(cursor)")
      }
      return (first, "round-robin: after \(cursor) the turn wraps to \(first.login)")
    case .leastBusy?:
      let ranked = state.eligible.sorted { a, b in
        let (ca, cb) = (state.openCases[a.id] ?? 0, state.openCases[b.id] ?? 0)
        if ca != cb { return ca < cb }
        let (ta, tb) = (state.lastAssigned[a.id] ?? "", state.lastAssigned[b.id] ?? "")
        if ta != tb { return ta < tb }
        // Logins are unique without regard to case, and ordered so everywhere else (the member
        // list, round-robin's turn): the tie goes the same way.
        return a.login.lowercased() < b.login.lowercased()
      }
      guard let chosen = ranked.first else { return (nil, "least-busy: no active team member is eligible") }
      let summary = ranked.map { "\($0.login) \(state.openCases[$0.id] ?? 0)" }.joined(separator: ", ")
      return (chosen, "least-busy: \(chosen.login) has the fewest open cases (\(summary))")
    }
  }

  /// Records a choice in the state, as the store will after assigning.
  static func apply(_ chosen: EligibleMember, at time: String, to state: inout DistributionState) {
    state.cursorLogin = chosen.login
    state.openCases[chosen.id, default: 0] += 1
    state.lastAssigned[chosen.id] = time
  }
}
