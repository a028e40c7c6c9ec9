/// What `account set --distribution` accepts: a distribution rule, or `none` to stop assigning new
/// cases (they stay New).
public enum DistributionChoice: String, CaseIterable, Codable, Sendable {
  /// No rule: new cases stay New and unassigned.
  case none
  /// Always the named user.
  case direct
  /// Team members in turn, by login.
  case roundRobin = "round-robin"
  /// The team member with the fewest open cases.
  case leastBusy = "least-busy"

  /// The rule stored for this choice (nil for `none`).
  public var distribution: CaseDistribution? {
    switch self {
    case .none: nil
    case .direct: .direct
    case .roundRobin: .roundRobin
    case .leastBusy: .leastBusy
    }
  }
}
