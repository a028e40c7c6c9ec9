import EspoMailStore
import Testing

@testable import EspoMailKit

/// How a fetch run sizes its chunks for the store's engine and shares its memory bound between
/// its jobs.
@Suite struct FetchRunTests {
  @Test func manyJobsShareTheChunkBudget() {
    #expect(FetchRun.chunkBytes(8 << 20, workers: 4) == 8 << 20, "few jobs keep the chunk asked for")
    #expect(FetchRun.chunkBytes(8 << 20, workers: 32) == 4 << 20)
    #expect(FetchRun.chunkBytes(8 << 20, workers: 512) == 1 << 20, "never below 1 MiB")
    for workers in [1, 16, 32, 64, 128] {
      #expect(2 * workers * FetchRun.chunkBytes(8 << 20, workers: workers) <= FetchRun.chunkBudget)
    }
  }

  @Test func postgresqlChunksAreTwiceSQLitesWithinTheSameBudget() {
    let asked = FetchOptions()
    let sqlite = FetchRun.sizingChunks(asked, engine: .sqlite, workers: 1)
    let postgresql = FetchRun.sizingChunks(asked, engine: .postgresql, workers: 1)
    #expect((sqlite.chunkSize, sqlite.chunkBytes) == (200, 8 << 20))
    #expect((postgresql.chunkSize, postgresql.chunkBytes) == (400, 16 << 20))
    for workers in [16, 64, 512] {
      let many = FetchRun.sizingChunks(asked, engine: .postgresql, workers: workers)
      #expect(2 * workers * many.chunkBytes <= max(FetchRun.chunkBudget, 2 * workers << 20))
    }
  }
}
