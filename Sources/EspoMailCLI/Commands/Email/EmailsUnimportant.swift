import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email unimportant ID`
  struct Unimportant: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Unmark an email important (for you only; others' views are not affected).",
      discussion: "Example: espomail email unimportant 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .unimportant, verb: "no longer important", in: context)
    }
  }
}
