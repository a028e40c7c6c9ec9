import ArgumentParser

extension EspoMail {
  /// `espomail notification …`
  struct Notifications: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "notification", abstract: "Your notifications: emails received, followed records' news.",
      subcommands: [List.self, Read.self, Preferences.self])
  }
}
