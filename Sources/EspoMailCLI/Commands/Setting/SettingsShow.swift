import ArgumentParser

extension EspoMail.Settings {
  /// `espomail setting show`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the store-wide settings.", discussion: "Example: espomail setting show")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let values = try context.session().settings()
      try context.output.result(SettingValuesJSON(values)) { values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n") }
    }
  }
}
