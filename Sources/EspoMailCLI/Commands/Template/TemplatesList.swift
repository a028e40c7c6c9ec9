import ArgumentParser

extension EspoMail.Templates {
  /// `espomail template list`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(abstract: "List templates.", discussion: "Example: espomail template list")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let templates = try context.session().listTemplates()
      try context.output.result(templates.map(TemplateJSON.init)) {
        TextTable(
          headers: ["TEMPLATE", "SUBJECT", "HTML", "ATTACHMENTS"],
          rows: templates.map {
            [$0.name, $0.subject, $0.isHTML ? "yes" : "no", $0.attachments.isEmpty ? "-" : $0.attachments.map(\.name).joined(separator: ", ")]
          })
          .render(empty: "no templates")
      }
    }
  }
}
