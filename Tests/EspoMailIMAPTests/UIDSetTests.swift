import EspoMailIMAP
import Testing

@Suite struct UIDSetTests {
  @Test func compressesRuns() {
    #expect(UIDSet.string([1, 2, 3, 4, 5, 7, 9, 10, 11, 12]) == "1:5,7,9:12")
    #expect(UIDSet.string([12, 9, 1, 3, 2, 11, 10, 7, 5, 4, 3, 3]) == "1:5,7,9:12")
    #expect(UIDSet.string([42]) == "42")
    #expect(UIDSet.string([]) == "")
    #expect(UIDSet.string([4_294_967_294, 4_294_967_295, 1]) == "1,4294967294:4294967295")
  }

  @Test func chunksKeepOrder() {
    let uids = UIDSet.normalised([5, 1, 3, 2, 4, 9, 8, 7, 6, 10, 10])
    let chunks = UIDSet.chunks(uids, size: 4)
    #expect(chunks.map(Array.init) == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]])
    #expect(UIDSet.chunks(uids, size: 0).count == 10)
  }
}
