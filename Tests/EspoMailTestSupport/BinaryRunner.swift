import Foundation

/// Runs the built `espomail` binary as a child process, for end-to-end tests.
public enum BinaryRunner {
  /// The built binary next to the test bundle.
  public static var binaryPath: String {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("espomail").path,
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("espomail").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }

  /// Runs the binary with arguments and environment additions; returns output and status.
  /// `wrapper`, when given, is a command line the binary runs under, such as `/usr/bin/time -f %M`.
  public static func run(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, wrapper: [String] = []
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: wrapper.first ?? binaryPath)
    process.arguments = wrapper.isEmpty ? arguments : wrapper.dropFirst() + [binaryPath] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }
}

extension BinaryRunner {
  /// Starts the binary without waiting; the caller waits, kills or reads it.
  public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binaryPath)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }
}

extension BinaryRunner {
  /// Runs the binary and returns its stdout as bytes, unchanged (raw messages, attachments).
  public static func bytes(_ arguments: [String], environment: [String: String] = [:]) throws -> (
    stdout: [UInt8], status: Int32
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binaryPath)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ([UInt8](data), process.terminationStatus)
  }
}
