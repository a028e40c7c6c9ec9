import ArgumentParser

/// How results are printed on stdout.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// Human-readable lines and tables.
  case text
  /// One JSON document with stable keys.
  case json
}

/// Options every command takes, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp(
        "The store: an SQLite file or a postgresql:// URI (default: $ESPOMAIL_STORE, else $XDG_DATA_HOME/espomail/store.sqlite).",
        valueName: "path|uri"),
    completion: .file(extensions: ["sqlite"]))
  var store: String?

  @Option(
    name: .customLong("as"), help: ArgumentHelp("Act as another user (admins only).", valueName: "login"),
    completion: LiveCompletion.users)
  var actingAs: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Flag(name: .long, help: "Print nothing unless something is wrong (for cron).")
  var quiet = false

  @Flag(name: .long, help: "Explain more on stderr.")
  var verbose = false
}
