import ArgumentParser

extension EspoMail {
  /// `espomail stream …`
  struct Stream: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A record's stream: emails received, cases opened, assignments.", subcommands: [Show.self])
  }
}
