import ArgumentParser

extension EspoMail {
  /// `espomail store …`
  struct Stores: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "store", abstract: "The store as a whole: copy it to another engine or place.",
      subcommands: [Copy.self])
  }
}
