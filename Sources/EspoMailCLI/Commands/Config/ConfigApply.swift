import ArgumentParser
import EspoMailKit

extension EspoMail.Config {
  /// `espomail config apply FILE [--dry-run] [--prune]`
  struct Apply: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make the store's set-up match a YAML document (admins only); --dry-run prints the plan.",
      discussion: """
        Sections the document leaves out are not touched; a section it gives is the whole truth. The plan \
        lists each change: + added, ~ changed (with the fields), - removed. Accounts and filters the document \
        lacks are removed only with --prune; changes espomail cannot make (removing a user, team, role, template \
        or group folder, changing an account's kind, adding an account whose password is sealed elsewhere) are \
        refused, all of them before anything is written (exit 65). Applying the same document again changes nothing.
        Example: espomail config apply espomail.yaml --dry-run
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The YAML (or JSON) document, or - for standard input.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String
    @Flag(help: "Print the plan; change nothing.") var dryRun = false
    @Flag(help: "Remove accounts and filters the document lacks.") var prune = false
    @Flag(help: "Accept accounts with unencrypted connections to hosts outside loopback.") var allowCleartext = false
    @Flag(help: "Accept personal accounts whose address is not one of the owner's.") var allowUnownedAddress = false

    func run(in context: CommandContext) throws {
      let document = try ConfigurationYAML.document(from: try context.readFile(file), named: file)
      let options = ConfigurationApplyOptions(
        dryRun: dryRun, prune: prune, allowCleartext: allowCleartext, allowUnownedAddress: allowUnownedAddress)
      let changes = try context.session().applyConfiguration(document, options: options)
      try context.output.result(ConfigurationPlanJSON(dryRun: dryRun, changes: changes)) {
        guard !changes.isEmpty else { return "nothing to change: the store matches \(file)" }
        let lines = changes.map(ConfigurationPlanJSON.line)
        return (lines + ["\(dryRun ? "would make" : "made") \(changes.count) change\(changes.count == 1 ? "" : "s")"])
          .joined(separator: "\n")
      }
    }
  }
}
