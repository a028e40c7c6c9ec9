@testable import EspoMailKit
import Testing

/// The pauses between reconnection attempts of `fetch --watch`.
struct BackoffTests {
  private let backoff = Backoff(first: 1, longest: 300)

  @Test func doublesUpToTheLongestWait() {
    #expect(backoff.seconds(afterFailures: 1, random: 1) == 1)
    #expect(backoff.seconds(afterFailures: 2, random: 1) == 2)
    #expect(backoff.seconds(afterFailures: 5, random: 1) == 16)
    #expect(backoff.seconds(afterFailures: 9, random: 1) == 256)
    #expect(backoff.seconds(afterFailures: 10, random: 1) == 300)
    #expect(backoff.seconds(afterFailures: 10_000, random: 1) == 300)
  }

  @Test func jitterKeepsBetweenHalfAndAllOfTheWait() {
    #expect(backoff.seconds(afterFailures: 3, random: 0) == 2)
    #expect(backoff.seconds(afterFailures: 3, random: 0.5) == 3)
    for _ in 0..<100 {
      let wait = backoff.seconds(afterFailures: 4)
      #expect((4...8).contains(wait))
    }
  }
}
