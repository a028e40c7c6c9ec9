import EspoMailCore
import Testing

/// Matching one filter against one message (`FilterMatcher.match` and `wildcard`): patterns,
/// case, every criterion, body phrases and the header-only pass.
@Suite struct FilterMatchingTests {
  @Test(
    "wildcards: * is any run, the rest literal, the whole text, without case",
    arguments: [
      ("a*b*c", "aXXbYYc", true), ("a*c", "abcbc", true), ("a*c", "abcb", false), ("*", "", true), ("", "", true),
      ("", "x", false), ("**", "anything", true), ("*x", "x", true), ("x*", "y", false), ("?", "a", false),
      ("a.b", "aXb", false), ("a.b", "A.B", true), ("*@EXAMPLE.com", "Jo@example.COM", true), ("*ab", "aab", true),
      ("ab*ab", "abab", true), ("ab*ab", "aba", false), ("Ünï*", "ünïcode", true),
    ])
  func wildcards(_ pattern: String, _ text: String, _ expected: Bool) {
    #expect(FilterMatcher.wildcard(pattern, matches: text) == expected)
  }

  @Test("From: a message without From never matches a From pattern")
  func missingFrom() {
    let result = FilterMatcher.match(FilterSamples.filter(from: "*"), FilterSamples.message(from: nil))
    #expect(!result.matches)
    #expect(result.reason == "From (none) does not match *")
  }

  @Test("To matches any To or Cc address, and names the one that matched")
  func toMatchesAnyRecipient() {
    let result = FilterMatcher.match(FilterSamples.filter(to: "team@*"), FilterSamples.message())
    #expect(result.matches)
    #expect(result.reason == "recipient Team@Example.com matches team@*")
    #expect(!FilterMatcher.match(FilterSamples.filter(to: "*"), FilterSamples.message(recipients: [])).matches)
  }

  @Test("subject: whole subject, without case")
  func subject() {
    #expect(FilterMatcher.match(FilterSamples.filter(subject: "WEEKLY DIGEST #42"), FilterSamples.message()).matches)
    #expect(!FilterMatcher.match(FilterSamples.filter(subject: "Weekly"), FilterSamples.message()).matches)
    #expect(FilterMatcher.match(FilterSamples.filter(subject: "*digest*"), FilterSamples.message()).matches)
  }

  @Test("every set criterion must match; the first failing one is the reason")
  func allCriteria() {
    let filter = FilterSamples.filter(from: "*@letters.example", to: "bob@*", subject: "Weekly*")
    let result = FilterMatcher.match(filter, FilterSamples.message())
    #expect(!result.matches)
    #expect(result.reason == "no To/CC address matches bob@*")
    let matching = FilterSamples.filter(from: "*@letters.example", to: "alice@*", subject: "Weekly*", any: ["offer"])
    let hit = FilterMatcher.match(matching, FilterSamples.message())
    #expect(hit.matches)
    #expect(
      hit.reason
        == "From News@Letters.Example matches *@letters.example; recipient alice@example.com matches alice@*; subject matches Weekly*; body contains \"offer\""
    )
  }

  @Test("body phrases: any of, all of, without case, across the plain and HTML bodies")
  func bodyPhrases() {
    let message = FilterSamples.message()
    #expect(FilterMatcher.match(FilterSamples.filter(any: ["nothing", "limited offer"]), message).matches)
    #expect(!FilterMatcher.match(FilterSamples.filter(any: ["nothing"]), message).matches)
    #expect(FilterMatcher.match(FilterSamples.filter(all: ["UNSUBSCRIBE", "limited"]), message).matches)
    let missing = FilterMatcher.match(FilterSamples.filter(all: ["unsubscribe", "sale"]), message)
    #expect(!missing.matches)
    #expect(missing.reason == "the body lacks \"sale\"")
    #expect(FilterMatcher.match(FilterSamples.filter(any: ["hello"], all: ["offer"]), message).matches)
    #expect(!FilterMatcher.match(FilterSamples.filter(any: ["hello"], all: ["absent"]), message).matches)
  }

  @Test("empty phrases are ignored, but still make the filter wait for the body")
  func emptyPhrases() {
    #expect(FilterMatcher.match(FilterSamples.filter(any: [""]), FilterSamples.message()).matches)
    #expect(!FilterMatcher.match(FilterSamples.filter(any: [""]), FilterSamples.message(bodies: nil)).matches)
  }

  @Test("the header-only pass: body criteria wait for the body; header criteria decide alone")
  func headerOnlyPass() {
    let headers = FilterSamples.message(bodies: nil)
    let result = FilterMatcher.match(FilterSamples.filter(from: "*@letters.example", any: ["hello"]), headers)
    #expect(!result.matches)
    #expect(result.reason == "body criteria wait for the body")
    #expect(FilterMatcher.match(FilterSamples.filter(from: "*@letters.example"), headers).matches)
    #expect(
      FilterMatcher.match(FilterSamples.filter(any: ["hello"]), FilterSamples.message(bodies: [])).matches == false)
  }
}
