import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email important ID`
  struct Important: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark an email important (for you only; others' views are not affected).",
      discussion: "Example: espomail email important 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .important, verb: "marked important", in: context)
    }
  }
}
