/// Turns the store's SQL parameters into PostgreSQL's: `?N` becomes `$N`, and a bare `?` becomes one
/// more than the largest number given so far (SQLite's own rule), so one text serves both engines.
/// Quoted strings, quoted names and comments are copied untouched.
enum PostgresPlaceholders {
  /// The SQL with `$N` parameters.
  static func rewrite(_ sql: String) -> String {
    var output = ""
    output.reserveCapacity(sql.utf8.count + 16)
    var largest = 0
    var characters = Array(sql.unicodeScalars)[...]
    while let character = characters.popFirst() {
      switch character {
      case "'", "\"":
        output.unicodeScalars.append(character)
        while let next = characters.popFirst() {
          output.unicodeScalars.append(next)
          if next == character { break }  // a doubled quote reopens at once on the next turn
        }
      case "-" where characters.first == "-":
        output.unicodeScalars.append(character)
        while let next = characters.popFirst() {
          output.unicodeScalars.append(next)
          if next == "\n" { break }
        }
      case "/" where characters.first == "*":
        output.unicodeScalars.append(character)
        output.unicodeScalars.append(characters.removeFirst())
        while let next = characters.popFirst() {
          output.unicodeScalars.append(next)
          if next == "*", characters.first == "/" {
            output.unicodeScalars.append(characters.removeFirst())
            break
          }
        }
      case "?":
        var digits = ""
        while let next = characters.first, next.properties.numericType == .decimal, next.isASCII {
          digits.unicodeScalars.append(characters.removeFirst())
        }
        let number = Int(digits) ?? largest + 1
        largest = max(largest, number)
        output += "$\(number)"
      default:
        output.unicodeScalars.append(character)
      }
    }
    return output
  }
}
