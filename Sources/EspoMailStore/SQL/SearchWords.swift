import EspoMailCore
import Foundation
import Synchronization

/// An email's words as both engines' search indexes hold them (Docs/architecture.md, "Store engines"):
/// its subject, plain body and parties' names and addresses, split at every character that is not
/// a letter or digit, lower-cased and without accents, each word once. Made in Swift so that the
/// two engines find the same emails and so that the fetch makes them on its parse threads, off
/// the single writer's path (Docs/performance.md, "First sync").
public struct SearchDocument: Sendable, Equatable, SQLBindable {
  /// The distinct words in first-seen order, separated by single spaces.
  let text: String

  /// The distinct words, in first-seen order.
  var words: [Substring] { text.split(separator: " ") }

  /// The words as they are stored (`SQLValue.searchWords`).
  var sqlValue: SQLValue { .searchWords(self) }

  /// The words of an email's subject, plain body and parties (names and addresses).
  public init(subject: String, body: String?, parties: [EmailParty]) {
    text = SearchWords.distinctWords([subject, body ?? "", parties.map(\.formatted).joined(separator: " ")])
  }

  /// The words of a new email, from its subject, plain body and every party.
  public init(of email: NewEmail) {
    self.init(
      subject: email.subject, body: email.bodyPlain,
      parties: (email.from.map { [$0] } ?? []) + email.to + email.cc + email.bcc + email.replyTo)
  }
}

/// How `SearchDocument` splits and folds text: split at every character that is not a letter or
/// digit (as SQLite's `unicode61` tokenizer splits), lower-cased and without accents. Made for
/// speed, since every fetched message passes through it: ASCII words are lower-cased and told
/// apart byte by byte in one buffer and one hash table; only words with other characters go
/// through Foundation's folding, once per distinct spelling in the process (`FoldedWords`).
enum SearchWords {
  /// PostgreSQL refuses longer lexemes (`to_tsvector` skips them, and so do both engines).
  static let longestWord = 2047
  /// Bytes of distinct words kept per email, below the 1 MiB a PostgreSQL `tsvector` may hold
  /// (each word counted with its quotes and a space).
  static let documentBudget = 900_000

  /// The distinct words of `texts`, in first-seen order and separated by spaces, within the budget.
  static func distinctWords(_ texts: [String]) -> String {
    var collector = WordCollector(capacity: texts.reduce(0) { $0 + $1.utf8.count })
    for text in texts {
      var text = text
      let going = text.withUTF8 { collector.collect($0) }
      if !going { break }
    }
    return collector.text
  }

  /// The distinct words of `text`, in first-seen order.
  static func words(_ text: String) -> [Substring] {
    distinctWords([text]).split(separator: " ")
  }

  /// ASCII letters and digits, and every byte of a non-ASCII character (sorted out per word).
  @inline(__always)
  static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...: true
    default: false
    }
  }
}

/// Distinct words gathered into one buffer, separated by spaces, with an open-addressing hash
/// table of where each word starts (FNV-1a of its bytes) to tell repeats.
private struct WordCollector {
  private var bytes: [UInt8] = []
  /// Slots of the table: 0 when empty, else 1 + the index of an entry.
  private var slots: [Int32] = Array(repeating: 0, count: 256)
  private var entries: [(hash: UInt64, start: Int32, length: Int32)] = []
  /// Spellings of non-ASCII runs already folded.
  private var foldedRuns: Set<[UInt8]> = []

  init(capacity: Int) { bytes.reserveCapacity(min(capacity, SearchWords.documentBudget)) }

  /// The words so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Adds the words of `text`; false once the budget is spent.
  mutating func collect(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let end = text.count
    while index < end {
      guard SearchWords.isWordByte(text[index]) else {
        index += 1
        continue
      }
      let start = index
      var ascii = true
      while index < end, SearchWords.isWordByte(text[index]) {
        if text[index] >= 0x80 { ascii = false }
        index += 1
      }
      let run = UnsafeBufferPointer(rebasing: text[start..<index])
      if ascii {
        guard add(run) else { return false }
        continue
      }
      // Letters and digits beyond ASCII: split at what is neither, then fold case and accents.
      let spelling = Array(run)
      guard foldedRuns.insert(spelling).inserted else { continue }
      for word in FoldedWords.words(of: spelling) {
        guard word.withUnsafeBufferPointer({ add($0) }) else { return false }
      }
    }
    return true
  }

  /// Adds one word, lower-casing ASCII letters, unless it is there already or longer than a
  /// word may be. False when it would pass the budget (it is then not added).
  private mutating func add(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count <= SearchWords.longestWord else { return true }
    guard bytes.count + word.count + 3 * (entries.count + 1) <= SearchWords.documentBudget else { return false }
    let mark = bytes.count
    if mark > 0 { bytes.append(0x20) }
    let start = bytes.count
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in word {
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      bytes.append(lower)
      hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
    }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let entry = entries[Int(slots[slot]) - 1]
      if entry.hash == hash, Int(entry.length) == word.count, same(Int(entry.start), start, count: word.count) {
        bytes.removeLast(bytes.count - mark)
        return true
      }
      slot = (slot + 1) & mask
    }
    entries.append((hash, Int32(start), Int32(word.count)))
    slots[slot] = Int32(entries.count)
    if entries.count * 2 > slots.count { grow() }
    return true
  }

  /// Whether the bytes at `first` and `second` are the same for `count` bytes.
  private func same(_ first: Int, _ second: Int, count: Int) -> Bool {
    bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + first, $0.baseAddress! + second, count) == 0 }
  }

  /// Doubles the table.
  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }
}

/// Words with characters beyond ASCII, folded by Foundation once per distinct spelling and then
/// remembered: natural language repeats its words, and Foundation's folding costs microseconds
/// a word (a fifth of a first sync's parse time before). The memory is bounded: it starts over
/// when it holds `capacity` spellings.
enum FoldedWords {
  /// Spellings remembered at most.
  static let capacity = 50_000

  private static let remembered = Mutex<[[UInt8]: [[UInt8]]]>([:])

  /// The words a run of letters, digits and non-ASCII characters folds to, as UTF-8.
  static func words(of spelling: [UInt8]) -> [[UInt8]] {
    if let known = remembered.withLock({ $0[spelling] }) { return known }
    let folded = String(decoding: spelling, as: UTF8.self).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    let words = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { Array($0.utf8) }
    remembered.withLock {
      if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
      $0[spelling] = words
    }
    return words
  }
}
