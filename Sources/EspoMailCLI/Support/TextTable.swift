/// Renders rows as aligned columns for text output.
struct TextTable {
  /// Column titles.
  var headers: [String]
  /// Cells, one array per row.
  var rows: [[String]]

  /// The table as lines, or `empty` when there are no rows.
  func render(empty: String) -> String {
    guard !rows.isEmpty else { return empty }
    let all = [headers] + rows
    let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      row.indices.map { column in
        column == row.count - 1 ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }.joined(separator: "\n")
  }
}

extension String {
  /// The string without trailing spaces.
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}

extension Optional where Wrapped == String {
  /// The value, or "-" for nothing.
  var orDash: String { self ?? "-" }
}
