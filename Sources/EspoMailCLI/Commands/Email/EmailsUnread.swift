import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email unread ID`
  struct Unread: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark an email unread (for you only; others' views are not affected).",
      discussion: "Example: espomail email unread 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id.") var id: String

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .unread, verb: "marked unread", in: context)
    }
  }
}
