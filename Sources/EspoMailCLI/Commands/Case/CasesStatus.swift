import ArgumentParser
import EspoMailCore

extension EspoMail.Cases {
  /// `espomail case status NUMBER STATUS`
  struct Status: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a case's status (needs case.edit covering the case).",
      discussion: "Example: espomail case status 17 closed")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number (17, #17 or case:17).") var number: String
    @Argument(help: "new, assigned, pending, closed, rejected or duplicate.") var status: CaseStatus

    func run(in context: CommandContext) throws {
      let updated = try context.session().setCaseStatus(try EspoMail.Cases.number(number), status)
      try context.output.result(CaseJSON(updated)) { "case #\(updated.number) is now \(updated.status.title)" }
    }
  }
}
