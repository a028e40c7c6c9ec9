/// How much a server may make a session hold or wait for (Docs/architecture.md, "Bounds on what
/// a server can make espomail hold"). Going over any of them fails the command with a clear error.
public struct IMAPLimits: Sendable, Equatable {
  /// Longest non-literal part of one response (its lines, literals left out): 8 MiB. Real
  /// responses are a few hundred bytes; a FETCH of one message's flags and sizes a few KiB.
  public static let maximumLineBytes = 8 << 20
  /// Most UIDs one UID SEARCH may return: 4,000,000 (16 MB as `UInt32`s), beyond any real folder.
  public static let maximumSearchUIDs = 4_000_000
  /// Longest `* SEARCH` line: the UID limit at 10 digits and a space each, plus 64 KiB.
  public static let maximumSearchLineBytes = maximumSearchUIDs * 11 + (64 << 10)
  /// Most header bytes one `fetchHeaders` call holds, all messages together: 64 MiB (real headers
  /// are a few KiB; 500 of them a few MiB).
  public static let maximumHeaderPassBytes = 64 << 20
  /// The throughput each received byte earns toward a command's deadline: 4 KiB a second.
  public static let minimumBytesPerSecond = 4096

  /// The account's `--max-size` in megabytes (messages over it are fetched header-only).
  public let maxSizeMB: Int
  /// Largest literal, and largest sum of the literals of one response: `--max-size` plus a
  /// quarter of it plus 1 MiB, since a message may arrive a little larger than its RFC822.SIZE.
  public let maximumLiteralBytes: Int

  /// The limits of an account whose `--max-size` is `maxSizeMB` megabytes.
  public init(maxSizeMB: Int) {
    self.maxSizeMB = max(1, maxSizeMB)
    maximumLiteralBytes = (self.maxSizeMB + self.maxSizeMB / 4 + 1) << 20
  }

  /// The limits of an account with the default `--max-size` of 10 MB: literals up to 13 MiB.
  public static let standard = IMAPLimits(maxSizeMB: 10)

  /// Seconds a command may take once it has received `bytes`, with `timeout` seconds allowed for
  /// each read: twice the timeout, plus one second per `minimumBytesPerSecond` bytes received.
  public static func deadlineSeconds(timeout: Double, bytes: Int) -> Double {
    2 * timeout + Double(bytes) / Double(minimumBytesPerSecond)
  }
}
