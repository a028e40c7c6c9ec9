/// A value printed as JSON for scripts: every stored property becomes a key, and a missing value is
/// written as `null` instead of being left out, so scripts always find the same keys.
public protocol StableJSON: Encodable {}

extension StableJSON {
  /// Encodes every stored property by name, nil values as null.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: PropertyKey.self)
    for child in Mirror(reflecting: self).children {
      guard let label = child.label else { continue }
      let key = PropertyKey(stringValue: label)
      let mirror = Mirror(reflecting: child.value)
      if mirror.displayStyle == .optional, mirror.children.isEmpty {
        try container.encodeNil(forKey: key)
      } else if let value = child.value as? any Encodable {
        try container.encode(value, forKey: key)
      }
    }
  }
}

/// A coding key named after a stored property.
private struct PropertyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension User: StableJSON {}
extension Team: StableJSON {}
extension TeamMember: StableJSON {}
extension AccountHealth: StableJSON {}
extension CaseSettings: StableJSON {}
extension AutoReplySettings: StableJSON {}
extension QuarantineEntry: StableJSON {}
extension StreamNote: StableJSON {}
extension UserNotification: StableJSON {}
extension Decision: StableJSON {}
extension EmailFilter: StableJSON {}
extension Template: StableJSON {}
extension AttachmentInfo: StableJSON {}
extension EmailParty: StableJSON {}
extension CaseRecord: StableJSON {}
