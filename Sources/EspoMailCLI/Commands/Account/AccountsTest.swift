import ArgumentParser
import EspoMailKit

extension EspoMail.Accounts {
  /// `espomail account test NAME`
  struct Test: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Connect, log in, list folders and check the monitored ones; say clearly what failed.",
      discussion: "Example: espomail account test support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account's name.", completion: LiveCompletion.accounts) var name: String
    @Option(help: "Seconds to wait for a silent server.") var timeout: Double = 30

    func run(in context: CommandContext) throws {
      let report = try context.session().testAccount(name, network: context.network(timeout: timeout))
      try context.output.result(AccountTestJSON(report)) {
        if report.ok {
          return "account \(report.name): connected, logged in, \(report.folders.count) folders, monitored folders present"
        }
        return "account \(report.name): \(report.failedStep ?? "test") failed: \(report.error ?? "")"
      }
      if let hint = report.errorHint { context.output.hint(hint) }
      if let status = report.errorStatus { throw ExitCode(status) }
    }
  }
}
