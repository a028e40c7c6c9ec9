import EspoMailCore
import EspoMailIMAP
import EspoMailSecrets
import EspoMailStore
import Foundation

/// Turns an account's stored secret into a credential at the moment of login: opens a sealed
/// password, or runs the configured command and reads its first line. Never logs the result.
struct SecretResolver {
  /// The store whose sealing key opens stored passwords.
  let store: Store

  /// A secret ready for login: a password or an OAuth2 token.
  enum Resolved {
    /// A password.
    case password(String)
    /// An OAuth2 access token.
    case oauth2(String)
  }

  /// The secret's value at the moment of login.
  func resolve(_ secret: StoredSecret, account: String) throws -> Resolved {
    switch secret.source {
    case .stored:
      guard let sealed = secret.sealed else {
        throw EspoMailError.configuration(
          "account '\(account)' has no stored password", hint: "espomail account set \(account) --password-stdin")
      }
      return .password(try store.secretBox().open(sealed))
    case .command:
      try requireSetByAdmin(secret, account: account, what: "password command")
      return .password(try run(secret.command, account: account, what: "password command"))
    case .oauth2Command:
      try requireSetByAdmin(secret, account: account, what: "OAuth2 token command")
      return .oauth2(try run(secret.command, account: account, what: "OAuth2 token command"))
    }
  }

  /// A command secret runs only when an admin set it: it runs with the privileges of whoever
  /// fetches or sends, often root's cron (Docs/security.md, "Command secrets").
  private func requireSetByAdmin(_ secret: StoredSecret, account: String, what: String) throws {
    guard !secret.setByAdmin else { return }
    throw EspoMailError(
      .permissionDenied, "the \(what) of account '\(account)' was not set by an admin, so it does not run",
      hint: "an admin sets it again with 'espomail account set \(account) --password-command CMD', "
        + "or the owner gives a password with --password-stdin; 'espomail audit' lists such accounts")
  }

  /// The IMAP credential for logging in.
  func credential(for secret: StoredSecret, account: String) throws -> IMAPCredential {
    switch try resolve(secret, account: account) {
    case .password(let value): .password(value)
    case .oauth2(let value): .oauth2(value)
    }
  }

  /// Runs a secret command with /bin/sh and returns its first output line.
  private func run(_ command: String?, account: String, what: String) throws -> String {
    guard let command, !command.isEmpty else {
      throw EspoMailError.configuration("account '\(account)' has an empty \(what)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch {
      throw EspoMailError.configuration("cannot run the \(what) of account '\(account)'")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw EspoMailError.configuration(
        "the \(what) of account '\(account)' exited with status \(process.terminationStatus)",
        hint: "run it by hand to see why")
    }
    let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    guard !line.isEmpty else { throw EspoMailError.configuration("the \(what) of account '\(account)' printed nothing") }
    return line
  }
}
