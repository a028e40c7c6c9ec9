import ArgumentParser

extension EspoMail {
  /// `espomail group-folder …`
  struct GroupFolders: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "group-folder", abstract: "Folders shared by teams; group-account filters file mail in them.",
      subcommands: [Add.self, List.self])
  }
}
