import EspoMailCore
import EspoMailStore

/// A user who may read an email, and the rule that lets them.
public struct EmailReader: Sendable {
  /// The user's login.
  public var login: String
  /// The user's name.
  public var name: String
  /// The rule, as access errors word it: "admin", "email.read=all", "email.read=own and has the
  /// email", "email.read=team and shares a team".
  public var rule: String
  /// Whether the user is among the email's users (it is in their mail).
  public var hasEmail: Bool
  /// The email's teams the user is in.
  public var sharedTeams: [String]
}

extension Session {
  /// Every active user who may read an email, with the rule that lets each (admins only): the
  /// decision `email show` takes for each of them (`EmailAccess`), so the list cannot disagree
  /// with what they are shown. Inactive users read nothing and are left out.
  public func readers(ofEmail emailID: Int64) throws -> [EmailReader] {
    try requireAdmin("explain --who")
    return try store.read { tx in
      _ = try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)")
      let check = EmailAccessCheck(tx: tx)
      let holders = Set(try tx.emailUserIDs(emailID: emailID))
      let emailTeams = Set(try tx.emailTeamIDs(emailID: emailID))
      let teamNames = Dictionary(uniqueKeysWithValues: try tx.teams().map { ($0.id, $0.name) })
      return try tx.users().filter(\.isActive).compactMap { reader in
        let decision = try check.decide(userID: reader.id, emailID: emailID)
        guard decision.allowed else { return nil }
        let shared = emailTeams.intersection(try check.people.teamIDs(userID: reader.id)).compactMap { teamNames[$0] }
        return EmailReader(
          login: reader.login, name: reader.name, rule: decision.reason, hasEmail: holders.contains(reader.id),
          sharedTeams: shared.sorted())
      }
    }
  }
}
