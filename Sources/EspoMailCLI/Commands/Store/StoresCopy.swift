import ArgumentParser
import EspoMailKit

extension EspoMail.Stores {
  /// `espomail store copy --to LOCATION`
  struct Copy: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Copy the whole store into an empty PostgreSQL database or a new file (admins only).",
      discussion: """
        Every row goes over (users, roles, accounts, mail, raw messages, cases, the fetch ledger, the \
        outbox, settings) in one transaction; each table is read back and compared with the store by \
        row count and checksum before the copy is kept, so a failed or interrupted copy leaves the \
        target empty and can simply be run again. The search index is rebuilt in the target. Stop \
        cron fetches first: mail fetched into this store during the copy is not in it. Stored \
        passwords stay sealed, so the sealing key is copied to --key-file (0600); a file there \
        holding another key is refused before anything is copied. Give the key to every host that \
        fetches or sends (Docs/postgresql.md), then point ESPOMAIL_STORE at the new store.
        Examples:
          espomail store copy --to postgresql://espomail@db.example.com/espomail
          espomail --store postgresql:///espomail?host=/run/postgresql store copy --to /backup/store.sqlite
        """)

    @OptionGroup var global: GlobalOptions
    @Option(
      help: ArgumentHelp(
        "The new store: a postgresql:// URI of an empty database, or the path of a new file.", valueName: "path|uri"))
    var to: String
    @Option(
      help: ArgumentHelp(
        "Where the new store's sealing key goes (default: ~/.config/espomail/store.key for PostgreSQL, PATH.key for a file).",
        valueName: "file"))
    var keyFile: String?

    func run(in context: CommandContext) throws {
      let output = context.output
      let showsProgress = context.isTerminal && output.format == .text && !output.isQuiet
      let report = try context.session().copyStore(to: to, keyFile: keyFile) { step in
        if showsProgress { output.progress("copying \(step.table): \(step.done)/\(step.total)") }
      }
      if showsProgress { output.progress(nil) }
      try output.result(StoreCopyJSON(report)) {
        var lines = report.tables.filter { $0.rows > 0 }.map { "\($0.table): \($0.rows) rows, checksum \($0.checksum.prefix(16))" }
        lines.append("copied \(report.from) to \(report.to): \(report.rows) rows in \(report.tables.count) tables, every table verified")
        switch report.key {
        case .copied: lines.append("the sealing key was copied to \(report.keyFile); give it to every host that fetches or sends")
        case .present: lines.append("the sealing key is already at \(report.keyFile)")
        case .none: lines.append("this store has no key file, so stored passwords must be set again in the copy")
        }
        lines.append("next: point --store or ESPOMAIL_STORE at \(report.to)")
        return lines.joined(separator: "\n")
      }
    }
  }
}
