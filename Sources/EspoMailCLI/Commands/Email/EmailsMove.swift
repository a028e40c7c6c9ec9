import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email move ID (FOLDER | --group-folder NAME)`
  struct Move: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "File an email in one of your folders, or 'inbox' to put it back (for you only), or in a group folder (for its teams).",
      discussion: """
        An email in a group folder you work in leaves it for everyone when you move it to inbox or \
        one of your folders; --group-folder files it in a group folder shared with one of your teams, \
        whose members then get it (both need email.edit on it).
        Example: espomail email move 42 Projects
        Example: espomail email move 42 --group-folder Invoices
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID
    @Argument(help: "One of your folders, or inbox.", completion: LiveCompletion.folders) var folder: String?
    @Option(
      help: ArgumentHelp("File it in this group folder instead, for the folder's teams.", valueName: "name"),
      completion: LiveCompletion.groupFolders)
    var groupFolder: String?

    func validate() throws {
      guard (folder == nil) != (groupFolder == nil) else {
        throw ValidationError("give a FOLDER (or inbox), or --group-folder NAME")
      }
    }

    func run(in context: CommandContext) throws {
      if let groupFolder {
        let summary = try context.session().moveEmailToGroupFolder(id.value, folder: groupFolder)
        try context.output.result(EmailJSON(summary: summary)) { "email \(summary.id) moved to group folder \(groupFolder)" }
      } else if let folder {
        try EmailStateChanging.change(id, .move(folder), verb: "moved to \(folder)", in: context)
      }
    }
  }
}
