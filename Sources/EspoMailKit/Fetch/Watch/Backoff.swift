/// How long to wait before reconnecting after failures in a row: doubling from a first wait up
/// to a longest one, each wait drawn between half and all of that, so that accounts of one
/// server that failed together do not come back together.
struct Backoff {
  /// The first wait, in seconds.
  let first: Double
  /// The longest wait, in seconds.
  let longest: Double

  /// The wait after `failures` failures in a row (1 or more); `random` is in 0...1.
  func seconds(afterFailures failures: Int, random: Double = Double.random(in: 0...1)) -> Double {
    let doublings = min(max(failures, 1) - 1, 30)
    let ceiling = min(longest, first * Double(1 << doublings))
    return ceiling * (0.5 + 0.5 * min(max(random, 0), 1))
  }
}
