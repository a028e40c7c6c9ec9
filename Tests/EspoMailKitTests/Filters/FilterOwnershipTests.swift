import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// Who may create, see and remove global, account and user filters (`Session+Filters`).
@Suite struct FilterOwnershipTests {
  /// root (admin); alice (may manage personal accounts) with alice-mail; bob; group account desk.
  private func world() throws -> ScratchStore {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("root", admin: true)
      let alice = try tx.seedUser("alice", addresses: ["alice@example.com"])
      try tx.seedUser("bob")
      try tx.seedRole("Personal", AccessSamples.permissions(personalAccounts: true), users: [alice])
      try tx.seedAccount(
        StoreSamples.account("alice-mail", kind: .personal, owner: "alice", address: "alice@example.com"),
        ownerID: alice)
      try tx.seedAccount(StoreSamples.account("desk"))
      _ = try tx.insertGroupFolder(name: "Invoices", teamIDs: [])
      _ = try tx.insertFolder(userID: alice, name: "News", skipNotifications: false)
    }
    return scratch
  }

  private func request(
    _ name: String, _ scope: FilterScope, account: String? = nil, user: String? = nil, action: FilterAction = .skip,
    folder: String? = nil, from: String? = "*@spam.example"
  ) -> FilterRequest {
    var request = FilterRequest(name: name, scope: scope, action: action)
    request.account = account
    request.user = user
    request.folder = folder
    request.from = from
    return request
  }

  /// The exit status creating the filter as `login` fails with, nil when it is created.
  private func create(_ scratch: ScratchStore, as login: String, _ request: FilterRequest) -> EspoMailCore.ExitStatus? {
    failureStatus { _ = try scratch.session(login).createFilter(request) }
  }

  @Test("global filters are admins'")
  func globalFilters() throws {
    let scratch = try world()
    #expect(create(scratch, as: "alice", request("g", .global)) == .permissionDenied)
    #expect(create(scratch, as: "root", request("g", .global)) == nil)
    #expect(create(scratch, as: "root", request("g2", .global, action: .moveToFolder, folder: "News")) == .dataError)  // skip only
  }

  @Test("account filters: group accounts' for admins, personal accounts' for their owner too")
  func accountFilters() throws {
    let scratch = try world()
    #expect(create(scratch, as: "alice", request("a", .account, account: "desk")) == .permissionDenied)
    #expect(create(scratch, as: "bob", request("a", .account, account: "alice-mail")) == .permissionDenied)
    #expect(create(scratch, as: "alice", request("a", .account, account: "alice-mail")) == nil)
    #expect(
      create(
        scratch, as: "alice",
        request("m", .account, account: "alice-mail", action: .moveToGroupFolder, folder: "Invoices")) == .dataError)
    #expect(
      create(
        scratch, as: "root", request("m", .account, account: "desk", action: .moveToGroupFolder, folder: "Invoices"))
        == nil)
    #expect(create(scratch, as: "root", request("n", .account)) == .usage)
  }

  @Test("user filters: one's own, or anyone's for admins; a folder target must be that user's")
  func userFilters() throws {
    let scratch = try world()
    #expect(create(scratch, as: "bob", request("u", .user, user: "alice")) == .permissionDenied)
    #expect(
      create(scratch, as: "alice", request("u", .user, user: "alice", action: .moveToFolder, folder: "News")) == nil)
    #expect(
      create(scratch, as: "root", request("v", .user, user: "bob", action: .moveToFolder, folder: "News")) == .notFound)
    #expect(create(scratch, as: "root", request("v", .user, user: "bob")) == nil)
    #expect(create(scratch, as: "alice", request("w", .user, user: "alice", from: nil)) == .dataError)  // no criterion
  }

  @Test("a later filter shadowed by an earlier one of the same owner is reported")
  func shadowing() throws {
    let scratch = try world()
    let alice = try scratch.session("alice")
    _ = try alice.createFilter(request("broad", .user, user: "alice"))
    var narrow = request("narrow", .user, user: "alice")
    narrow.subject = "Hi"
    #expect(try alice.createFilter(narrow).shadowedBy == ["broad"])
    _ = try scratch.session("root").createFilter(request("bobs", .user, user: "bob"))
    var other = request("alice-2", .user, user: "alice", from: "*@other.example")
    other.subject = "x"
    #expect(try alice.createFilter(other).shadowedBy == [])
  }

  @Test("seeing filters: admins all; users their own user filters and their personal accounts' filters")
  func listing() throws {
    let scratch = try world()
    let root = try scratch.session("root")
    _ = try root.createFilter(request("global", .global))
    _ = try root.createFilter(request("desk", .account, account: "desk"))
    _ = try root.createFilter(request("alice-mail", .account, account: "alice-mail"))
    _ = try root.createFilter(request("alice", .user, user: "alice"))
    _ = try root.createFilter(request("bob", .user, user: "bob"))
    #expect(try root.listFilters(user: nil).map(\.name) == ["global", "alice-mail", "desk", "alice", "bob"])
    #expect(try root.listFilters(user: "bob").map(\.name) == ["bob"])
    let alice = try scratch.session("alice")
    #expect(try alice.listFilters(user: nil).map(\.name) == ["alice-mail", "alice"])
    #expect(throws: EspoMailError.self) { try alice.listFilters(user: "bob") }
    #expect(throws: EspoMailError.self) { try alice.showFilter("global") }
    #expect(throws: EspoMailError.self) { try alice.removeFilter("bob") }
    #expect(try alice.removeFilter("alice").name == "alice")
  }
}
