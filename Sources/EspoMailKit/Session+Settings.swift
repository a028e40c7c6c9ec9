import EspoMailCore
import EspoMailStore

/// A store-wide setting an admin may change with `setting set` (the system sender has its own
/// command); its raw value is its `SettingKey`'s.
public enum StoreSetting: String, CaseIterable, Sendable {
  /// yes: contacts are parents themselves instead of their accounts (business-to-consumer).
  case b2cMode = "b2c-mode"
  /// At most this many auto-replies to one sender per period (default 5).
  case autoReplyLimit = "auto-reply-limit"
  /// The auto-reply limit's period in hours (default 2).
  case autoReplyPeriodHours = "auto-reply-period-hours"
  /// At most this many personal accounts a user adds for themselves (default 2; admins are not limited).
  case personalAccountLimit = "personal-account-limit"
  /// yes: users may send from their own addresses through the system sender (`outbound set-default`).
  case outboundShared = "outbound-shared"
  /// Failed fetches in a row after which admins and a personal account's owner are told by mail (default 3; 0: never).
  case accountFailureNotice = "account-failure-notice"

  /// What the setting does.
  public var meaning: String {
    switch self {
    case .b2cMode: "yes: mail from a contact links to the contact, not to its account"
    case .autoReplyLimit: "at most N auto-replies to one sender per period"
    case .autoReplyPeriodHours: "the period of the auto-reply limit, in hours"
    case .personalAccountLimit: "at most N personal accounts a user adds for themselves (admins add any number)"
    case .outboundShared: "yes: users may send from their own addresses through the system sender"
    case .accountFailureNotice: "after N failed fetches in a row admins (and a personal account's owner) are told by mail; 0: never"
    }
  }

  /// The values it accepts.
  public var accepted: String {
    switch self {
    case .b2cMode, .outboundShared: "yes|no"
    case .autoReplyLimit, .autoReplyPeriodHours, .personalAccountLimit, .accountFailureNotice:
      "\(range.lowerBound) to \(range.upperBound)"
    }
  }

  /// The numbers a numeric setting accepts (b2c-mode and outbound-shared take yes or no).
  var range: ClosedRange<Int> {
    switch self {
    case .b2cMode, .outboundShared: 0...1
    case .autoReplyLimit: 0...10_000
    case .autoReplyPeriodHours: 1...8760
    case .personalAccountLimit: 0...1000
    case .accountFailureNotice: 0...10_000
    }
  }

  /// Where it is stored.
  var key: SettingKey {
    switch self {
    case .b2cMode: .b2cMode
    case .autoReplyLimit: .autoReplyLimit
    case .autoReplyPeriodHours: .autoReplyPeriodHours
    case .personalAccountLimit: .personalAccountLimit
    case .outboundShared: .outboundShared
    case .accountFailureNotice: .accountFailureNotice
    }
  }

  /// The value as shown from its stored form (yes/no settings are stored as 1 or 0).
  func shown(_ stored: String?) -> String {
    switch self {
    case .b2cMode, .outboundShared: stored == "1" ? "yes" : "no"
    case .autoReplyLimit, .autoReplyPeriodHours, .personalAccountLimit, .accountFailureNotice: stored ?? defaultValue
    }
  }

  /// The value shown when unset.
  public var defaultValue: String {
    switch self {
    case .b2cMode, .outboundShared: "no"
    case .accountFailureNotice: "\(AccountFailureNotice.defaultThreshold)"
    case .autoReplyLimit: "\(AutoReplier.defaultLimit)"
    case .autoReplyPeriodHours: "\(Int(AutoReplier.defaultPeriod / 3600))"
    case .personalAccountLimit: "2"
    }
  }
}

/// One setting as `setting list` shows it.
public struct SettingEntry: Sendable {
  /// Its name.
  public var key: String
  /// Its value now (the default when unset).
  public var value: String
  /// Its value when unset.
  public var defaultValue: String
  /// The values it accepts.
  public var accepted: String
  /// What it does.
  public var meaning: String
}

extension Session {
  /// Every setting with its value, default, accepted values and meaning, in a fixed order.
  public func settingEntries() throws -> [SettingEntry] {
    let values = try settings()
    return StoreSetting.allCases.map {
      SettingEntry(
        key: $0.rawValue, value: values[$0.rawValue] ?? $0.defaultValue, defaultValue: $0.defaultValue,
        accepted: $0.accepted, meaning: $0.meaning)
    }
  }

  /// Every setting with its value.
  public func settings() throws -> [String: String] {
    try store.read { tx in
      var values: [String: String] = [:]
      for setting in StoreSetting.allCases {
        values[setting.rawValue] = setting.shown(try tx.setting(setting.key))
      }
      return values
    }
  }

  /// Changes a setting (admins only).
  public func setSetting(_ key: String, _ value: String) throws -> [String: String] {
    try requireAdmin("setting set")
    guard let setting = StoreSetting(rawValue: key.lowercased()) else {
      throw EspoMailError.malformed("setting", key, accepted: StoreSetting.allCases.map(\.rawValue).joined(separator: "|"))
    }
    let stored: String
    switch setting {
    case .b2cMode, .outboundShared:
      guard let flag = ["yes": "1", "no": "0"][value.lowercased()] else {
        throw EspoMailError.malformed("value for \(setting.rawValue)", value, accepted: setting.accepted)
      }
      stored = flag
    case .autoReplyLimit, .autoReplyPeriodHours, .personalAccountLimit, .accountFailureNotice:
      guard let number = Int(value), setting.range.contains(number) else {
        throw EspoMailError.malformed("value for \(setting.rawValue)", value, accepted: setting.accepted)
      }
      stored = "\(number)"
    }
    try store.write { tx in try tx.setSetting(setting.key, to: stored) }
    return try settings()
  }
}

extension Transaction {
  /// Whether contacts are parents in their own right (`setting set b2c-mode yes`).
  func isB2CMode() throws -> Bool { StoreSetting.b2cMode.shown(try setting(.b2cMode)) == "yes" }

  /// Whether users may send from their own addresses through the system sender (`setting set outbound-shared yes`).
  func isOutboundShared() throws -> Bool { StoreSetting.outboundShared.shown(try setting(.outboundShared)) == "yes" }

  /// A numeric setting's value: the stored one, else its default.
  func number(_ setting: StoreSetting) throws -> Int { Int(setting.shown(try self.setting(setting.key))) ?? 0 }
}
