import ArgumentParser
import EspoMailKit

extension EspoMail.Roles {
  /// `espomail role preview ROLE KEY=VALUE...`
  struct Preview: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show who would gain or lose access to how many emails, cases and records (admins only).",
      discussion: """
        Takes the settings 'role set' takes and changes nothing: for every active holder of the role \
        who is not an admin, how many emails, cases and CRM records they may read now and after the \
        change, counted by the rules their commands apply (their other roles merged in as always).
        Example: espomail role preview Agent email.read=own case.read=own
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The role's name.", completion: LiveCompletion.roles) var role: String
    @Argument(help: "Settings such as email.read=own, case.read=team.") var settings: [String] = []

    func run(in context: CommandContext) throws {
      let preview = try context.session().previewRole(role, settings)
      try context.output.result(RolePreviewJSON(preview)) {
        let change = { (count: AccessCount) in
          count.before == count.after ? "\(count.before)" : "\(count.before) → \(count.after)"
        }
        let table = TextTable(
          headers: ["LOGIN", "EMAILS", "CASES", "RECORDS"],
          rows: preview.users.map { [$0.login, change($0.emails), change($0.cases), change($0.records)] }
        ).render(empty: "role \(preview.role) has no active holder who is not an admin")
        let affected = preview.users.filter(\.isAffected).count
        return table + "\n\(affected) of \(preview.users.count) holders affected; nothing was changed"
      }
    }
  }
}
