import EspoMailCore
import EspoMailTestSupport
import Foundation
import GRDB
import Testing

@testable import EspoMailStore

/// An SQLite store's write-ahead log is copied back into the store file off the writer's commits
/// (`WALCheckpointer`), and stays bounded however fast the writer goes.
@Suite struct WALCheckpointerTests {
  @Test("a writer's many commits reach the store file, and the log never grows past its bound")
  func commitsReachTheStoreFileAndTheLogStaysBounded() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sqlite")
    let store = try Store.create(at: path)
    let pageSize = try store.read { try $0.db.value(Int.self, "PRAGMA page_size") }
    #expect(pageSize == 16_384)
    let startSize = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    var largestLog = 0
    // 2,000 commits of 24 KB each: about 6,000 log pages, past both thresholds.
    for index in 0..<2_000 {
      let bytes = [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 24_000)
      try store.write { try $0.storeRaw(sha256: "sha-\(index)", bytes: bytes) }
      let log = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
      largestLog = max(largestLog, log)
    }
    // The bound: the writer catches up past catchUpFrames pages, plus one commit's pages.
    #expect(largestLog <= (Int(WALCheckpointer.catchUpFrames) + 8) * (pageSize! + 24) + 32)
    let endSize = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    #expect(endSize - startSize > 30_000_000, "checkpoints copied the commits into the store file")
    #expect(store.checkpointer?.backgroundCheckpoints ?? 0 > 0, "some of them on the checkpointer's own connection")
    try store.read { tx throws in
      #expect(try tx.rawMessage(sha256: "sha-1999")?.count == 24_000)
      #expect(try tx.db.value(Int.self, "SELECT count(*) FROM raw_message") == 2_000)
    }
  }
}
