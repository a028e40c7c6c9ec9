import Foundation
import Testing

@testable import EspoMailKit

/// The store's timestamps (`Timestamp`) are exactly what Foundation's ISO 8601 style writes.
@Suite struct TimestampTests {
  @Test("the fast form equals Foundation's for dates across the centuries, fractions and all")
  func fastFormEqualsFoundation() {
    var generator = SystemRandomNumberGenerator()
    let edges: [TimeInterval] = [0, -1, -0.5, 59.999, 86_399.5, 951_782_400, 4_102_444_799, -2_208_988_800, 253_402_300_799]
    let random = (0..<2_000).map { _ in TimeInterval.random(in: -30_000_000_000...250_000_000_000, using: &generator) }
    for seconds in edges + random {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(Timestamp.iso8601(date) == date.formatted(.iso8601), "\(seconds)")
    }
  }
}
