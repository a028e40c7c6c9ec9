import ArgumentParser

extension EspoMail.Folders {
  /// `espomail folder list [--user LOGIN]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(abstract: "List personal folders.", discussion: "Example: espomail folder list")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Whose folders (default: yours).", valueName: "login"), completion: LiveCompletion.users) var user: String?

    func run(in context: CommandContext) throws {
      let folders = try context.session().listFolders(login: user)
      try context.output.result(folders.map(FolderJSON.init)) { FilterText.folders(folders) }
    }
  }
}
