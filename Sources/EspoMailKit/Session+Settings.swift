import EspoMailCore
import EspoMailStore

/// A store-wide setting an admin may change.
public enum StoreSetting: String, CaseIterable, Sendable {
  /// yes: contacts are parents themselves instead of their accounts (business-to-consumer).
  case b2cMode = "b2c-mode"

  /// What the setting does.
  public var meaning: String {
    switch self {
    case .b2cMode: "yes: mail from a contact links to the contact, not to its account"
    }
  }
}

extension Session {
  /// Every setting with its value.
  public func settings() throws -> [String: String] {
    try store.read { tx in
      var values: [String: String] = [:]
      for setting in StoreSetting.allCases {
        values[setting.rawValue] = try tx.setting(setting.rawValue) == "1" ? "yes" : "no"
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
    guard let flag = ["yes": "1", "no": "0"][value.lowercased()] else {
      throw EspoMailError.malformed("value for \(setting.rawValue)", value, accepted: "yes|no")
    }
    try store.write { tx in try tx.setSetting(setting.rawValue, to: flag) }
    return try settings()
  }
}
