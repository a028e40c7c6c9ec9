import ArgumentParser

extension EspoMail {
  /// `espomail email …`
  struct Emails: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "email", abstract: "Read and import emails.", subcommands: [List.self, Show.self, Import.self, Link.self])
  }
}
