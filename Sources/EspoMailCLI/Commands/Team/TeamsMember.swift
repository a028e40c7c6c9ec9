import ArgumentParser

extension EspoMail.Teams {
  /// `espomail team member …`
  struct Member: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add or remove team members (admins only).", subcommands: [Add.self, Remove.self])
  }
}
