import EspoMailCore
import EspoMailKit

/// What `fetch` prints: one report per account and the run's wall-clock time.
struct FetchReportJSON: JSONOutput {
  /// The run's report.
  let report: FetchReport

  /// Wraps a report.
  init(_ report: FetchReport) { self.report = report }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case accounts = "accounts"
    case durationSeconds = "durationSeconds"
    case sendRequests = "sendRequests"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(report.accounts.map(AccountFetchReportJSON.init), forKey: .accounts)
    try json.encode(report.durationSeconds, forKey: .durationSeconds)
    try json.encode(report.sendRequests.map(QueuedSendJSON.init), forKey: .sendRequests)
  }
}

/// How one account's fetch went, an entry of `FetchReportJSON`'s `accounts`.
struct AccountFetchReportJSON: JSONOutput {
  /// The account's report.
  let report: AccountFetchReport

  /// Wraps a report.
  init(_ report: AccountFetchReport) { self.report = report }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case name = "name"
    case status = "status"
    case new = "new"
    case merged = "merged"
    case skipped = "skipped"
    case quarantined = "quarantined"
    case tooLarge = "tooLarge"
    case casesCreated = "casesCreated"
    case casesUnassigned = "casesUnassigned"
    case autoReplies = "autoReplies"
    case error = "error"
    case errorStatus = "errorStatus"
    case errorHint = "errorHint"
    case expunged = "expunged"
    case folderErrors = "folderErrors"
  }

  /// Writes every key, no error as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(report.name, forKey: .name)
    try json.encode(report.status.rawValue, forKey: .status)
    try json.encode(report.new, forKey: .new)
    try json.encode(report.merged, forKey: .merged)
    try json.encode(report.skipped, forKey: .skipped)
    try json.encode(report.quarantined, forKey: .quarantined)
    try json.encode(report.tooLarge, forKey: .tooLarge)
    try json.encode(report.casesCreated, forKey: .casesCreated)
    try json.encode(report.casesUnassigned, forKey: .casesUnassigned)
    try json.encode(report.autoReplies, forKey: .autoReplies)
    try json.encodeOrNull(report.error, forKey: .error)
    try json.encodeOrNull(report.errorStatus, forKey: .errorStatus)
    try json.encodeOrNull(report.errorHint, forKey: .errorHint)
    try json.encode(report.expunged, forKey: .expunged)
    try json.encode(report.folderErrors.map(FolderFetchErrorJSON.init), forKey: .folderErrors)
  }
}

/// One monitored folder that failed on its own, an entry of an account's `folderErrors`.
struct FolderFetchErrorJSON: JSONOutput {
  /// The folder's failure.
  let failure: FolderFetchError

  /// Wraps a failure.
  init(_ failure: FolderFetchError) { self.failure = failure }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case folder = "folder"
    case error = "error"
    case errorStatus = "errorStatus"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(failure.folder, forKey: .folder)
    try json.encode(failure.error, forKey: .error)
    try json.encode(failure.errorStatus, forKey: .errorStatus)
  }
}

/// A quarantined message as `quarantine list|show|retry|drop` print it (never its bytes).
struct QuarantineEntryJSON: JSONOutput {
  /// The entry shown.
  let entry: QuarantineEntry

  /// Wraps an entry.
  init(_ entry: QuarantineEntry) { self.entry = entry }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case account = "account"
    case folder = "folder"
    case uid = "uid"
    case reason = "reason"
    case status = "status"
    case size = "size"
    case emailID = "emailID"
    case createdAt = "createdAt"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(entry.id, forKey: .id)
    try json.encodeOrNull(entry.account, forKey: .account)
    try json.encodeOrNull(entry.folder, forKey: .folder)
    try json.encodeOrNull(entry.uid, forKey: .uid)
    try json.encode(entry.reason, forKey: .reason)
    try json.encode(entry.status.rawValue, forKey: .status)
    try json.encode(entry.size, forKey: .size)
    try json.encodeOrNull(entry.emailID, forKey: .emailID)
    try json.encode(entry.createdAt, forKey: .createdAt)
  }
}
