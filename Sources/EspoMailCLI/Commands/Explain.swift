import ArgumentParser
import EspoMailCore

extension EspoMail {
  /// `espomail explain ID`
  struct Explain: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Say why an email was linked, threaded, merged and notified as it was.",
      discussion: "Example: espomail explain 42 --format json")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID

    func run(in context: CommandContext) throws {
      let number = id.value
      let explanation = try context.session().explain(number)
      try context.output.result(ExplanationJSON(explanation)) {
        var lines = ["email:\(explanation.id) \(explanation.subject)", "parent: \(explanation.parent?.description ?? "none")"]
        for decision in explanation.decisions {
          lines.append("\(decision.step): \(decision.outcome): \(decision.detail)")
        }
        if explanation.decisions.isEmpty { lines.append("no decisions recorded") }
        lines.append(
          "notified: "
            + (explanation.notified.isEmpty ? "nobody" : explanation.notified.map { "\($0.login) (\($0.kind))" }.joined(separator: ", ")))
        return lines.joined(separator: "\n")
      }
    }
  }
}
