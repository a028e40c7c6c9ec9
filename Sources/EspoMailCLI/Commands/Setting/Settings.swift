import ArgumentParser

extension EspoMail {
  /// `espomail setting …`
  struct Settings: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "setting", abstract: "Store-wide settings (b2c-mode, auto-reply limits).",
      subcommands: [List.self, Show.self, Change.self])
  }
}
