import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Foundation
import Testing

@testable import EspoMailKit

/// Users' inbox filters applied when they are given an email (`UserFilterApplier`): each user's
/// first matching filter decides for that user alone.
@Suite struct UserFilterApplierTests {
  /// Users alice and bob, alice's folders News (notifies) and Quiet (skips notifications).
  private struct World {
    let scratch: ScratchStore
    let alice: Int64
    let bob: Int64
    let news: Int64
    let quiet: Int64
  }

  private func world() throws -> World {
    let scratch = try ScratchStore()
    return try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      return World(
        scratch: scratch, alice: alice, bob: bob,
        news: try tx.insertFolder(userID: alice, name: "News", skipNotifications: false),
        quiet: try tx.insertFolder(userID: alice, name: "Quiet", skipNotifications: true))
    }
  }

  /// Stores a user filter.
  private func add(
    _ world: World, _ filter: EmailFilter, user: Int64, folder: Int64? = nil, markRead: Bool = false,
    skipNotification: Bool = false
  ) throws {
    var filter = filter
    filter.markRead = markRead
    filter.skipNotification = skipNotification
    try world.scratch.write { tx in
      _ = try tx.insertFilter(filter, accountID: nil, userID: user, folderID: folder, groupFolderID: nil)
    }
  }

  /// Gives a new email to the users and applies their filters; returns the email and who is silenced.
  private func deliver(_ world: World, subject: String = "Weekly digest", to users: [Int64]) throws -> (
    Int64, Set<Int64>
  ) {
    try world.scratch.write { tx in
      let email = try tx.insertEmail(
        StoreSamples.email(UUID().uuidString, subject: subject, from: "news@letters.example"))
      try tx.addEmailUsers(emailID: email, userIDs: users)
      let message = FilterSamples.message(from: "news@letters.example", subject: subject, bodies: ["body"])
      return (email, try UserFilterApplier(tx: tx).apply(emailID: email, subject: message, userIDs: users))
    }
  }

  private func view(_ world: World, _ email: Int64, as user: Int64) throws -> (folder: String?, isRead: Bool) {
    let summary = try #require(try world.scratch.read { try $0.emailDetail(id: email, viewerID: user)?.summary })
    return (summary.folder, summary.isRead)
  }

  @Test("skip puts the email in that user's trash and silences them; other users are untouched")
  func skip() throws {
    let world = try world()
    try add(world, FilterSamples.filter("alice-skip", scope: .user, from: "*@letters.example"), user: world.alice)
    let (email, silenced) = try deliver(world, to: [world.alice, world.bob])
    #expect(silenced == [world.alice])
    #expect(try view(world, email, as: world.alice).folder == "trash")
    #expect(try view(world, email, as: world.bob).folder == "inbox")
    let decisions = try world.scratch.read { try $0.decisions(emailID: email) }
    #expect(decisions.map(\.outcome) == ["alice: alice-skip"])
    #expect(decisions.first?.detail == "From news@letters.example matches *@letters.example: put in the trash")
  }

  @Test("the first matching filter by position decides; later ones are not applied")
  func firstMatchWins() throws {
    let world = try world()
    try add(
      world, FilterSamples.filter("1-other", scope: .user, action: .moveToFolder, subject: "Invoice*"),
      user: world.alice, folder: world.quiet)
    try add(
      world, FilterSamples.filter("2-news", scope: .user, action: .moveToFolder, subject: "Weekly*"), user: world.alice,
      folder: world.news)
    try add(world, FilterSamples.filter("3-skip", scope: .user, subject: "*"), user: world.alice)
    let (email, silenced) = try deliver(world, to: [world.alice])
    #expect(try view(world, email, as: world.alice).folder == "News")
    #expect(silenced.isEmpty)  // News notifies
  }

  @Test("moving to a folder that skips notifications silences; mark-read and skip-notification do what they say")
  func moveMarkReadSkipNotification() throws {
    let world = try world()
    try add(
      world, FilterSamples.filter("quiet", scope: .user, action: .moveToFolder, subject: "Weekly*"), user: world.alice,
      folder: world.quiet)
    try add(
      world, FilterSamples.filter("bob-read", scope: .user, action: .none, subject: "Weekly*"), user: world.bob,
      markRead: true)
    let (email, silenced) = try deliver(world, to: [world.alice, world.bob])
    #expect(silenced == [world.alice])
    #expect(try view(world, email, as: world.alice) == ("Quiet", false))
    #expect(try view(world, email, as: world.bob) == ("inbox", true))
    try add(
      world, FilterSamples.filter("bob-quiet", scope: .user, action: .none, subject: "Monthly*"), user: world.bob,
      skipNotification: true)
    let (_, monthly) = try deliver(world, subject: "Monthly digest", to: [world.bob])
    #expect(monthly == [world.bob])
  }

  @Test("a filter matching nothing changes nothing and records nothing")
  func noMatch() throws {
    let world = try world()
    try add(world, FilterSamples.filter("other", scope: .user, subject: "Invoice*"), user: world.alice, markRead: true)
    let (email, silenced) = try deliver(world, to: [world.alice])
    #expect(silenced.isEmpty)
    #expect(try view(world, email, as: world.alice) == ("inbox", false))
    #expect(try world.scratch.read { try $0.decisions(emailID: email) }.isEmpty)
  }
}
