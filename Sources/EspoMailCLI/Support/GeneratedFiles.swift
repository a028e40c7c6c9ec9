import ArgumentParser
import EspoMailCore

/// The files produced from the command tree itself: completions, command reference, exit codes.
/// A test compares them with the committed copies; `ESPOMAIL_RECORD=1` rewrites them.
public enum GeneratedFiles {
  /// Every generated file, by path relative to the repository root.
  public static func all() -> [String: String] {
    [
      "completions/espomail.bash": EspoMail.completionScript(for: .bash),
      "completions/_espomail": EspoMail.completionScript(for: .zsh),
      "completions/espomail.fish": EspoMail.completionScript(for: .fish),
      "Docs/commands.md": commandReference(),
      "Docs/exit-codes.md": exitCodes(),
    ]
  }

  /// The help page of every command, in tree order.
  static func commandReference() -> String {
    var text = """
      # espomail command reference

      Generated from the binary's own help (`ESPOMAIL_RECORD=1 swift test --filter GeneratedFiles`
      rewrites it); do not edit by hand. Every command also takes the global options `--store`,
      `--as`, `--format text|json`, `--quiet` and `--verbose`, before or after its name.

      """
    for (path, command) in commands(under: EspoMail.self, path: []) {
      let name = (["espomail"] + path).joined(separator: " ")
      let help = path.isEmpty ? EspoMail.helpMessage(columns: 100) : EspoMail.helpMessage(for: command, columns: 100)
      text += "\n## \(name)\n\n```\n\(help.trimmingTrailingNewlines())\n```\n"
    }
    return text
  }

  /// The path of every command below `espomail`, in tree order (the root's is empty).
  public static func commandPaths() -> [[String]] {
    commands(under: EspoMail.self, path: []).map(\.0)
  }

  /// The exit-status table.
  static func exitCodes() -> String {
    var text = """
      # espomail exit codes

      Generated from `ExitStatus` (do not edit by hand). They follow sysexits(3), so scripts can
      branch on them. `fetch` exits 0 when every account succeeded, 75 when some were skipped
      because another run holds them, and the worst failure's code otherwise; a monitored folder
      missing on the server counts as its account's failure (66) although the account's other
      folders were fetched.

      | code | constant | meaning |
      |---:|---|---|

      """
    for status in ExitStatus.allCases {
      text += "| \(status.rawValue) | \(status.constantName) | \(status.meaning) |\n"
    }
    return text
  }

  private static func commands(under command: any ParsableCommand.Type, path: [String]) -> [(
    [String], any ParsableCommand.Type
  )] {
    var result: [([String], any ParsableCommand.Type)] = [(path, command)]
    // ArgumentParser lists grouped subcommands in `subcommands` too: each child once.
    let configuration = command.configuration
    var seen: Set<ObjectIdentifier> = []
    let children = (configuration.subcommands + configuration.groupedSubcommands.flatMap(\.subcommands)).filter {
      seen.insert(ObjectIdentifier($0)).inserted
    }
    for child in children {
      let name = child.configuration.commandName ?? child._commandName
      result += commands(under: child, path: path + [name])
    }
    return result
  }
}

extension String {
  /// The string without trailing line breaks.
  func trimmingTrailingNewlines() -> String {
    var copy = self
    while copy.last == "\n" { copy.removeLast() }
    return copy
  }
}
