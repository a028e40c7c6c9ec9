import EspoMailCore
import EspoMailMIME
import EspoMailStore

/// The global and account filters that run at fetch time, in order: skips before moves, global
/// before the account's own; first match wins.
struct FetchFilterSet: Sendable {
  /// The filters in the order they are tried.
  let ordered: [EmailFilter]

  /// Loads an account's fetch filters.
  init(accountID: Int64, tx: Transaction) throws {
    let all = try tx.fetchFilters(accountID: accountID)
    ordered = all.filter { $0.action == .skip } + all.filter { $0.action == .moveToGroupFolder }
  }

  /// Whether any filter skips messages (the only action taken from the headers alone).
  var skipsAny: Bool { ordered.contains { $0.action == .skip } }

  /// The first filter matching, and why; nil when none does.
  func verdict(for subject: FilterSubject) -> (filter: EmailFilter, reason: String)? {
    for filter in ordered {
      let result = FilterMatcher.match(filter, subject)
      if result.matches { return (filter, result.reason) }
    }
    return nil
  }

  /// What filters see of a message parsed from its headers alone.
  static func headerSubject(_ message: ParsedMessage) -> FilterSubject {
    FilterSubject(
      from: message.from.first?.address, recipients: (message.to + message.cc).map(\.address), subject: message.subject,
      bodies: nil)
  }

  /// What filters see of a whole message.
  static func subject(_ email: NewEmail) -> FilterSubject {
    FilterSubject(
      from: email.from?.address, recipients: (email.to + email.cc).map(\.address), subject: email.subject,
      bodies: [email.bodyPlain, email.bodyHTML].compactMap { $0 })
  }
}
