import ArgumentParser

/// The root command: `espomail [global options] <group> <verb>`.
public struct EspoMail: ParsableCommand {
  /// The command tree.
  public static let configuration = CommandConfiguration(
    commandName: "espomail",
    abstract: "Email administration for teams: fetch, link, cases, filters, roles and sending.",
    discussion: """
      Every command works on one shared store: --store PATH, else $ESPOMAIL_STORE, else \
      $XDG_DATA_HOME/espomail/store.sqlite. The store is an SQLite file, or a PostgreSQL database given as a \
      postgresql:// URI whose sealing key is read from $ESPOMAIL_KEY_FILE (else ~/.config/espomail/store.key). \
      Results go to stdout (--format json for scripts), messages to stderr. Exit codes follow sysexits; see \
      Docs/exit-codes.md.
      """,
    version: "0.1.0",
    groupedSubcommands: [
      CommandGroup(
        name: "Store and people",
        subcommands: [
          Init.self, Users.self, Teams.self, Roles.self, Settings.self, Config.self, Keys.self, Stores.self, Audit.self,
        ]),
      CommandGroup(
        name: "Mail",
        subcommands: [
          Accounts.self, Fetch.self, Emails.self, Explain.self, Filters.self, Folders.self, GroupFolders.self,
          Quarantine.self,
        ]),
      CommandGroup(
        name: "CRM",
        subcommands: [CRM.self, Follow.self, Unfollow.self, Cases.self, Stream.self, Notifications.self]),
      CommandGroup(name: "Sending", subcommands: [Send.self, Outbox.self, Templates.self, Outbound.self]),
    ])

  @OptionGroup var global: GlobalOptions

  /// Creates the root command (ArgumentParser needs it public).
  public init() {}
}
