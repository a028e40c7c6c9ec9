import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Cases {
  /// `espomail case list [--status S] [--assigned LOGIN] [--account NAME]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the cases you may read, newest first.",
      discussion: "Example: espomail case list --status new --format json")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this status: new, assigned, pending, closed, rejected, duplicate.") var status: CaseStatus?
    @Option(help: "Only cases assigned to this login.") var assigned: String?
    @Option(help: "Only cases that came through this email account.", completion: LiveCompletion.accounts) var account: String?

    func run(in context: CommandContext) throws {
      let cases = try context.session().listCases(CaseFilter(status: status, assigned: assigned, account: account))
      try context.output.result(cases.map(CaseJSON.init)) { RecordText.cases(cases) }
    }
  }
}
