import EspoMailCore
import Testing

@testable import EspoMailStore

/// How an email's words are made for both engines' search indexes (`SearchDocument`, `SearchWords`).
@Suite struct SearchWordsTests {
  @Test("words are split at what is not a letter or digit, folded, and each kept once in first-seen order")
  func wordsAreSplitFoldedAndDistinct() {
    let document = SearchDocument(
      subject: "Re: Café Über-Größe", body: "the CAFE and the café; naïve—test 2026 x\u{0301}y",
      parties: [EmailParty(name: "Jane Doe", address: "Jane@Acme.example"), EmailParty(name: nil, address: "jane@acme.example")])
    #expect(
      document.words == ["re", "cafe", "uber", "grosse", "the", "and", "naive", "test", "2026", "xy", "jane", "doe", "acme", "example"])
  }

  @Test("thousands of distinct words all arrive, once each, across the table's growth")
  func manyDistinctWordsArriveOnceEach() {
    let words = (0..<5_000).map { "w\($0)" }
    let body = (words + words.reversed()).joined(separator: " ")
    let document = SearchDocument(subject: "", body: body, parties: [])
    #expect(document.words.map(String.init) == words)
  }

  @Test("a word over 2,047 bytes is left out; the words stop at the budget")
  func longWordsAndTheBudget() {
    let long = String(repeating: "a", count: SearchWords.longestWord + 1)
    #expect(SearchDocument(subject: "short \(long) word", body: nil, parties: []).words == ["short", "word"])
    let many = (0..<200_000).map { "word\($0)" }.joined(separator: " ")
    let kept = SearchDocument(subject: "", body: many, parties: []).words
    let spent = kept.reduce(0) { $0 + $1.utf8.count + 4 }
    #expect(kept.count < 200_000)
    #expect(spent <= SearchWords.documentBudget)
    #expect(spent > SearchWords.documentBudget - 100)
  }

  @Test("what a user types becomes words only: no search syntax survives")
  func queriesAreWordsOnly() {
    #expect(SearchWords.words("\"now\" OR NEAR( jane@acme.example*") == ["now", "or", "near", "jane", "acme", "example"])
    #expect(SearchWords.words("—«» ...").isEmpty)
  }
}
