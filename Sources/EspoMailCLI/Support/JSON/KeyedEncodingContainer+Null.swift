extension KeyedEncodingContainer {
  /// Encodes `value`, or `null` when it is nil: the key is always there for scripts to find.
  mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
    if let value {
      try encode(value, forKey: key)
    } else {
      try encodeNil(forKey: key)
    }
  }
}
