import ArgumentParser

extension EspoMail.Users {
  /// `espomail user role …`
  struct Role: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Give or take a user's roles (admins only).", subcommands: [Add.self, Remove.self])
  }
}
