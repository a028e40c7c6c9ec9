/// Checks and spells command arguments: quoted strings, folder names, flag lists.
enum CommandArgument {
  /// A quoted string (RFC 3501 `quoted`), refusing bytes a quoted string cannot hold.
  static func quoted(_ text: String, what: String) throws -> String {
    guard !text.utf8.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }) else {
      throw IMAPError.invalidArgument("\(what) contains a line break or NUL")
    }
    var output = "\""
    for character in text {
      if character == "\"" || character == "\\" { output.append("\\") }
      output.append(character)
    }
    return output + "\""
  }

  /// A folder name (UTF-8) as a quoted modified UTF-7 string.
  static func folder(_ name: String) throws -> String {
    try quoted(ModifiedUTF7.encode(name), what: "the folder name '\(name)'")
  }

  /// A parenthesised flag list, such as `(\Seen $Label1)`; refuses flags that are not atoms.
  static func flagList(_ flags: [String]) throws -> String {
    for flag in flags {
      let body = flag.hasPrefix("\\") ? flag.dropFirst() : Substring(flag)
      let special: Set<UInt8> = [0x28, 0x29, 0x7b, 0x20, 0x25, 0x2a, 0x22, 0x5c, 0x5d]
      guard !body.isEmpty, !body.utf8.contains(where: { $0 < 0x21 || $0 > 0x7e || special.contains($0) }) else {
        throw IMAPError.invalidArgument("'\(flag)' is not a valid flag")
      }
    }
    return "(" + flags.joined(separator: " ") + ")"
  }

  /// Free text sent as is (such as SEARCH criteria), refusing line breaks and NUL.
  static func verbatim(_ text: String, what: String) throws -> String {
    guard !text.isEmpty, !text.utf8.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }) else {
      throw IMAPError.invalidArgument("\(what) is empty or contains a line break")
    }
    return text
  }
}
