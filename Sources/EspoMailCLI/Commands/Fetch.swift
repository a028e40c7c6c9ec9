import ArgumentParser
import EspoMailCore
import EspoMailKit
import Foundation

extension EspoMail {
  /// `espomail fetch (--all | NAME... | --watch)`
  struct Fetch: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fetch new mail from IMAP accounts now (cron: espomail fetch --all --quiet), or keep watching them (--watch).",
      discussion: """
        Each message is settled exactly once: imported, merged into the same email fetched by another \
        account, quarantined with its reason, or settled as expunged when another client deleted it \
        before its download. Each monitored folder is fetched on its own: a folder missing on the \
        server fails alone (the account is reported failed, naming it in folderErrors), and the \
        account's other folders are still fetched. With --all, an account another run (or another \
        host on a PostgreSQL store) fetched since this pass began is not fetched again \
        (fetched-by-another-run). Exit 0 when every account succeeded, 75 when some were skipped \
        because another run holds them, else the worst failure's code (66 for a missing folder). \
        Example: */1 * * * * espomail fetch --all --quiet

        With --watch, espomail runs until SIGTERM or SIGINT (exit 0), for systemd \
        (espomail-watch.service): it keeps an IMAP IDLE session on the INBOX of every account --all \
        would fetch and imports new mail as it arrives, with every rule of a fetch; where the server \
        offers NOTIFY, the same session hears of the other monitored folders too. All monitored \
        folders are fetched every --poll-interval (and only so where the server has no IDLE). \
        Failed sessions reconnect with growing pauses. Accounts are re-read every \
        --rescan-interval and on SIGHUP. A watched account is leased by its watch process: \
        fetch --all skips it as busy, and another watch process takes it over when the holder \
        dies. Silent unless something is wrong; --verbose talks; --format json prints one JSON \
        line per import batch (the keys of fetch's accounts).
        """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Fetch every active account you may fetch.") var all = false
    @Flag(help: "Keep watching every account --all fetches, importing new mail as it arrives (until SIGTERM).")
    var watch = false
    @Option(help: "With --watch: seconds between fetches of all monitored folders (also the longest IDLE).")
    var pollInterval: Double = 60
    @Option(help: "With --watch: seconds between re-reads of the accounts (SIGHUP re-reads at once).")
    var rescanInterval: Double = 60
    @Argument(help: "Accounts to fetch.", completion: LiveCompletion.accounts) var names: [String] = []
    @Option(help: "How many accounts to fetch at once (each waits on its server in a thread of its own).")
    var jobs: Int = FetchOptions.defaultJobs
    @Option(help: "How many of them at once from one IMAP server (host and port).")
    var jobsPerServer: Int = FetchOptions.defaultJobsPerServer
    @Flag(help: "Change nothing anywhere: report how many messages would be fetched.") var dryRun = false
    @Flag(help: "Send no auto-replies in this run.") var noAutoReply = false
    @Flag(help: "Send no notifications in this run.") var noNotify = false
    @Option(help: "Seconds to wait for a silent server before giving up on the account.") var timeout: Double = 60

    func validate() throws {
      if watch {
        if !names.isEmpty { throw ValidationError("--watch watches every account --all fetches: give no names") }
        if dryRun { throw ValidationError("--watch imports mail: it cannot be a --dry-run") }
        if !(1...WatchOptions.longestPollSeconds).contains(pollInterval) {
          throw ValidationError("--poll-interval takes 1 to \(Int(WatchOptions.longestPollSeconds)) seconds")
        }
        if !(1...3600).contains(rescanInterval) { throw ValidationError("--rescan-interval takes 1 to 3600 seconds") }
      } else if all == !names.isEmpty {
        throw ValidationError("give --all or account names, not both or neither")
      }
      if !(1...512).contains(jobs) { throw ValidationError("--jobs takes 1 to 512") }
      if !(1...512).contains(jobsPerServer) { throw ValidationError("--jobs-per-server takes 1 to 512") }
      if !(1...3600).contains(timeout) { throw ValidationError("--timeout takes 1 to 3600 seconds") }
    }

    func run(in context: CommandContext) throws {
      var options = FetchOptions()
      options.dryRun = dryRun
      options.jobs = jobs
      options.jobsPerServer = jobsPerServer
      options.noAutoReply = noAutoReply
      options.noNotify = noNotify
      options.network = context.network(timeout: timeout)
      if watch { return try runWatch(in: context, fetchOptions: options) }
      let output = context.output
      var progress: (@Sendable (FetchProgress) -> Void)?
      if context.isTerminal, !output.isQuiet, output.format == .text {
        progress = { event in output.progress("\(event.account) \(event.folder): \(event.done)/\(event.total)") }
      }
      let report = try context.session().fetch(names: names, all: all, options: options, progress: progress)
      if progress != nil { output.progress(nil) }
      for account in report.accounts where account.status == .failed || account.status == .busy {
        output.warning("\(account.name): \(account.status.rawValue): \(account.error ?? "")")
        if let hint = account.errorHint { output.hint(hint) }
      }
      for request in report.sendRequests where request.status == .failed {
        output.warning("send request \(request.id) of \(request.requestedBy) was not sent: \(request.error ?? "")")
      }
      for failure in report.notificationMail.failures { output.warning(failure) }
      try output.result(FetchReportJSON(report)) {
        (report.accounts.map { account in
          switch account.status {
          case .failed where !account.folderErrors.isEmpty:
            let folders = account.folderErrors.map(\.folder).joined(separator: ", ")
            return "\(account.name): failed in folder(s) \(folders): " + Self.counts(account)
          case .failed, .busy: return "\(account.name): \(account.status.rawValue)"
          case .dryRun: return "\(account.name): \(account.new) new message(s) would be fetched"
          case .fetchedByAnotherRun: return "\(account.name): fetched by another run during this pass"
          case .ok: return "\(account.name): " + Self.counts(account)
          }
        } + report.sendRequests.map { request in
          "send request \(request.id) of \(request.requestedBy): " + (request.emailID.map { "sent as email \($0)" } ?? "not sent")
        }).joined(separator: "\n")
      }
      let status = report.exitStatus
      if status != .success { throw ExitCode(status.rawValue) }
    }

    /// What a run did for an account, as one line of text.
    static func counts(_ account: AccountFetchReport) -> String {
      var parts = ["\(account.new) new", "\(account.merged) merged", "\(account.quarantined) quarantined"]
      if account.skipped > 0 { parts.append("\(account.skipped) skipped by filters") }
      if account.expunged > 0 { parts.append("\(account.expunged) expunged on the server meanwhile") }
      if account.tooLarge > 0 { parts.append("\(account.tooLarge) header-only") }
      if account.casesCreated > 0 {
        parts.append("\(account.casesCreated) case(s) opened" + (account.casesUnassigned > 0 ? " (\(account.casesUnassigned) unassigned)" : ""))
      }
      if account.autoReplies > 0 { parts.append("\(account.autoReplies) auto-repl\(account.autoReplies == 1 ? "y" : "ies")") }
      return parts.joined(separator: ", ")
    }
  }
}
