import ArgumentParser

extension EspoMail {
  /// `espomail config …`
  struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "config",
      abstract: "The store's set-up as one YAML document: export it, keep it in git, apply it.",
      discussion: "Docs/configuration.md describes the document.",
      subcommands: [Export.self, Apply.self])
  }
}
