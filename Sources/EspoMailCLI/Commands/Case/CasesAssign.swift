import ArgumentParser

extension EspoMail.Cases {
  /// `espomail case assign NUMBER LOGIN`
  struct Assign: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Assign a case by hand; the assignee is notified. Distribution turns are not affected.",
      discussion: "Example: espomail case assign 17 alice")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number (17, #17 or case:17).") var number: String
    @Argument(help: "The assignee's login.", completion: LiveCompletion.users) var login: String

    func run(in context: CommandContext) throws {
      let updated = try context.session().assignCase(try EspoMail.Cases.number(number), to: login)
      try context.output.result(CaseJSON(updated)) { "case #\(updated.number) is assigned to \(login)" }
    }
  }
}
