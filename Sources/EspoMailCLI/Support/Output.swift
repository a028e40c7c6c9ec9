import EspoMailCore
import Foundation

/// Where a command's output goes: results on stdout (text or JSON), talk on stderr.
public final class Output: @unchecked Sendable {
  /// The chosen result format.
  public let format: OutputFormat
  /// Whether chatter is suppressed.
  public let isQuiet: Bool
  /// Whether extra detail is wanted.
  public let isVerbose: Bool
  private let writeOut: (String) -> Void
  private let writeOutBytes: ([UInt8]) -> Void
  private let writeErr: (String) -> Void

  /// Creates an output writing through the given sinks; bytes go to `stdoutBytes` when given, so
  /// raw messages and attachments reach stdout unchanged (else they are decoded as UTF-8).
  public init(
    format: OutputFormat, quiet: Bool, verbose: Bool, stdout: @escaping (String) -> Void,
    stdoutBytes: (([UInt8]) -> Void)? = nil, stderr: @escaping (String) -> Void
  ) {
    self.format = format
    isQuiet = quiet
    isVerbose = verbose
    writeOut = stdout
    writeOutBytes = stdoutBytes ?? { stdout(String(decoding: $0, as: UTF8.self)) }
    writeErr = stderr
  }

  /// Prints a result: `value` as JSON in json format, else `text()` (unless quiet). Only the
  /// explicit JSON types (`JSONOutput`) are accepted, so every key printed is spelled out in one.
  func result<T: JSONOutput>(_ value: T, text: () -> String) throws {
    switch format {
    case .json: writeOut(try Self.json(value) + "\n")
    case .text:
      guard !isQuiet else { return }
      let rendered = TerminalText.neutralised(text())
      if !rendered.isEmpty { writeOut(rendered.hasSuffix("\n") ? rendered : rendered + "\n") }
    }
  }

  /// Writes a protocol trace line on stderr when `--verbose` was given (credentials are already
  /// redacted by the transport).
  func trace(_ line: String) {
    guard isVerbose else { return }
    let safe = TerminalText.neutralised(line.hasSuffix("\n") ? String(line.dropLast()) : line)
    writeErr("espomail: trace: " + safe + "\n")
  }

  /// Says something on stderr (what a long-running command is doing); callers decide when.
  func note(_ message: String) {
    writeErr("espomail: \(TerminalText.neutralised(message))\n")
  }

  /// Warns on stderr, even when quiet.
  func warning(_ message: String) {
    writeErr("espomail: warning: \(TerminalText.neutralised(message))\n")
  }

  /// Says on stderr what to do about a problem just reported, even when quiet.
  func hint(_ message: String) {
    writeErr("espomail: hint: \(TerminalText.neutralised(message))\n")
  }

  /// Reports an error on stderr: one line saying what is wrong, one saying what to do.
  func error(_ error: EspoMailError) {
    var text = "espomail: error: \(TerminalText.neutralised(error.message))\n"
    if let hint = error.hint { text += "espomail: hint: \(TerminalText.neutralised(hint))\n" }
    writeErr(text)
  }

  /// Shows (or with nil clears) a one-line progress display on stderr; callers use it only on a terminal.
  func progress(_ line: String?) {
    writeErr(line.map { "\r\u{1B}[K" + TerminalText.neutralised($0) } ?? "\r\u{1B}[K")
  }

  /// Writes one value as a line of compact JSON with sorted keys (JSON Lines exports), whatever
  /// the format: stdout is the data.
  func jsonLine<T: JSONOutput>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    writeOut(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
  }

  /// Writes raw text to stdout (help, completion scripts).
  func raw(stdout text: String) { writeOut(text) }

  /// Writes bytes to stdout exactly (raw messages, attachments).
  func raw(stdout bytes: [UInt8]) { writeOutBytes(bytes) }

  /// Encodes a value as pretty JSON with sorted keys, the stable form scripts read.
  static func json<T: JSONOutput>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
