import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Cases {
  /// `espomail case create NAME [--account account:ID] [--contact contact:ID]`
  struct Create: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Open a case by hand (needs case.create=yes).",
      discussion: "Example: espomail case create 'Printer on fire' --contact contact:4")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case's subject.") var name: String
    @Option(help: ArgumentHelp("The account.", valueName: "account:ID")) var account: String?
    @Option(help: ArgumentHelp("The contact (its account is used when --account is not given).", valueName: "contact:ID"))
    var contact: String?
    @Option(help: "A description.") var description: String?

    func run(in context: CommandContext) throws {
      let request = NewCase(
        name: name, account: try account.map(RecordReference.init(parsing:)),
        contact: try contact.map(RecordReference.init(parsing:)), description: description)
      let created = try context.session().createCase(request)
      try context.output.result(CaseJSON(created)) { "opened case #\(created.number) \(created.name)" }
    }
  }
}
