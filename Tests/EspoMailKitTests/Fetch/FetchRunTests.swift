import Testing

@testable import EspoMailKit

/// How a fetch run shares its memory bound between its jobs.
@Suite struct FetchRunTests {
  @Test func manyJobsShareTheChunkBudget() {
    #expect(FetchRun.chunkBytes(8 << 20, workers: 4) == 8 << 20, "few jobs keep the chunk asked for")
    #expect(FetchRun.chunkBytes(8 << 20, workers: 32) == 4 << 20)
    #expect(FetchRun.chunkBytes(8 << 20, workers: 512) == 1 << 20, "never below 1 MiB")
    for workers in [1, 16, 32, 64, 128] {
      #expect(2 * workers * FetchRun.chunkBytes(8 << 20, workers: workers) <= FetchRun.chunkBudget)
    }
  }
}
