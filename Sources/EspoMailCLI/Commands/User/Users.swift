import ArgumentParser

extension EspoMail {
  /// `espomail user …`: the people who use espomail.
  struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "user", abstract: "Manage users: logins, addresses, roles, activity.",
      subcommands: [Add.self, List.self, Show.self, Change.self, Email.self, Role.self])
  }
}
