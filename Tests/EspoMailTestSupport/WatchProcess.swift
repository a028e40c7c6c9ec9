import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A running `espomail fetch --watch` with its stdout and stderr in files, read while it runs.
public final class WatchProcess: @unchecked Sendable {
  /// The child process.
  public let process: Process
  private let directory: TemporaryDirectory

  /// Starts `espomail fetch --watch` with `arguments` added, on the environment's store.
  public init(_ arguments: [String], environment: [String: String]) throws {
    directory = try TemporaryDirectory()
    FileManager.default.createFile(atPath: directory.file("out"), contents: nil)
    FileManager.default.createFile(atPath: directory.file("err"), contents: nil)
    process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
    process.arguments = ["fetch", "--watch"] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.file("out")))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.file("err")))
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  /// What it printed on stdout so far.
  public var stdout: String { (try? String(contentsOfFile: directory.file("out"), encoding: .utf8)) ?? "" }
  /// What it printed on stderr so far.
  public var stderr: String { (try? String(contentsOfFile: directory.file("err"), encoding: .utf8)) ?? "" }

  /// The JSON lines printed on stdout so far.
  public var jsonLines: [[String: Any]] {
    stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
  }

  /// Waits until `condition` holds, checking every 50 ms; false after `timeout` seconds.
  @discardableResult
  public static func waitUntil(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
  }

  /// Waits until stderr holds `text` (under `--verbose`).
  @discardableResult
  public func waitForNote(_ text: String, timeout: Double = 10) -> Bool {
    Self.waitUntil(timeout: timeout) { stderr.contains(text) }
  }

  /// Sends `signal` and waits for the exit; returns the status, or nil when it outlived `timeout`.
  public func stop(signal: Int32 = SIGTERM, timeout: Double = 20) -> Int32? {
    kill(process.processIdentifier, signal)
    guard Self.waitUntil(timeout: timeout, { !process.isRunning }) else { return nil }
    return process.terminationStatus
  }
}
