import EspoMailTestSupport
import Foundation
import Testing

/// Listing pages by cursor and exporting everything as JSON Lines.
@Suite struct PagingTests {
  /// A store with 25 emails, several sharing a date (the cursor breaks ties by id); 5 are to carol.
  private func store() throws -> TestStore {
    let store = try TestStore()
    try store.json(["user", "add", "carol", "--email", "carol@example.com"])
    try store.grantOwnMail("carol")
    for index in 0..<25 {
      let day = 10 + index / 3  // three emails a day, same second
      let bytes = SampleMessage.make(
        to: index % 5 == 0 ? "carol@example.com" : "support@example.com", subject: "Mail \(index)",
        body: "Body of mail \(index).\n", date: "Mon, \(day) Nov 2025 10:00:00 +0000")
      let path = store.directory.file("\(index).eml")
      FileManager.default.createFile(atPath: path, contents: Data(bytes))
      try store.json(["email", "import", path])
    }
    return store
  }

  private func ids(_ store: TestStore, _ arguments: [String], as login: String? = nil) throws -> [Int] {
    try store.json(["email", "list"] + arguments, as: login).array().compactMap { $0["id"] as? Int }
  }

  @Test func pagesFollowEachOtherExactly() throws {
    let store = try store()
    let all = try ids(store, ["--limit", "100"])
    #expect(all.count == 25)
    var paged: [Int] = []
    var cursor: [String] = []
    while true {
      let page = try ids(store, ["--limit", "7"] + cursor)
      paged += page
      guard page.count == 7, let last = page.last else { break }
      cursor = ["--before", "email:\(last)"]
    }
    #expect(paged == all)
    let middle = all[10]
    #expect(try ids(store, ["--limit", "4", "--after", "\(middle)"]) == Array(all[6..<10]))
    #expect(try ids(store, ["--limit", "4", "--before", "\(middle)"]) == Array(all[11..<15]))
    #expect(store.run(["email", "list", "--before", "1", "--after", "2"]).status == 64)
    #expect(store.run(["email", "list", "--before", "case:3"]).status == 64)
    #expect(store.run(["email", "list", "--before", "999"]).status == 66)
  }

  /// Listings of one's own rows (level own, or a folder such as the inbox) sort by the date and id
  /// those rows carry (migration 0008); their pages must keep the order and ties of every listing.
  @Test func ownRowsPageInTheSameOrderAsEveryListing() throws {
    let store = try store()
    // Imported last but dated first: an order by id alone would put it first.
    let late = store.directory.file("late.eml")
    FileManager.default.createFile(
      atPath: late,
      contents: Data(SampleMessage.make(to: "carol@example.com", subject: "Old", date: "Mon, 01 Nov 2025 10:00:00 +0000")))
    try store.json(["email", "import", late])
    let all = try ids(store, ["--limit", "100"])
    let carols = try ids(store, ["--limit", "100"], as: "carol")
    #expect(carols.count == 6 && carols == all.filter(carols.contains), "own rows in the order of every listing")
    #expect(carols.last == all.last, "the oldest mail comes last")
    #expect(try ids(store, ["--folder", "inbox", "--limit", "100"], as: "carol") == carols)
    var paged: [Int] = []
    var cursor: [String] = []
    while true {
      let page = try ids(store, ["--limit", "2"] + cursor, as: "carol")
      paged += page
      guard page.count == 2, let last = page.last else { break }
      cursor = ["--before", "email:\(last)"]
    }
    #expect(paged == carols)
    #expect(try ids(store, ["--limit", "2", "--after", "\(carols[3])"], as: "carol") == Array(carols[1..<3]))
  }

  @Test func exportWritesEveryReadableEmailAsJSONLines() throws {
    let store = try store()
    let lines = store.run(["email", "export"]).stdout.split(separator: "\n")
    #expect(lines.count == 25)
    let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    #expect(objects.compactMap { $0["id"] as? Int } == (try ids(store, ["--limit", "100"])))
    #expect(objects.allSatisfy { ($0["bodyPlain"] as? String)?.hasPrefix("Body of mail") == true })
    let carols = store.run(["email", "export", "--format", "json"], as: "carol").stdout.split(separator: "\n")
    #expect(carols.count == 5)
    let resumed = store.run(["email", "export", "--before", "\(objects[19]["id"] as? Int ?? 0)"]).stdout
    #expect(resumed.split(separator: "\n").count == 5)
  }
}
