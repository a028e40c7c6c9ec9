import ArgumentParser

extension EspoMail.Folders {
  /// `espomail folder add NAME [--user LOGIN] [--skip-notifications]`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a personal folder (for another user: admins only).", discussion: "Example: espomail folder add News --skip-notifications")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The folder's name.") var name: String
    @Option(help: ArgumentHelp("Whose folder (default: yours).", valueName: "login"), completion: LiveCompletion.users) var user: String?
    @Flag(help: "Mail filed here by a filter notifies nobody.") var skipNotifications = false

    func run(in context: CommandContext) throws {
      let folder = try context.session().addFolder(name, login: user, skipNotifications: skipNotifications)
      try context.output.result(FolderJSON(folder)) { "added folder \(folder.name) for \(folder.owner ?? "")" }
    }
  }
}
