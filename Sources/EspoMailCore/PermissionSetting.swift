/// One `KEY=VALUE` assignment of `role set`, parsed and checked.
public enum PermissionSetting: Equatable, Sendable {
  /// `SCOPE.ACTION=LEVEL`, such as `email.read=own` or `case.create=yes`.
  case level(Scope, ScopeAction, AccessLevel)
  /// `personal-email-accounts=yes|no`.
  case personalEmailAccounts(Bool)
  /// `group-email-account=no|team|all`.
  case groupEmailAccount(GroupAccountPermission)

  /// The accepted forms, for error messages and help.
  public static let acceptedForms =
    "SCOPE.ACTION=LEVEL with SCOPE one of \(Scope.allCases.map(\.rawValue).joined(separator: "|")), "
    + "ACTION read|edit|delete with LEVEL no|own|team|all, or ACTION create with yes|no; "
    + "personal-email-accounts=yes|no; group-email-account=no|team|all"

  /// Parses `KEY=VALUE`; throws a usage error naming the accepted forms.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw EspoMailError.malformed("permission", text, accepted: Self.acceptedForms)
    }
    let key = parts[0].lowercased()
    let value = parts[1].lowercased()
    switch key {
    case "personal-email-accounts":
      guard let flag = ["yes": true, "no": false][value] else {
        throw EspoMailError.malformed("value for \(key)", parts[1], accepted: "yes|no")
      }
      self = .personalEmailAccounts(flag)
    case "group-email-account":
      guard let level = GroupAccountPermission(rawValue: value) else {
        throw EspoMailError.malformed("value for \(key)", parts[1], accepted: "no|team|all")
      }
      self = .groupEmailAccount(level)
    default:
      let keyParts = key.split(separator: ".", maxSplits: 1).map(String.init)
      guard keyParts.count == 2, let scope = Scope(rawValue: keyParts[0]),
        let action = ScopeAction(rawValue: keyParts[1])
      else { throw EspoMailError.malformed("permission", text, accepted: Self.acceptedForms) }
      if action == .create {
        guard let flag = ["yes": true, "no": false][value] else {
          throw EspoMailError.malformed("value for \(key)", parts[1], accepted: "yes|no")
        }
        self = .level(scope, action, flag ? .all : .no)
      } else {
        guard let level = AccessLevel(rawValue: value) else {
          throw EspoMailError.malformed("value for \(key)", parts[1], accepted: "no|own|team|all")
        }
        self = .level(scope, action, level)
      }
    }
  }

  /// Applies the setting to a set of permissions.
  public func apply(to permissions: inout RolePermissions) {
    switch self {
    case .level(let scope, let action, let level):
      permissions.levels[scope, default: [:]][action] = level
    case .personalEmailAccounts(let flag):
      permissions.personalEmailAccounts = flag
    case .groupEmailAccount(let level):
      permissions.groupEmailAccount = level
    }
  }
}
