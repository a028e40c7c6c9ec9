import EspoMailCore
import EspoMailIMAP
import EspoMailStore
import Foundation

/// What `account test` found.
public struct AccountTestReport: Sendable {
  /// Account name.
  public var name: String
  /// Whether everything worked.
  public var ok: Bool
  /// The step that failed: connect, login, folders, sent-folder.
  public var failedStep: String?
  /// The error, when something failed.
  public var error: String?
  /// The exit status the failure maps to (nil when everything worked).
  public var errorStatus: Int32?
  /// What to do about the error, when espomail knows.
  public var errorHint: String? = nil
  /// Server capabilities (after login).
  public var capabilities: [String]
  /// Every folder on the server.
  public var folders: [String]
  /// Monitored folders that do not exist on the server.
  public var missingFolders: [String]
}

/// One account's health for `account status`.
public struct AccountStatus: Sendable {
  /// Account name.
  public var name: String
  /// Whether it is fetched.
  public var isActive: Bool
  /// Fetch history.
  public var lastSuccessAt: String?
  /// When a fetch was last attempted.
  public var lastAttemptAt: String?
  /// The last error, cleared by a success.
  public var lastError: String?
  /// Failed fetches in a row.
  public var consecutiveFailures: Int
  /// Messages settled per outcome in the monitored folders as the server numbers them now.
  public var ledger: [String: Int]
  /// Sent mail the Sent folder refused, and the last refusal.
  public var sentAppend: SentAppendHealth
}

extension Session {
  /// Connects and logs in, lists folders and checks the monitored ones; reports which step failed.
  public func testAccount(_ name: String, network: NetworkOptions) throws -> AccountTestReport {
    let account = try manageableAccount(name, action: "account test")
    guard account.usesIMAP else {
      throw EspoMailError(
        .dataError, "account '\(account.name)' sends only: it has no IMAP server to test",
        hint: "'espomail send --from \(account.address) …' shows whether its SMTP takes mail")
    }
    var report = AccountTestReport(
      name: account.name, ok: false, failedStep: nil, error: nil, errorStatus: nil, capabilities: [], folders: [],
      missingFolders: [])
    let imap: IMAPClient
    do { imap = try IMAPConnector(store: store, account: account, network: network).connect() } catch {
      let failure = EspoMailError.userFacing(error)
      let atLogin: Bool
      switch error as? IMAPError {
      case .loginRefused?, .loginNeedsTLS?: atLogin = true
      default: atLogin = failure.status == .permissionDenied
      }
      report.failedStep = atLogin ? "login" : "connect"
      report.error = failure.message
      report.errorStatus = failure.status.rawValue
      report.errorHint = failure.hint
      return report
    }
    defer { imap.logout() }
    report.capabilities = imap.capabilities.sorted()
    do {
      report.folders = try imap.listFolders().map(\.name)
    } catch {
      let failure = EspoMailError.userFacing(error)
      report.failedStep = "folders"
      report.error = failure.message
      report.errorStatus = failure.status.rawValue
      report.errorHint = failure.hint
      return report
    }
    report.missingFolders = account.folders.filter { !report.folders.contains($0) }
    if !report.missingFolders.isEmpty {
      report.failedStep = "folders"
      report.error =
        "monitored folders missing on the server: \(report.missingFolders.joined(separator: ", ")) "
        + "(the server has \(report.folders.joined(separator: ", ")))"
      report.errorStatus = ExitStatus.notFound.rawValue
      report.errorHint = "espomail account set \(account.name) --folder NAME (repeat for each folder to monitor)"
      return report
    }
    if let sent = account.sentFolder, !report.folders.contains(sent) {
      report.failedStep = "sent-folder"
      report.error = "the Sent folder '\(sent)' is missing on the server (it has \(report.folders.joined(separator: ", ")))"
      report.errorStatus = ExitStatus.notFound.rawValue
      report.errorHint = "create it on the server, or choose another: espomail account set \(account.name) --sent-folder NAME"
      return report
    }
    report.ok = true
    return report
  }

  /// The health of one account, or of every account the user may see.
  public func accountStatus(_ name: String?) throws -> [AccountStatus] {
    let accounts = try name.map { [try showAccount($0)] } ?? listAccounts()
    return try store.read { tx in
      try accounts.map { account in
        AccountStatus(
          name: account.name, isActive: account.isActive, lastSuccessAt: account.health.lastSuccessAt,
          lastAttemptAt: account.health.lastAttemptAt, lastError: account.health.lastError,
          consecutiveFailures: account.health.consecutiveFailures, ledger: try tx.ledgerCounts(accountID: account.id),
          sentAppend: account.sentAppend)
      }
    }
  }
}
