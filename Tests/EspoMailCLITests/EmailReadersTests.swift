import EspoMailTestSupport
import Foundation
import Testing

/// `explain --who` against what each user is really shown: for every email of the golden store and
/// every user, the user is listed exactly when `email show` as that user succeeds.
@Suite struct EmailReadersTests {
  @Test func theReadersAreExactlyTheUsersEmailShowLetsIn() throws {
    let store = try GoldenJSONStore.shared.get().clone()
    let logins = try store.json(["user", "list"]).array().compactMap { $0["login"] as? String }
    let ids = try store.json(["email", "list"]).array().compactMap { $0["id"] as? Int }
    #expect(ids.count >= 5 && logins.count >= 4)
    var differences: [String] = []
    var someoneIsLeftOut = false
    for id in ids {
      let readers = try store.json(["explain", "\(id)", "--who"]).object()["readers"] as? [[String: Any]] ?? []
      let listed = Set(readers.compactMap { $0["login"] as? String })
      for login in logins {
        let shown = store.run(["email", "show", "\(id)"], as: login).status == 0
        if shown != listed.contains(login) { differences.append("email \(id), \(login): shown \(shown), listed \(!shown)") }
        if !shown { someoneIsLeftOut = true }
      }
    }
    #expect(differences.isEmpty, "\(differences)")
    #expect(someoneIsLeftOut, "the population must include users who may not read some email")
  }

  @Test func onlyAdminsAskWhoMayRead() throws {
    let store = try GoldenJSONStore.shared.get().clone()
    let denied = store.run(["explain", "1", "--who"], as: "alice")
    #expect(denied.status == 77)
    #expect(store.run(["explain", "999", "--who"]).status == 66)
  }
}
