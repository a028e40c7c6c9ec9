import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// The filters a fetch applies (`FetchFilterSet`): global and the account's own, skips before
/// moves, first match wins; other accounts' and users' filters never.
@Suite struct FetchFilterSetTests {
  /// A store with accounts desk and other, a group folder, and filters of every scope.
  private func world() throws -> (ScratchStore, desk: Int64) {
    let scratch = try ScratchStore()
    let desk = try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let desk = try tx.seedAccount(StoreSamples.account("desk"))
      let other = try tx.seedAccount(StoreSamples.account("other"))
      let folder = try tx.insertGroupFolder(name: "Invoices", teamIDs: [])
      let filters: [(EmailFilter, Int64?, Int64?, Int64?)] = [
        (
          FilterSamples.filter("desk-move", scope: .account, action: .moveToGroupFolder, subject: "Invoice*"), desk,
          nil, folder
        ),
        (FilterSamples.filter("global-skip", from: "*@spam.example"), nil, nil, nil),
        (FilterSamples.filter("desk-skip", scope: .account, subject: "*unsubscribe*"), desk, nil, nil),
        (FilterSamples.filter("other-skip", scope: .account, from: "*"), other, nil, nil),
        (FilterSamples.filter("alice-skip", scope: .user, from: "*"), nil, alice, nil),
        (FilterSamples.filter("global-body", any: ["viagra"]), nil, nil, nil),
      ]
      for (filter, accountID, userID, groupFolderID) in filters {
        _ = try tx.insertFilter(
          filter, accountID: accountID, userID: userID, folderID: nil, groupFolderID: groupFolderID)
      }
      return desk
    }
    return (scratch, desk)
  }

  @Test("order: skips (global first, then the account's) before moves; no other account's or user's filter")
  func order() throws {
    let (scratch, desk) = try world()
    let set = try scratch.read { tx in try FetchFilterSet(accountID: desk, tx: tx) }
    #expect(set.ordered.map(\.name) == ["global-skip", "global-body", "desk-skip", "desk-move"])
  }

  @Test("the first matching filter decides, with its reason; nil when none matches")
  func verdict() throws {
    let (scratch, desk) = try world()
    let set = try scratch.read { tx in try FetchFilterSet(accountID: desk, tx: tx) }
    func verdict(from: String = "jane@acme.example", subject: String, body: String? = nil) -> String? {
      set.verdict(for: FilterSamples.message(from: from, subject: subject, bodies: body.map { [$0] }))?.filter.name
    }
    #expect(verdict(from: "x@spam.example", subject: "Invoice 7") == "global-skip")
    #expect(verdict(subject: "Invoice 7 - click to unsubscribe") == "desk-skip")  // a skip beats an earlier move
    #expect(verdict(subject: "Invoice 7") == "desk-move")
    #expect(verdict(subject: "Hello", body: "cheap VIAGRA") == "global-body")
    #expect(verdict(subject: "Hello", body: nil) == nil)  // the body filter waits for the body
    #expect(verdict(subject: "Hello", body: "fine") == nil)
    let reason = set.verdict(for: FilterSamples.message(from: "x@spam.example"))?.reason
    #expect(reason == "From x@spam.example matches *@spam.example")
  }

  @Test("a filter set for an account with no filters of its own has the global ones")
  func globalOnly() throws {
    let (scratch, _) = try world()
    let third = try scratch.write { tx in try tx.seedAccount(StoreSamples.account("third")) }
    let set = try scratch.read { tx in try FetchFilterSet(accountID: third, tx: tx) }
    #expect(set.ordered.map(\.name) == ["global-skip", "global-body"])
  }

  @Test("what fetch filters see: From, To and Cc (not Bcc), subject; bodies only for whole messages")
  func subjects() {
    var email = StoreSamples.email(
      "a@x", subject: "Hi", from: "jane@acme.example", to: ["a@example.com"], cc: ["b@example.com"], body: "plain")
    email.bcc = [EmailParty(name: nil, address: "hidden@example.com")]
    email.bodyHTML = "<p>html</p>"
    let whole = FetchFilterSet.subject(email)
    #expect(whole.from == "jane@acme.example")
    #expect(whole.recipients == ["a@example.com", "b@example.com"])
    #expect(whole.subject == "Hi")
    #expect(whole.bodies == ["plain", "<p>html</p>"])
  }
}
