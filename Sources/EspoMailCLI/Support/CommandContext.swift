import EspoMailCore
import EspoMailKit
import EspoMailStore
import Foundation

/// Everything a command may use, built once per invocation: no globals.
public struct CommandContext: Sendable {
  /// Environment variables of the invocation.
  public let environment: [String: String]
  /// The OS login running the command (nil when the uid has no name).
  public let operatingSystemLogin: String?
  /// Where results and messages go.
  public let output: Output
  /// The global options as parsed.
  let global: GlobalOptions
  /// Reads all of standard input (for --password-stdin and files given as -).
  let readStandardInput: @Sendable () -> [UInt8]
  /// Whether stderr is a terminal (progress lines are shown only then).
  let isTerminal: Bool

  /// The store path: `--store`, else `ESPOMAIL_STORE`, else the XDG data directory.
  var storePath: String {
    if let path = global.store, !path.isEmpty { return path }
    if let path = environment["ESPOMAIL_STORE"], !path.isEmpty { return path }
    let data =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
    return data + "/espomail/store.sqlite"
  }

  /// The sealing key's file when ESPOMAIL_KEY_FILE names one; else the store decides (beside an
  /// SQLite store; `~/.config/espomail/store.key` for PostgreSQL).
  var keyFile: String? { environment["ESPOMAIL_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 } }

  /// The calling OS login, or an error when the uid has no name.
  func requireLogin() throws -> String {
    guard let login = operatingSystemLogin else {
      throw EspoMailError(.permissionDenied, "cannot tell which operating-system user is running espomail")
    }
    return login
  }

  /// The bytes of a file named on the command line, or of standard input for `-`; a missing or
  /// unreadable file is "not found" (66) naming it.
  func readFile(_ path: String) throws -> [UInt8] {
    if path == "-" { return readStandardInput() }
    guard let data = FileManager.default.contents(atPath: path) else { throw EspoMailError.notFound("file", path) }
    return [UInt8](data)
  }

  /// Files given with `--attach`, named by their last path component (standard input is refused:
  /// an attachment needs a name).
  func fileAttachments(_ paths: [String]) throws -> [FileAttachment] {
    try paths.map { path in
      guard path != "-" else { throw EspoMailError(.usage, "--attach takes a file, not standard input") }
      let name = URL(fileURLWithPath: path).lastPathComponent
      try HeaderText.check(name, field: "the name of --attach \(path)")
      return FileAttachment(name: name, data: try readFile(path))
    }
  }

  /// How this run talks to mail servers: `timeout` seconds, the CA bundle of ESPOMAIL_CA_FILE, and
  /// the conversation traced (redacted) to stderr under `--verbose`.
  func network(timeout: Double) -> NetworkOptions {
    var network = NetworkOptions(timeoutSeconds: timeout, caFile: environment["ESPOMAIL_CA_FILE"])
    if output.isVerbose {
      let output = output
      network.trace = { output.trace($0) }
    }
    return network
  }

  /// Opens the store and resolves the acting user.
  func session() throws -> Session {
    let store = try Store(openingAt: storePath, keyFile: keyFile)
    return try Session(store: store, operatingSystemLogin: try requireLogin(), actingAs: global.actingAs)
  }
}
