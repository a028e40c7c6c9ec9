/// The permissions one role grants, or several roles merged. A missing entry means no access.
public struct RolePermissions: Equatable, Sendable {
  /// Levels by scope and action (`create` uses `.no` or `.all` for no/yes).
  public var levels: [Scope: [ScopeAction: AccessLevel]]
  /// Whether the user may manage their own personal email accounts.
  public var personalEmailAccounts: Bool
  /// Whether, and whose, shared group accounts the user may send through.
  public var groupEmailAccount: GroupAccountPermission

  /// A role that grants nothing: the default for a new user.
  public static let none = RolePermissions(levels: [:], personalEmailAccounts: false, groupEmailAccount: .no)

  /// Creates permissions from their parts.
  public init(
    levels: [Scope: [ScopeAction: AccessLevel]], personalEmailAccounts: Bool,
    groupEmailAccount: GroupAccountPermission
  ) {
    self.levels = levels
    self.personalEmailAccounts = personalEmailAccounts
    self.groupEmailAccount = groupEmailAccount
  }

  /// Every permission as `role set` takes it: `SCOPE.ACTION` for every scope and action (`create`
  /// as yes/no), and the two account permissions.
  public var settings: [String: String] {
    var map: [String: String] = [
      "personal-email-accounts": personalEmailAccounts ? "yes" : "no",
      "group-email-account": groupEmailAccount.rawValue,
    ]
    for scope in Scope.allCases {
      map["\(scope.rawValue).create"] = mayCreate(scope) ? "yes" : "no"
      for action in [ScopeAction.read, .edit, .delete] {
        map["\(scope.rawValue).\(action.rawValue)"] = level(scope, action).rawValue
      }
    }
    return map
  }

  /// The level granted for an action on a scope.
  public func level(_ scope: Scope, _ action: ScopeAction) -> AccessLevel {
    levels[scope]?[action] ?? .no
  }

  /// Whether records of the scope may be created.
  public func mayCreate(_ scope: Scope) -> Bool { level(scope, .create) != .no }

  /// The most generous union of several roles, as EspoCRM merges a user's roles.
  public static func merged(_ roles: [RolePermissions]) -> RolePermissions {
    var result = RolePermissions.none
    for role in roles {
      for (scope, actions) in role.levels {
        for (action, level) in actions where level > result.level(scope, action) {
          result.levels[scope, default: [:]][action] = level
        }
      }
      result.personalEmailAccounts = result.personalEmailAccounts || role.personalEmailAccounts
      result.groupEmailAccount = max(result.groupEmailAccount, role.groupEmailAccount)
    }
    return result
  }
}
