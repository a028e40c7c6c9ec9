import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email read ID|--folder NAME`
  struct Read: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark an email, or every email of one of your folders, read (for you only; others' views are not affected).",
      discussion: """
        --folder takes inbox, sent, archive, trash, important, or one of your folders; it prints how many \
        emails it marked.
        Examples:
          espomail email read 42
          espomail email read --folder inbox
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID?
    @Option(help: ArgumentHelp("Mark every email of this folder of yours read.", valueName: "name"), completion: LiveCompletion.folders) var folder: String?

    func validate() throws {
      if (id == nil) == (folder == nil) { throw ValidationError("give an email id or --folder NAME") }
    }

    func run(in context: CommandContext) throws {
      if let id {
        try EmailStateChanging.change(id, .read, verb: "marked read", in: context)
        return
      }
      let name = folder ?? ""
      let marked = try context.session().markFolderRead(name)
      try context.output.result(MarkedFolderJSON(folder: name, marked: marked)) {
        "marked \(marked) email(s) in \(name) read"
      }
    }
  }
}
