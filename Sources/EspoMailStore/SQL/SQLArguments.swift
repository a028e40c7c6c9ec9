/// The values bound to a statement's parameters, in order (`?`, or `?N` for the Nth).
struct SQLArguments: ExpressibleByArrayLiteral {
  /// The values.
  var values: [SQLValue]

  /// Arguments from already converted values.
  init(_ values: [SQLValue] = []) { self.values = values }

  /// Arguments written in place: `[accountID, folder, nil]`.
  init(arrayLiteral elements: (any SQLBindable)?...) {
    values = elements.map { $0?.sqlValue ?? .null }
  }

  /// Adds one value.
  mutating func append(_ value: (any SQLBindable)?) { values.append(value?.sqlValue ?? .null) }

  /// Adds the values of `other`.
  static func += (lhs: inout SQLArguments, rhs: SQLArguments) { lhs.values += rhs.values }

  /// The values of `lhs`, then those of `rhs`.
  static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments { SQLArguments(lhs.values + rhs.values) }
}

extension SQLArguments {
  /// `count` comma-separated `?` placeholders, for an `IN (…)` list.
  static func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }
}
