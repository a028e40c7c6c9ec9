import ArgumentParser

extension EspoMail.GroupFolders {
  /// `espomail group-folder list`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List group folders (yours by team; admins: all).", discussion: "Example: espomail group-folder list")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let folders = try context.session().listGroupFolders()
      try context.output.result(folders.map(FolderJSON.init)) { FilterText.folders(folders) }
    }
  }
}
