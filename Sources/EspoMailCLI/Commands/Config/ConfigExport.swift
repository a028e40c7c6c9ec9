import ArgumentParser
import EspoMailKit

extension EspoMail.Config {
  /// `espomail config export`
  struct Export: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the store's set-up as YAML (admins only): settings, users, teams, roles, templates, group folders, accounts, filters.",
      discussion: """
        Secrets appear by reference only: a command, or 'sealed' for a password kept encrypted in the store \
        and set separately. With --format json the same document is printed as JSON.
        Example: espomail config export > espomail.yaml
        """)

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let document = try context.session().exportConfiguration()
      switch context.output.format {
      case .json: context.output.raw(stdout: try Output.json(document) + "\n")
      case .text: context.output.raw(stdout: try ConfigurationYAML.text(of: document))
      }
    }
  }
}

/// The document prints as JSON with its own explicit keys (`--format json`).
extension StoreConfiguration: JSONOutput {}
