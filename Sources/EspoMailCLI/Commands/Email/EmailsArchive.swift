import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email archive ID`
  struct Archive: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Archive an email (for you only; others' views are not affected).",
      discussion: "Example: espomail email archive 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .archive, verb: "archived", in: context)
    }
  }
}
