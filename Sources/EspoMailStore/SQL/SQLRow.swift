/// The column names of a result, shared by its rows; names match case-insensitively, as SQL's do.
final class SQLColumns: Sendable {
  /// Names in result order.
  let names: [String]
  private let positions: [String: Int]

  /// Columns named `names`; a repeated name means its first column.
  init(_ names: [String]) {
    self.names = names
    var positions: [String: Int] = [:]
    for (index, name) in names.enumerated() where positions[name.lowercased()] == nil {
      positions[name.lowercased()] = index
    }
    self.positions = positions
  }

  /// The position of a column.
  func position(of name: String) -> Int? { positions[name] ?? positions[name.lowercased()] }
}

/// One row of a result, read by column name or position into the Swift type asked for.
struct SQLRow {
  /// The result's columns.
  let columns: SQLColumns
  /// The values, in column order.
  let values: [SQLValue]

  /// The value of a column, converted; a missing column or a value of another type is a store
  /// defect and stops the program (see `SQLDecodable`).
  subscript<Value: SQLDecodable>(_ name: String) -> Value {
    guard let position = columns.position(of: name) else {
      preconditionFailure("store: no column \(name) in the result")
    }
    return self[position]
  }

  /// The value at a position, converted.
  subscript<Value: SQLDecodable>(_ position: Int) -> Value {
    guard let value = Value(sqlValue: values[position]) else {
      preconditionFailure("store: column \(columns.names[position]) holds \(values[position].kind), not \(Value.self)")
    }
    return value
  }

  /// Whether the row has a column of that name.
  func has(_ name: String) -> Bool { columns.position(of: name) != nil }
}

extension SQLValue {
  /// The name of the value's kind, for a defect report (never the value: it may be mail).
  var kind: String {
    switch self {
    case .null: "NULL"
    case .integer: "an integer"
    case .real: "a real"
    case .text: "text"
    case .blob: "a blob"
    case .searchWords: "search words"
    }
  }
}
