import ArgumentParser

extension EspoMail.GroupFolders {
  /// `espomail group-folder add NAME --team TEAM...`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a group folder shared by teams (admins only).", discussion: "Example: espomail group-folder add Invoices --team Billing")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The folder's name.") var name: String
    @Option(name: .customLong("team"), help: "A team sharing it; repeat for more.", completion: LiveCompletion.teams) var teams: [String] = []

    func run(in context: CommandContext) throws {
      let folder = try context.session().addGroupFolder(name, teams: teams)
      try context.output.result(FolderJSON(folder)) { "added group folder \(folder.name) for \(folder.teams.joined(separator: ", "))" }
    }
  }
}
