import ArgumentParser
import EspoMailCore
import EspoMailKit
import Foundation

/// Shell completion of values that live in the store: account names, logins, teams, roles,
/// folders and templates. The shell runs `espomail ---completion …` on TAB; the closure opens the
/// store the command line names (`--store`, else `ESPOMAIL_STORE`, else the default), as the
/// process's own OS login (or `--as`), and offers only what that user may see. Any failure (no
/// store, a refused login) offers nothing: completion never prints an error.
enum LiveCompletion {
  /// Mail account names the user may see.
  static let accounts = offer { try $0.listAccounts().map(\.name) }
  /// Logins of the users the user may see (`Session.listUsers`: admins all, others their teammates).
  static let users = offer { try $0.listUsers().map(\.login) }
  /// Team names.
  static let teams = offer { try $0.listTeams().map(\.name) }
  /// Role names (admins).
  static let roles = offer { try $0.listRoles().map(\.name) }
  /// The user's folders: the built-in views and their own folders.
  static let folders = offer { session in
    SpecialFolder.allCases.map(\.rawValue) + (try session.listFolders(login: nil).map(\.name))
  }
  /// Group folder names the user may see.
  static let groupFolders = offer { try $0.listGroupFolders().map(\.name) }
  /// Filter names the user may see.
  static let filters = offer { try $0.listFilters(user: nil).map(\.name) }
  /// Template names.
  static let templates = offer { try $0.listTemplates().map(\.name) }

  /// A completion offering the names `list` returns that start with the word being completed.
  private static func offer(_ list: @escaping @Sendable (Session) throws -> [String]) -> CompletionKind {
    .custom { words, _, prefix in
      guard let session = try? session(for: words) else { return [] }
      return ((try? list(session)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
    }
  }

  /// The session the completed command line would run in.
  private static func session(for words: [String]) throws -> Session {
    var globals: [String] = []
    for (index, word) in words.enumerated() where ["--store", "--as"].contains(word) && index + 1 < words.count {
      globals += [word, words[index + 1]]
    }
    let context = CommandContext(
      environment: ProcessInfo.processInfo.environment, operatingSystemLogin: OperatingSystemLogin.current(),
      output: Output(format: .text, quiet: true, verbose: false, stdout: { _ in }, stderr: { _ in }),
      global: try GlobalOptions.parse(globals), readStandardInput: { [] }, isTerminal: false)
    return try context.session()
  }
}
