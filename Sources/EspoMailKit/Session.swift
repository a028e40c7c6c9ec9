import EspoMailCore
import EspoMailStore

/// One invocation's view of the store: who is acting, with what permissions. Every use case is a
/// method on it, and every access check lives here, not in the commands.
public struct Session: Sendable {
  /// The store.
  public let store: Store
  /// The user the command acts as.
  public let user: User
  /// The merged permissions of the user's roles.
  public let permissions: RolePermissions
  /// The OS login that ran the command (differs from `user.login` under `--as`).
  public let operatingSystemLogin: String

  /// Resolves who is acting: the user the database login is mapped to on a PostgreSQL store
  /// (the database authenticated them, Docs/security.md), else the OS login; with `actingAs`
  /// (admins only) another user.
  public init(store: Store, operatingSystemLogin: String, actingAs: String?) throws {
    self.store = store
    self.operatingSystemLogin = operatingSystemLogin
    let resolved = try store.read { tx -> (User, RolePermissions) in
      let caller: User
      if let mapped = try tx.databaseLoginUserID() {
        caller = try tx.user(id: mapped).orNotFound("user", "\(mapped)")
      } else if let found = try tx.user(login: operatingSystemLogin), found.login == operatingSystemLogin {
        // Logins match exactly: the store compares names without case, but the OS login 'ROOT' is
        // not the user 'root'.
        caller = found
      } else {
        throw EspoMailError(
          .permissionDenied, "the login '\(operatingSystemLogin)' is not a user of this store",
          hint: "ask an admin to run 'espomail user add \(operatingSystemLogin)'")
      }
      guard caller.isActive else {
        throw EspoMailError(.permissionDenied, "the user '\(caller.login)' is inactive", hint: "ask an admin to activate it")
      }
      var acting = caller
      if let actingAs, actingAs.lowercased() != caller.login.lowercased() {
        guard caller.isAdmin else {
          throw EspoMailError.denied("--as \(actingAs)", because: "only admins may act as another user")
        }
        guard let target = try tx.user(login: actingAs) else { throw EspoMailError.notFound("user", actingAs) }
        guard target.isActive else {
          throw EspoMailError(.permissionDenied, "the user '\(target.login)' is inactive and can do nothing")
        }
        acting = target
      }
      return (acting, try tx.permissions(userID: acting.id))
    }
    user = resolved.0
    permissions = resolved.1
  }

  /// Throws unless the store connection may open sealed passwords and queue mail: an agent's own
  /// database role on PostgreSQL reads mail as them but leaves fetching and sending to the
  /// service (Docs/security.md, "Several users on PostgreSQL").
  public func requireServiceConnection(_ action: String) throws {
    guard try store.read({ try $0.connectsAsAgent() }) else { return }
    throw EspoMailError.denied(
      action, because: "your own database role reads mail as you, but fetching and sending need sealed passwords and the outbox",
      hint: "run it on a host where espomail connects as the fetch service or as an admin (Docs/security.md)")
  }

  /// Throws unless the acting user is an admin.
  public func requireAdmin(_ action: String) throws {
    guard user.isAdmin else { throw EspoMailError.denied(action, because: "only admins may do this") }
  }

  /// The level the acting user has for an action on a scope (admins: all).
  public func level(_ scope: Scope, _ action: ScopeAction) -> AccessLevel {
    user.isAdmin ? .all : permissions.level(scope, action)
  }

  /// Throws unless the acting user may create records of the scope.
  public func requireCreate(_ scope: Scope) throws {
    guard level(scope, .create) != .no else {
      throw EspoMailError.denied(
        "create \(scope.rawValue)", because: "no role of '\(user.login)' grants \(scope.rawValue).create=yes")
    }
  }
}
