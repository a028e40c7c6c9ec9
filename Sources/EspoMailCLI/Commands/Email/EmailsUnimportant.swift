import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email unimportant ID`
  struct Unimportant: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Unmark an email important (for you only; others' views are not affected).",
      discussion: "Example: espomail email unimportant 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id.") var id: String

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .unimportant, verb: "no longer important", in: context)
    }
  }
}
