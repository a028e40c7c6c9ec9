import ArgumentParser

extension EspoMail {
  /// `espomail team …`
  struct Teams: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "team", abstract: "Manage teams and their members.",
      subcommands: [Add.self, List.self, Show.self, Member.self])
  }
}
