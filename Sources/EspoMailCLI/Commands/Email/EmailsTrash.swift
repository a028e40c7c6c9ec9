import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email trash ID`
  struct Trash: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Put an email in your trash (for you only; others' views are not affected).",
      discussion: "Example: espomail email trash 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .trash, verb: "moved to your trash", in: context)
    }
  }
}
