/// The answer of an access rule: allowed or not, and why, in words errors and `explain` show.
public struct AccessDecision: Equatable, Sendable {
  /// Whether the action is allowed.
  public let allowed: Bool
  /// Why, such as "email.read=team and shares a team".
  public let reason: String

  /// An allowing decision.
  static func allow(_ reason: String) -> AccessDecision { AccessDecision(allowed: true, reason: reason) }

  /// A refusing decision.
  static func deny(_ reason: String) -> AccessDecision { AccessDecision(allowed: false, reason: reason) }
}
