import ArgumentParser

extension EspoMail {
  /// `espomail key …`
  struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "key", abstract: "The key file that seals stored passwords.", subcommands: [Create.self])
  }
}
