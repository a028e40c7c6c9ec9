import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email unread ID`
  struct Unread: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark an email unread (for you only; others' views are not affected).",
      discussion: "Example: espomail email unread 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .unread, verb: "marked unread", in: context)
    }
  }
}
