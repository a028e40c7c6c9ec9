import ArgumentParser
import EspoMailCore

extension EspoMail {
  /// `espomail explain ID`
  struct Explain: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Say why an email was linked, threaded, merged and notified as it was, or who may read it.",
      discussion: """
        With --who (admins only): every active user who may read the email, with the rule that lets \
        them (admin, their email.read level, whether it is in their mail, which of its teams they share) \
        — the same decision 'email show' takes for each of them.
        Examples:
          espomail explain 42 --format json
          espomail explain 42 --who
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID
    @Flag(help: "List every user who may read the email, and why (admins only).") var who = false

    func run(in context: CommandContext) throws {
      let number = id.value
      if who {
        let readers = try context.session().readers(ofEmail: number)
        try context.output.result(EmailReadersJSON(emailID: number, readers: readers)) {
          TextTable(
            headers: ["LOGIN", "IN THEIR MAIL", "SHARED TEAMS", "RULE"],
            rows: readers.map {
              [$0.login, $0.hasEmail ? "yes" : "no", $0.sharedTeams.isEmpty ? "-" : $0.sharedTeams.joined(separator: ", "), $0.rule]
            }
          ).render(empty: "nobody may read email:\(number)")
        }
        return
      }
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
