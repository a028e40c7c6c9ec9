import Foundation

/// The words of an email as PostgreSQL's search index holds them, made in Swift: split at every
/// character that is not a letter or digit (as SQLite's FTS5 `unicode61` splits), lower-cased and
/// without accents. The store used to ask the server for `to_tsvector('simple', unaccent(…))`,
/// which cost the backend about a millisecond an email; a `tsvector` literal of the distinct words
/// costs it a parse and a sort (Docs/performance.md, "First sync into PostgreSQL").
enum SearchWords {
  /// PostgreSQL refuses longer lexemes (`to_tsvector` skips them, and so do we).
  static let longestWord = 2047
  /// Bytes of distinct words kept per email, below the 1 MiB a `tsvector` may hold.
  static let documentBudget = 900_000

  /// The distinct words of `texts`, in first-seen order, within the budget.
  static func words(_ texts: [String]) -> [String] {
    var seen: Set<String> = []
    var ordered: [String] = []
    var bytes = 0
    for text in texts {
      var stopped = false
      forEachWord(in: text) { word in
        guard word.utf8.count <= longestWord, seen.insert(word).inserted else { return true }
        bytes += word.utf8.count + 3
        guard bytes <= documentBudget else {
          stopped = true
          return false
        }
        ordered.append(word)
        return true
      }
      if stopped { break }
    }
    return ordered
  }

  /// A `tsvector` literal holding `texts`' words (no positions: searches ask for words, not
  /// phrases).
  static func document(_ texts: [String]) -> String {
    words(texts).map(quoted).joined(separator: " ")
  }

  /// A `tsquery` literal asking for every word of `text`; nil when it has none.
  static func query(_ text: String) -> String? {
    let found = words([text])
    return found.isEmpty ? nil : found.map(quoted).joined(separator: " & ")
  }

  /// A lexeme in quotes. Words hold letters and digits only, so nothing needs escaping.
  private static func quoted(_ word: String) -> String { "'" + word + "'" }

  /// Calls `body` with each word of `text`, normalised, until it returns false. ASCII runs are
  /// lower-cased byte by byte; a word with other characters is folded by Foundation.
  private static func forEachWord(in text: String, _ body: (String) -> Bool) {
    var utf8 = text.utf8[...]
    while let start = utf8.firstIndex(where: isWordByte) {
      utf8 = utf8[start...]
      let end = utf8.firstIndex { !isWordByte($0) } ?? utf8.endIndex
      let run = utf8[..<end]
      utf8 = utf8[end...]
      if run.allSatisfy({ $0 < 0x80 }) {
        guard body(String(decoding: run.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)) else { return }
        continue
      }
      // Letters and digits beyond ASCII: split at what is neither, then fold case and accents.
      let folded = String(Substring(run)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
        guard body(String(word)) else { return }
      }
    }
  }

  /// ASCII letters and digits, and every byte of a non-ASCII character (sorted out per word).
  private static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...: true
    default: false
    }
  }
}
