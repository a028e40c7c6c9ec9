import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// Replies threading to their parent whatever the arrival order, and linking by hand (`Linker`,
/// `Session.linkEmail`).
@Suite struct ReplyThreadingTests {
  /// A store with admin root, Acme (contact Jane) and Globex (globex@).
  private func world() throws -> ScratchStore {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("root", admin: true)
      let acme = try tx.seedRecord(.account, "Acme")
      try tx.seedRecord(.contact, "Jane", account: acme.id, addresses: ["jane@acme.example"])
      try tx.seedRecord(.account, "Globex", addresses: ["globex@x.example"])
    }
    return scratch
  }

  private let acme = RecordReference(.account, 1)
  private let globex = RecordReference(.account, 2)

  private func message(_ id: String, from: String, replyingTo parent: String? = nil, references: [String] = [])
    -> [UInt8]
  {
    var headers: [String] = []
    if let parent { headers.append("In-Reply-To: <\(parent)>") }
    if !references.isEmpty { headers.append("References: " + references.map { "<\($0)>" }.joined(separator: " ")) }
    return SampleMessage.make(
      id: id, from: from, subject: parent == nil ? "Question" : "Re: Question", headers: headers)
  }

  private func parent(_ scratch: ScratchStore, _ emailID: Int64) throws -> RecordReference? {
    try scratch.read { try $0.threadingInfo(ofEmail: emailID)?.parent }
  }

  @Test("a reply arriving after its original takes the original's parent and answers it")
  func replyAfterOriginal() throws {
    let scratch = try world()
    let original = try scratch.importNew(message("o@x", from: "jane@acme.example"))
    let reply = try scratch.importNew(message("r@x", from: "stranger@else.example", replyingTo: "o@x"))
    #expect(try parent(scratch, reply) == acme)
    #expect(try scratch.read { try $0.repliedEmail(of: reply)?.id } == original)
    #expect(try scratch.read { try $0.parentRule(emailID: reply) } == "in-reply-to")
  }

  @Test("a reply arriving first, with no parent of its own, follows its original when it arrives, down the thread")
  func replyBeforeOriginal() throws {
    let scratch = try world()
    let reply = try scratch.importNew(
      message("r@x", from: "stranger@else.example", replyingTo: "o@x", references: ["o@x"]))
    let nested = try scratch.importNew(
      message("n@x", from: "other@else.example", replyingTo: "r@x", references: ["o@x", "r@x"]))
    #expect(try parent(scratch, reply) == nil)
    let original = try scratch.importNew(message("o@x", from: "jane@acme.example"))
    #expect(try parent(scratch, reply) == acme)
    #expect(try parent(scratch, nested) == acme)
    #expect(try scratch.read { try $0.repliedEmail(of: reply)?.id } == original)
    #expect(try scratch.read { try $0.parentRule(emailID: reply) } == "thread-later")
  }

  @Test("a reply re-threaded when its original arrives is noted in the stream of the record it now belongs to")
  func rethreadedReplyIsNoted() throws {
    let scratch = try world()
    let reply = try scratch.importNew(message("r@x", from: "globex@x.example", replyingTo: "o@x"))
    let nested = try scratch.importNew(message("n@x", from: "other@else.example", replyingTo: "r@x"))
    /// The emails the stream of `record` shows.
    func streamed(_ record: RecordReference) throws -> [Int64] {
      try scratch.read { try $0.notes(record).compactMap(\.emailID) }.sorted()
    }
    #expect(try streamed(acme).isEmpty)
    let original = try scratch.importNew(message("o@x", from: "jane@acme.example"))
    #expect(try parent(scratch, reply) == acme)
    #expect(try streamed(acme) == [reply, nested, original].sorted())
    // Importing another email changes nothing for the notes already there (one per record and email).
    _ = try scratch.importNew(message("o2@x", from: "stranger@else.example", replyingTo: "r@x"))
    #expect(try streamed(acme).filter { $0 == reply }.count == 1)
  }

  @Test("a reply whose parent came only from its sender's address follows the thread found later")
  func addressParentIsWeak() throws {
    let scratch = try world()
    let reply = try scratch.importNew(message("r@x", from: "globex@x.example", replyingTo: "o@x"))
    #expect(try parent(scratch, reply) == globex)
    _ = try scratch.importNew(message("o@x", from: "jane@acme.example"))
    #expect(try parent(scratch, reply) == acme)
  }

  @Test("a reply linked by hand keeps its parent when the original arrives")
  func handLinkIsKept() throws {
    let scratch = try world()
    let reply = try scratch.importNew(message("r@x", from: "stranger@else.example", replyingTo: "o@x"))
    _ = try scratch.session("root").linkEmail(reply, to: globex)
    _ = try scratch.importNew(message("o@x", from: "jane@acme.example"))
    #expect(try parent(scratch, reply) == globex)
  }

  @Test("linking by hand carries replies without a parent along the thread, not those with one")
  func linkByHandFollowers() throws {
    let scratch = try world()
    let original = try scratch.importNew(message("o@x", from: "stranger@else.example"))
    let plain = try scratch.importNew(message("r1@x", from: "other@else.example", replyingTo: "o@x"))
    let nested = try scratch.importNew(message("r2@x", from: "third@else.example", replyingTo: "r1@x"))
    let linked = try scratch.importNew(message("r3@x", from: "globex@x.example", replyingTo: "o@x"))
    let result = try scratch.session("root").linkEmail(original, to: acme)
    #expect(result.followed == [plain, nested])
    #expect(try parent(scratch, nested) == acme)
    #expect(try parent(scratch, linked) == globex)
  }
}
