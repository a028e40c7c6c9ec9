import ArgumentParser
import EspoMailKit

extension EspoMail.Cases {
  /// `espomail case show NUMBER`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one case.", discussion: "Example: espomail case show 17")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number (17, #17 or case:17).") var number: String

    func run(in context: CommandContext) throws {
      let detail = try context.session().caseDetail(try EspoMail.Cases.number(number))
      try context.output.result(CaseDetailJSON(detail)) {
        var text = RecordText.caseRecord(detail.record) + "\n\nemails:\n"
        text += TextTable(
          headers: ["ID", "DATE", "FROM", "SUBJECT"],
          rows: detail.emails.map { ["\($0.id)", String($0.date.prefix(16)), $0.from.orDash, $0.subject] }
        ).render(empty: "none")
        text += "\n\nstream:\n" + detail.stream.map { "\($0.createdAt.prefix(16))  \($0.kind)\($0.isInitial ? " (initial)" : "")\($0.subject.map { "  \($0)" } ?? "")" }.joined(separator: "\n")
        return text
      }
    }
  }
}
