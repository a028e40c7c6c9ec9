import Foundation

/// Runs the helper programs of a test Dovecot (openssl, doveadm, chown) and reports failures.
enum DovecotCommand {
  /// Runs `executable` with `arguments`, feeding `input` on stdin; returns stdout and stderr together.
  @discardableResult
  static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    let inputPipe = input.map { _ in Pipe() }
    process.standardInput = inputPipe ?? FileHandle.nullDevice
    try process.run()
    if let input, let inputPipe {
      // Feed stdin from another thread so a large message cannot dead-lock against stdout.
      let writer = inputPipe.fileHandleForWriting
      let thread = Thread {
        writer.write(input)
        try? writer.close()
      }
      thread.start()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      let name = URL(fileURLWithPath: executable).lastPathComponent
      throw DovecotError(
        "\(name) \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)", hint: text)
    }
    return text
  }
}
