import EspoMailCore
import EspoMailStore
import Foundation

extension Session {
  /// Fetches the named accounts, or with `all` every active account the acting user may fetch
  /// (admins: all; others: their own personal accounts, with the personal-email-accounts permission).
  /// A personal account whose owner is inactive, and a send-only account, are not fetched: `--all`
  /// leaves them, naming one is refused. An admin's `--all` pass then sends the queued send requests.
  public func fetch(
    names: [String], all: Bool, options: FetchOptions, now: @escaping @Sendable () -> Date = { Date() },
    progress: (@Sendable (FetchProgress) -> Void)? = nil
  ) throws -> FetchReport {
    try requireServiceConnection("fetch")
    let (known, inactiveOwners) = try accountsAndInactiveOwners()
    func hasInactiveOwner(_ account: MailAccount) -> Bool {
      account.kind == .personal && account.owner.map(inactiveOwners.contains) == true
    }
    var chosen: [MailAccount] = []
    if all {
      chosen = try fetchableAccounts()
    } else {
      guard !names.isEmpty else { throw EspoMailError(.usage, "name accounts to fetch, or give --all") }
      for name in names {
        guard let account = known.first(where: { $0.name.lowercased() == name.lowercased() }) else {
          throw EspoMailError.notFound("email account", name, hint: "see 'espomail account list'")
        }
        guard accountAccess.mayFetch(account) else {
          throw EspoMailError.denied("fetch \(account.name)", because: "only admins and the account's owner may fetch it")
        }
        guard account.isActive else {
          throw EspoMailError(.dataError, "account '\(account.name)' is inactive", hint: "espomail account set \(account.name) --active")
        }
        guard account.usesIMAP else {
          throw EspoMailError(
            .dataError, "account '\(account.name)' sends only: it has no IMAP to fetch",
            hint: "espomail account set \(account.name) --imap --imap-host HOST to fetch it")
        }
        if hasInactiveOwner(account), let owner = account.owner {
          throw EspoMailError(
            .dataError, "account '\(account.name)' belongs to \(owner), who is inactive",
            hint: "espomail user set \(owner) --active")
        }
        if !chosen.contains(where: { $0.id == account.id }) { chosen.append(account) }
      }
    }
    var options = options
    if all && !options.dryRun { options.attemptsAtPassStart = try store.read { try $0.fetchAttempts() } }
    var report = FetchRun(store: store, accounts: chosen, options: options, now: now, progress: progress).run()
    // Notification mail (and notices of failing accounts) goes out with every run, a cron
    // `fetch --all` included; what fails stays in the outbox and never costs the fetch.
    if !options.dryRun { report.notificationMail = mailNotifications(now: now(), network: options.network) }
    if all && !options.dryRun { report.sendRequests = try deliverSendRequests(network: options.network) }
    return report
  }

  /// Every account `fetch --all` fetches: active, with IMAP, not a personal account of an inactive
  /// owner, and one the acting user may fetch.
  func fetchableAccounts() throws -> [MailAccount] {
    let (known, inactiveOwners) = try accountsAndInactiveOwners()
    return known.filter { account in
      let ownerInactive = account.kind == .personal && account.owner.map(inactiveOwners.contains) == true
      return account.isActive && account.usesIMAP && !ownerInactive && accountAccess.mayFetch(account)
    }
  }

  /// Every account, and the logins of account owners who are inactive.
  private func accountsAndInactiveOwners() throws -> ([MailAccount], Set<String>) {
    try store.read { tx in
      let accounts = try tx.mailAccounts()
      let owners = Set(accounts.compactMap(\.owner))
      return (accounts, Set(try owners.filter { try tx.user(login: $0)?.isActive == false }))
    }
  }
}
