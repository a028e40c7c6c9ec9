import EspoMailCore
import Testing

@Suite struct FilterMatcherTests {
  private func filter(from: String? = nil, to: String? = nil, subject: String? = nil, any: [String] = [], all: [String] = [])
    -> EmailFilter
  {
    EmailFilter(
      id: 1, name: "f", scope: .global, account: nil, user: nil, from: from, to: to, subject: subject, bodyContains: any,
      bodyContainsAll: all, action: .skip, folder: nil, groupFolder: nil, markRead: false, skipNotification: false, position: 1)
  }

  private let message = FilterSubject(
    from: "News@Letters.Example", recipients: ["alice@example.com", "Team@Example.com"], subject: "Weekly digest #42",
    bodies: ["Hello,\nUnsubscribe here.", "<p>Hello</p>"])

  @Test(arguments: [
    ("news@letters.example", true), ("*@letters.example", true), ("news@*", true), ("*letters*", true),
    ("*@other.example", false), ("news@letters", false), ("*", true), ("n*s@*.example", true),
  ])
  func fromWildcardsIgnoreCase(_ pattern: String, _ expected: Bool) {
    #expect(FilterMatcher.match(filter(from: pattern), message).matches == expected)
  }

  @Test func toMatchesAnyRecipientAndSubjectIgnoresCase() {
    #expect(FilterMatcher.match(filter(to: "team@*"), message).matches)
    #expect(!FilterMatcher.match(filter(to: "bob@*"), message).matches)
    #expect(FilterMatcher.match(filter(subject: "weekly*"), message).matches)
    #expect(!FilterMatcher.match(filter(subject: "digest"), message).matches)  // whole subject
    #expect(FilterMatcher.match(filter(subject: "*DIGEST*"), message).matches)
  }

  @Test func everyCriterionMustMatch() {
    #expect(!FilterMatcher.match(filter(from: "*@letters.example", subject: "Monthly*"), message).matches)
    #expect(FilterMatcher.match(filter(from: "*@letters.example", subject: "Weekly*"), message).matches)
  }

  @Test func bodyPhrasesAnyAndAll() {
    #expect(FilterMatcher.match(filter(any: ["UNSUBSCRIBE", "sale"]), message).matches)
    #expect(!FilterMatcher.match(filter(any: ["sale"]), message).matches)
    #expect(FilterMatcher.match(filter(all: ["hello", "unsubscribe"]), message).matches)
    #expect(!FilterMatcher.match(filter(all: ["hello", "sale"]), message).matches)
    var headersOnly = message
    headersOnly.bodies = nil
    #expect(!FilterMatcher.match(filter(any: ["hello"]), headersOnly).matches)  // waits for the body
  }

  @Test func validationRefusesFiltersThatCannotWork() {
    #expect(throws: EspoMailError.self) { try FilterMatcher.validate(filter(), groupAccount: false) }
    #expect(throws: EspoMailError.self) { try FilterMatcher.validate(filter(from: "Jane Roe"), groupAccount: false) }
    #expect(throws: EspoMailError.self) { try FilterMatcher.validate(filter(any: ["", " "]), groupAccount: false) }
    var move = filter(from: "*@x.example")
    move.action = .moveToFolder
    #expect(throws: EspoMailError.self) { try FilterMatcher.validate(move, groupAccount: false) }  // not for global
    move.scope = .user
    #expect(throws: EspoMailError.self) { try FilterMatcher.validate(move, groupAccount: false) }  // needs a folder
    move.folder = "News"
    #expect(throws: Never.self) { try FilterMatcher.validate(move, groupAccount: false) }
  }

  @Test func shadowing() {
    #expect(FilterMatcher.shadows(filter(from: "*@x.example"), filter(from: "*@x.example", subject: "Hi")))
    #expect(!FilterMatcher.shadows(filter(from: "*@x.example", subject: "Hi"), filter(from: "*@x.example")))
    #expect(!FilterMatcher.shadows(filter(from: "a@x.example"), filter(from: "b@x.example")))
    // A wildcard covers a literal it matches, not another wildcard it does not equal.
    #expect(FilterMatcher.shadows(filter(from: "*@x.example"), filter(from: "Bob@X.example")))
    #expect(!FilterMatcher.shadows(filter(from: "*@x.example"), filter(from: "*@y.x.example")))
    // `*` on an address does not cover a filter without that criterion (mail may lack a From);
    // on the subject it does (every message has one).
    #expect(!FilterMatcher.shadows(filter(from: "*"), filter(subject: "Hi")))
    #expect(FilterMatcher.shadows(filter(subject: "*"), filter(from: "a@x.example")))
  }
}
