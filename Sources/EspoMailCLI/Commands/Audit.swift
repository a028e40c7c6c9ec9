import ArgumentParser
import EspoMailCore

extension EspoMail {
  /// `espomail audit`
  struct Audit: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List what an admin should fix, each finding with a reason and a fix (read-only).",
      discussion: """
        Checks: command secrets no admin set (they do not run), unencrypted connections to hosts \
        outside loopback, personal accounts whose address the owner does not hold, roles granting \
        delete, store/WAL/key/lock files open to others than their owner, a missing key file, users \
        notified of mail they may not read. Exits 0 when clean and 3 when something was found \
        (after printing it). Admins only.
        Example: espomail audit --format json | jq '.[].kind'
        """)

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let findings = try context.session().audit()
      try context.output.result(findings.map(AuditFindingJSON.init)) {
        guard !findings.isEmpty else { return "nothing to fix" }
        return findings.map { "\($0.kind.rawValue): \($0.subject): \($0.reason)\n  fix: \($0.fix)" }
          .joined(separator: "\n")
      }
      if !findings.isEmpty { throw ExitCode(ExitStatus.auditFindings.rawValue) }
    }
  }
}
