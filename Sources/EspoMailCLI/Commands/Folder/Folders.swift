import ArgumentParser

extension EspoMail {
  /// `espomail folder …`
  struct Folders: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "folder", abstract: "Personal email folders.", subcommands: [Add.self, List.self])
  }
}
