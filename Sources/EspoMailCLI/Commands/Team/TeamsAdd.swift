import ArgumentParser

extension EspoMail.Teams {
  /// `espomail team add NAME`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a team (admins only).", discussion: "Example: espomail team add Support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The team's name.") var name: String

    func run(in context: CommandContext) throws {
      let team = try context.session().addTeam(name)
      try context.output.result(TeamJSON(team)) { "added team \(team.name)" }
    }
  }
}
