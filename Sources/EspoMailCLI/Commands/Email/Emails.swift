import ArgumentParser

extension EspoMail {
  /// `espomail email …`
  struct Emails: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "email", abstract: "Read, export, import, link, file and delete emails.", subcommands: [
        List.self, Export.self, Show.self, Attachment.self, Import.self, Link.self, Read.self, Unread.self, Important.self, Unimportant.self,
        Trash.self, Restore.self, Archive.self, Move.self, Delete.self,
      ])
  }
}
