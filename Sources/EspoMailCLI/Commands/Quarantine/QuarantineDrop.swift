import ArgumentParser

extension EspoMail.Quarantine {
  /// `espomail quarantine drop ID`
  struct Drop: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Give up on a held message (its bytes stay for reference).",
      discussion: "Example: espomail quarantine drop 3")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry's id.") var id: Int64

    func run(in context: CommandContext) throws {
      let entry = try context.session().dropQuarantine(id)
      try context.output.result(QuarantineEntryJSON(entry)) { "entry \(entry.id) dropped" }
    }
  }
}
