import ArgumentParser

extension EspoMail {
  /// `espomail outbound …`
  struct Outbound: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The system sender used for notifications and auto-replies.", subcommands: [SetDefault.self, Show.self])
  }
}
