import ArgumentParser
import EspoMailCore
import EspoMailKit
import Foundation

extension EspoMail.Fetch {
  /// Runs `fetch --watch` until SIGTERM or SIGINT; SIGHUP re-reads the accounts.
  func runWatch(in context: CommandContext, fetchOptions: FetchOptions) throws {
    var options = WatchOptions()
    options.fetch = fetchOptions
    options.pollSeconds = pollInterval
    options.rescanSeconds = rescanInterval
    let control = WatchControl()
    let signals = WatchSignals(control: control)
    defer { withExtendedLifetime(signals) {} }
    let printer = WatchPrinter(output: context.output)
    try context.session().watch(options: options, control: control) { printer.print($0) }
  }
}

/// Turns SIGTERM and SIGINT into a clean stop and SIGHUP into a re-read of the accounts, for as
/// long as it lives.
private final class WatchSignals {
  private let sources: [any DispatchSourceSignal]

  /// Installs the handlers.
  init(control: WatchControl) {
    let queue = DispatchQueue(label: "espomail.watch.signals")
    var sources: [any DispatchSourceSignal] = []
    for (number, action) in [(SIGTERM, control.stop), (SIGINT, control.stop), (SIGHUP, control.reload)] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { action() }
      source.resume()
      sources.append(source)
    }
    self.sources = sources
  }

  deinit {
    for source in sources { source.cancel() }
  }
}

/// Prints a watch's events: failures always (stderr), import batches as JSON lines with
/// `--format json` or as text under `--verbose`, and the rest under `--verbose` only.
private final class WatchPrinter: Sendable {
  private let output: Output
  private let lock = NSLock()

  /// A printer writing to `output`.
  init(output: Output) { self.output = output }

  /// Prints one event, whole, even when several accounts report at once.
  func print(_ event: WatchEvent) {
    lock.withLock { write(event) }
  }

  private func write(_ event: WatchEvent) {
    switch event {
    case .fetched(let report):
      if report.status == .failed {
        output.warning("\(report.name): failed: \(report.error ?? "")")
        if let hint = report.errorHint { output.hint(hint) }
      }
      if output.format == .json {
        try? output.jsonLine(AccountFetchReportJSON(report))
      } else if output.isVerbose, report.status != .failed {
        output.note("\(report.name): \(EspoMail.Fetch.counts(report))")
      }
    case .failed(let account, let error, let retrySeconds):
      output.warning("\(account): \(error.message) (trying again in \(Int(retrySeconds.rounded(.up))) s)")
      if let hint = error.hint { output.hint(hint) }
    case .accountsRead(let count):
      if output.isVerbose { output.note("watching \(count) account(s)") }
    case .watching(let account, let idle, let notify):
      guard output.isVerbose else { break }
      let how = notify ? "waiting in IDLE, other folders through NOTIFY" : idle ? "waiting in IDLE" : "no IDLE on this server: polling"
      output.note("\(account): \(how)")
    case .busy(let account):
      if output.isVerbose { output.note("\(account): busy: another espomail run holds it; trying again later") }
    case .stopped(let account):
      if output.isVerbose { output.note("\(account): no longer watched") }
    }
  }
}
