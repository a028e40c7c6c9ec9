import ArgumentParser

extension EspoMail {
  /// `espomail template …`
  struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template", abstract: "Templates for auto-replies.",
      discussion: "Placeholders: {case.number} {case.name} {person.name} {person.address} {email.subject} {user.name} {user.login}",
      subcommands: [Add.self, List.self])
  }
}
