import EspoMailCore

/// Filter values for filter tests.
enum FilterSamples {
  /// A filter of a scope and action with the given criteria.
  static func filter(
    _ name: String = "f", scope: FilterScope = .global, action: FilterAction = .skip, from: String? = nil,
    to: String? = nil, subject: String? = nil, any: [String] = [], all: [String] = []
  ) -> EmailFilter {
    EmailFilter(
      id: 0, name: name, scope: scope, account: nil, user: nil, from: from, to: to, subject: subject, bodyContains: any,
      bodyContainsAll: all, action: action, folder: nil, groupFolder: nil, markRead: false, skipNotification: false,
      position: 0)
  }

  /// A message as filters see it.
  static func message(
    from: String? = "News@Letters.Example", recipients: [String] = ["alice@example.com", "Team@Example.com"],
    subject: String = "Weekly digest #42", bodies: [String]? = ["Hello,\nUnsubscribe here.", "<p>Limited OFFER</p>"]
  ) -> FilterSubject {
    FilterSubject(from: from, recipients: recipients, subject: subject, bodies: bodies)
  }
}
