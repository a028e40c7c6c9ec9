import ArgumentParser

extension EspoMail.Emails {
  /// `espomail email restore ID`
  struct Restore: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Take an email out of your trash (for you only; others' views are not affected).",
      discussion: "Example: espomail email restore 42")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      try EmailStateChanging.change(id, .restore, verb: "restored from your trash", in: context)
    }
  }
}
