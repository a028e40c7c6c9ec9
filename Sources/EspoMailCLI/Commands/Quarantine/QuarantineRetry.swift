import ArgumentParser

extension EspoMail.Quarantine {
  /// `espomail quarantine retry ID`
  struct Retry: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Try to import a held message again under the current rules.",
      discussion: "Example: espomail quarantine retry 3")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry's id.") var id: Int64

    func run(in context: CommandContext) throws {
      let entry = try context.session().retryQuarantine(id)
      try context.output.result(QuarantineEntryJSON(entry)) { "entry \(entry.id) imported as email \(entry.emailID.map { "\($0)" } ?? "-")" }
    }
  }
}
