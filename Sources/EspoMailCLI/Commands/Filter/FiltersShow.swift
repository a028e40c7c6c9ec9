import ArgumentParser

extension EspoMail.Filters {
  /// `espomail filter show NAME`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(abstract: "Show one filter.", discussion: "Example: espomail filter show newsletters")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The filter's name.", completion: LiveCompletion.filters) var name: String

    func run(in context: CommandContext) throws {
      let filter = try context.session().showFilter(name)
      try context.output.result(EmailFilterJSON(filter)) {
        """
        filter: \(filter.name)
        scope:  \(FilterText.scope(filter)), order \(filter.position)
        when:   \(FilterText.criteria(filter))
        then:   \(FilterText.action(filter))
        """
      }
    }
  }
}
