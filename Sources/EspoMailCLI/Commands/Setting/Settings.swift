import ArgumentParser

extension EspoMail {
  /// `espomail setting …`
  struct Settings: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "setting", abstract: "Store-wide settings (b2c-mode).", subcommands: [Show.self, Set.self])
  }
}
