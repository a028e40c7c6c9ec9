import ArgumentParser

extension EspoMail.Cases {
  /// `espomail case show NUMBER`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one case.", discussion: "Example: espomail case show 17")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number (17, #17 or case:17).") var number: String

    func run(in context: CommandContext) throws {
      let found = try context.session().showCase(try EspoMail.Cases.number(number))
      try context.output.result(CaseJSON(found)) { RecordText.caseRecord(found) }
    }
  }
}
