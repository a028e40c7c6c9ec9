import ArgumentParser

extension EspoMail.Teams.Member {
  /// `espomail team member add TEAM LOGIN [--position POSITION]`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a user to a team, or change their position (admins only).",
      discussion: "Example: espomail team member add Support alice --position 'Level 1'")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The team's name.", completion: LiveCompletion.teams) var team: String
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String
    @Option(help: "The member's position in the team (used by case distribution).") var position: String?

    func run(in context: CommandContext) throws {
      let result = try context.session().addTeamMember(team, login, position: position)
      try context.output.result(TeamJSON(result)) { "\(login) is a member of \(result.name)" }
    }
  }
}
