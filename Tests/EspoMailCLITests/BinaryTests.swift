import EspoMailTestSupport
import Foundation
import Testing

/// End-to-end runs of the real binary: process exit statuses, environment, concurrency.
@Suite struct BinaryTests {
  @Test func storeLocationFollowsFlagThenEnvironmentThenXDG() throws {
    let directory = try TemporaryDirectory()
    let xdg = try BinaryRunner.run(["init"], environment: ["XDG_DATA_HOME": directory.path, "ESPOMAIL_STORE": ""])
    #expect(xdg.status == 0, "\(xdg.stderr)")
    #expect(FileManager.default.fileExists(atPath: directory.file("espomail/store.sqlite")))
    let env = try BinaryRunner.run(["init"], environment: ["ESPOMAIL_STORE": directory.file("env.sqlite")])
    #expect(env.status == 0)
    #expect(FileManager.default.fileExists(atPath: directory.file("env.sqlite")))
    let flag = try BinaryRunner.run(
      ["--store", directory.file("flag.sqlite"), "init"], environment: ["ESPOMAIL_STORE": directory.file("env.sqlite")])
    #expect(flag.status == 0)
    #expect(FileManager.default.fileExists(atPath: directory.file("flag.sqlite")))
  }

  @Test func exitStatusesReachTheShell() throws {
    let directory = try TemporaryDirectory()
    let env = ["ESPOMAIL_STORE": directory.file("s.sqlite")]
    #expect(try BinaryRunner.run(["user", "list"], environment: env).status == 78)  // no store yet
    #expect(try BinaryRunner.run(["init"], environment: env).status == 0)
    #expect(try BinaryRunner.run(["init"], environment: env).status == 65)
    #expect(try BinaryRunner.run(["user", "show", "ghost"], environment: env).status == 66)
    #expect(try BinaryRunner.run(["user", "frobnicate"], environment: env).status == 64)
    #expect(try BinaryRunner.run(["--as", "ghost", "user", "list"], environment: env).status == 66)
    let help = try BinaryRunner.run(["user", "add", "--help"], environment: env)
    #expect(help.status == 0)
    #expect(help.stdout.contains("Example: espomail user add"))
    let json = try BinaryRunner.run(["--format", "json", "user", "list"], environment: env)
    #expect(json.status == 0)
    #expect(try json.array().count == 1)
  }

  /// Twelve writers at once on the run's engine (an SQLite file, or PostgreSQL with
  /// `ESPOMAIL_TEST_STORE=postgresql`): each waits its turn, none fails.
  @Test func concurrentRunsWaitForEachOtherInsteadOfFailing() throws {
    let store = try TestStore()
    let env = store.environment
    let statuses = Buffer32()
    DispatchQueue.concurrentPerform(iterations: 12) { index in
      let result = try? BinaryRunner.run(["team", "add", "Team \(index)"], environment: env)
      statuses.append(result?.status ?? -1)
    }
    #expect(statuses.values.sorted() == Array(repeating: 0, count: 12))
    let teams = try BinaryRunner.run(["--format", "json", "team", "list"], environment: env)
    #expect(try teams.array().count == 12)
  }
}

/// Collects exit statuses from concurrent runs.
final class Buffer32: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Int32] = []
  func append(_ value: Int32) { lock.withLock { storage.append(value) } }
  var values: [Int32] { lock.withLock { storage } }
}
