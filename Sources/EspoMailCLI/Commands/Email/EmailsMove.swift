import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email move ID FOLDER`
  struct Move: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "File an email in one of your folders, or 'inbox' to put it back (for you only).",
      discussion: "Example: espomail email move 42 Projects")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID
    @Argument(help: "One of your folders, or inbox.", completion: LiveCompletion.folders) var folder: String

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .move(folder), verb: "moved to \(folder)", in: context)
    }
  }
}
