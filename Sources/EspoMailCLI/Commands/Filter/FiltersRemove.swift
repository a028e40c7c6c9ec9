import ArgumentParser

extension EspoMail.Filters {
  /// `espomail filter remove NAME`
  struct Remove: EspoCommand {
    static let configuration = CommandConfiguration(abstract: "Remove a filter.", discussion: "Example: espomail filter remove newsletters")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The filter's name.", completion: LiveCompletion.filters) var name: String

    func run(in context: CommandContext) throws {
      let filter = try context.session().removeFilter(name)
      try context.output.result(EmailFilterJSON(filter)) { "removed filter \(filter.name)" }
    }
  }
}
