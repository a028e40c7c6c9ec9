import ArgumentParser
import EspoMailCore

extension EspoMail {
  /// `espomail template …`
  struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template", abstract: "Templates for auto-replies.",
      discussion: "Placeholders: " + Template.placeholders.map { "{\($0)}" }.joined(separator: " ") + " ({user.*}: the user the case or the mail went to; dates in UTC).",
      subcommands: [Add.self, List.self, Change.self])
  }
}
