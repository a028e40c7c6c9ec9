import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email read ID`
  struct Read: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark an email read (for you only; others' views are not affected).",
      discussion: "Example: espomail email read 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .read, verb: "marked read", in: context)
    }
  }
}
