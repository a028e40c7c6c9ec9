import EspoMailKit

/// One account's health as `account status` prints it, with its settled messages per outcome.
struct AccountStatusJSON: JSONOutput {
  /// The status shown.
  let status: AccountStatus

  /// Wraps a status.
  init(_ status: AccountStatus) { self.status = status }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case name = "name"
    case isActive = "isActive"
    case lastSuccessAt = "lastSuccessAt"
    case lastAttemptAt = "lastAttemptAt"
    case lastError = "lastError"
    case consecutiveFailures = "consecutiveFailures"
    case ledger = "ledger"
    case sentAppendFailures = "sentAppendFailures"
    case lastSentAppendError = "lastSentAppendError"
  }

  /// Writes every key, missing values as null; `ledger` maps each outcome to its count.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(status.name, forKey: .name)
    try json.encode(status.isActive, forKey: .isActive)
    try json.encodeOrNull(status.lastSuccessAt, forKey: .lastSuccessAt)
    try json.encodeOrNull(status.lastAttemptAt, forKey: .lastAttemptAt)
    try json.encodeOrNull(status.lastError, forKey: .lastError)
    try json.encode(status.consecutiveFailures, forKey: .consecutiveFailures)
    try json.encode(status.ledger, forKey: .ledger)
    try json.encode(status.sentAppend.failures, forKey: .sentAppendFailures)
    try json.encodeOrNull(status.sentAppend.lastError, forKey: .lastSentAppendError)
  }
}

/// What `account test` found: each step's result, the failed step and its error when one failed.
struct AccountTestJSON: JSONOutput {
  /// The report shown.
  let report: AccountTestReport

  /// Wraps a report.
  init(_ report: AccountTestReport) { self.report = report }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case name = "name"
    case ok = "ok"
    case failedStep = "failedStep"
    case error = "error"
    case errorStatus = "errorStatus"
    case errorHint = "errorHint"
    case capabilities = "capabilities"
    case folders = "folders"
    case missingFolders = "missingFolders"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(report.name, forKey: .name)
    try json.encode(report.ok, forKey: .ok)
    try json.encodeOrNull(report.failedStep, forKey: .failedStep)
    try json.encodeOrNull(report.error, forKey: .error)
    try json.encodeOrNull(report.errorStatus, forKey: .errorStatus)
    try json.encodeOrNull(report.errorHint, forKey: .errorHint)
    try json.encode(report.capabilities, forKey: .capabilities)
    try json.encode(report.folders, forKey: .folders)
    try json.encode(report.missingFolders, forKey: .missingFolders)
  }
}
