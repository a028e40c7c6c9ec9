import ArgumentParser

extension EspoMail.Users {
  /// `espomail user email …`: a user's addresses, which decide the mail they see.
  struct Email: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add or remove a user's email addresses (admins only).", subcommands: [Add.self, Remove.self])
  }
}
