import ArgumentParser
import EspoMailCore

/// A leaf command: it receives a context and does its work through Kit.
protocol EspoCommand: ParsableCommand {
  /// The global options, present on every command.
  var global: GlobalOptions { get }
  /// Does the command's work.
  func run(in context: CommandContext) throws
}

extension EspoCommand {
  /// ArgumentParser's entry: never used directly, `Entry.run` drives commands.
  func run() throws {
    throw EspoMailError(.internalError, "commands run through Entry.run")
  }
}
