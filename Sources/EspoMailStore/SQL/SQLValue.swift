import Foundation

/// A value as every store engine holds it: the common ground of SQLite's storage classes and the
/// PostgreSQL column types the schema uses (flags are integers 0/1 on both).
enum SQLValue: Sendable, Equatable {
  /// SQL NULL.
  case null
  /// A 64-bit integer (ids, counts, flags).
  case integer(Int64)
  /// A double.
  case real(Double)
  /// UTF-8 text.
  case text(String)
  /// Bytes.
  case blob([UInt8])
  /// An email's search words: text on SQLite, a `tsvector` on PostgreSQL, sent in its binary form
  /// so that the server does not parse it (Docs/performance.md, "First sync into PostgreSQL").
  case searchWords(SearchDocument)
}

/// A Swift value that binds to a statement parameter.
protocol SQLBindable {
  /// The value bound.
  var sqlValue: SQLValue { get }
}

/// A Swift value read from a result column. A column whose value does not fit the type asked for
/// is a store defect (the schema fixes every column's type), so reading it stops the program, as
/// reading a wrongly typed column did before.
protocol SQLDecodable {
  /// The value, or nil when `value` does not convert.
  init?(sqlValue value: SQLValue)
}

extension Int64: SQLBindable, SQLDecodable {
  /// The integer.
  var sqlValue: SQLValue { .integer(self) }
  /// An integer column, or a real one holding a whole number.
  init?(sqlValue value: SQLValue) {
    switch value {
    case .integer(let number): self = number
    case .real(let number): guard let exact = Int64(exactly: number) else { return nil }; self = exact
    default: return nil
    }
  }
}

extension Int: SQLBindable, SQLDecodable {
  /// The integer.
  var sqlValue: SQLValue { .integer(Int64(self)) }
  /// An integer column.
  init?(sqlValue value: SQLValue) {
    guard let number = Int64(sqlValue: value) else { return nil }
    self = Int(truncatingIfNeeded: number)
  }
}

extension Int32: SQLBindable, SQLDecodable {
  /// The integer.
  var sqlValue: SQLValue { .integer(Int64(self)) }
  /// An integer column within 32 bits.
  init?(sqlValue value: SQLValue) {
    guard let number = Int64(sqlValue: value), let exact = Int32(exactly: number) else { return nil }
    self = exact
  }
}

extension UInt32: SQLBindable, SQLDecodable {
  /// The integer (UIDs and UIDVALIDITY are stored as 64-bit integers).
  var sqlValue: SQLValue { .integer(Int64(self)) }
  /// An integer column within 32 unsigned bits.
  init?(sqlValue value: SQLValue) {
    guard let number = Int64(sqlValue: value), let exact = UInt32(exactly: number) else { return nil }
    self = exact
  }
}

extension Bool: SQLBindable, SQLDecodable {
  /// 1 or 0.
  var sqlValue: SQLValue { .integer(self ? 1 : 0) }
  /// Any non-zero integer is true.
  init?(sqlValue value: SQLValue) {
    guard let number = Int64(sqlValue: value) else { return nil }
    self = number != 0
  }
}

extension Double: SQLBindable, SQLDecodable {
  /// The number.
  var sqlValue: SQLValue { .real(self) }
  /// A real or integer column.
  init?(sqlValue value: SQLValue) {
    switch value {
    case .real(let number): self = number
    case .integer(let number): self = Double(number)
    default: return nil
    }
  }
}

extension String: SQLBindable, SQLDecodable {
  /// The text.
  var sqlValue: SQLValue { .text(self) }
  /// A text column.
  init?(sqlValue value: SQLValue) {
    guard case .text(let text) = value else { return nil }
    self = text
  }
}

extension Data: SQLBindable, SQLDecodable {
  /// The bytes.
  var sqlValue: SQLValue { .blob([UInt8](self)) }
  /// A blob column, or the UTF-8 of a text one.
  init?(sqlValue value: SQLValue) {
    switch value {
    case .blob(let bytes): self = Data(bytes)
    case .text(let text): self = Data(text.utf8)
    default: return nil
    }
  }
}

extension Array: SQLBindable where Element == UInt8 {
  /// The bytes.
  var sqlValue: SQLValue { .blob(self) }
}

extension Array: SQLDecodable where Element == UInt8 {
  /// A blob column, or the UTF-8 of a text one.
  init?(sqlValue value: SQLValue) {
    switch value {
    case .blob(let bytes): self = bytes
    case .text(let text): self = Array(text.utf8)
    default: return nil
    }
  }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
  /// The wrapped value, or NULL.
  var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
  /// NULL is nil; anything else must convert to `Wrapped`.
  init?(sqlValue value: SQLValue) {
    if case .null = value {
      self = .none
    } else if let wrapped = Wrapped(sqlValue: value) {
      self = .some(wrapped)
    } else {
      return nil
    }
  }
}
