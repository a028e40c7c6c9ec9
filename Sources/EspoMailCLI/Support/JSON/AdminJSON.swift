import EspoMailKit

/// What `init` prints: the new store and its first admin.
struct StoreCreationJSON: JSONOutput {
  /// What was created.
  let created: StoreCreation

  /// Wraps a creation.
  init(_ created: StoreCreation) { self.created = created }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case path = "path"
    case admin = "admin"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(created.path, forKey: .path)
    try json.encode(created.admin, forKey: .admin)
  }
}

/// What `key create` prints: the new key file and the accounts whose stored passwords it cannot open.
struct KeyCreationJSON: JSONOutput {
  /// What was created.
  let created: KeyCreation

  /// Wraps a creation.
  init(_ created: KeyCreation) { self.created = created }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case path = "path"
    case accountsToReset = "accountsToReset"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(created.path, forKey: .path)
    try json.encode(created.accountsToReset, forKey: .accountsToReset)
  }
}

/// One thing `audit` found, with how to fix it.
struct AuditFindingJSON: JSONOutput {
  /// The finding shown.
  let finding: AuditFinding

  /// Wraps a finding.
  init(_ finding: AuditFinding) { self.finding = finding }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case kind = "kind"
    case subject = "subject"
    case reason = "reason"
    case fix = "fix"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(finding.kind.rawValue, forKey: .kind)
    try json.encode(finding.subject, forKey: .subject)
    try json.encode(finding.reason, forKey: .reason)
    try json.encode(finding.fix, forKey: .fix)
  }
}

/// One setting as `setting list` prints it: value, default, accepted values and meaning.
struct SettingEntryJSON: JSONOutput {
  /// The setting shown.
  let entry: SettingEntry

  /// Wraps a setting.
  init(_ entry: SettingEntry) { self.entry = entry }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case key = "key"
    case value = "value"
    case defaultValue = "default"
    case accepted = "accepted"
    case meaning = "meaning"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(entry.key, forKey: .key)
    try json.encode(entry.value, forKey: .value)
    try json.encode(entry.defaultValue, forKey: .defaultValue)
    try json.encode(entry.accepted, forKey: .accepted)
    try json.encode(entry.meaning, forKey: .meaning)
  }
}

/// Every setting's value as `setting show` and `setting set` print it: one key per setting, named
/// as `setting set` takes it (`StoreSetting`'s raw values).
struct SettingValuesJSON: JSONOutput {
  /// Values by setting name.
  let values: [String: String]

  /// Wraps the values.
  init(_ values: [String: String]) { self.values = values }

  /// A setting's name as a key.
  private struct SettingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ setting: StoreSetting) { stringValue = setting.rawValue }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
  }

  /// Writes one key per setting, a missing value as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: SettingKey.self)
    for setting in StoreSetting.allCases {
      try json.encodeOrNull(values[setting.rawValue], forKey: SettingKey(setting))
    }
  }
}

/// What `store copy` prints: both stores, the key's fate, and each table's rows and checksum.
struct StoreCopyJSON: JSONOutput {
  /// What was copied.
  let report: StoreCopyReport

  /// Wraps a report.
  init(_ report: StoreCopyReport) { self.report = report }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case from = "from"
    case to = "to"
    case rows = "rows"
    case tables = "tables"
    case keyFile = "keyFile"
    case key = "key"
    case verified = "verified"
  }

  /// One table's keys.
  private enum TableKeys: String, CodingKey {
    case table = "table"
    case rows = "rows"
    case checksum = "checksum"
  }

  /// Writes every key; `verified` is always true, since a copy that does not verify is not made.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(report.from, forKey: .from)
    try json.encode(report.to, forKey: .to)
    try json.encode(report.rows, forKey: .rows)
    try json.encode(report.keyFile, forKey: .keyFile)
    try json.encode(report.key.rawValue, forKey: .key)
    try json.encode(true, forKey: .verified)
    var tables = json.nestedUnkeyedContainer(forKey: .tables)
    for table in report.tables {
      var entry = tables.nestedContainer(keyedBy: TableKeys.self)
      try entry.encode(table.table, forKey: .table)
      try entry.encode(table.rows, forKey: .rows)
      try entry.encode(table.checksum, forKey: .checksum)
    }
  }
}
