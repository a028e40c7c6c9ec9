/// What a user may choose to get by email as well (`notification preferences --email`); the raw
/// values are the stored and shown words.
public enum NotificationTopic: String, CaseIterable, Codable, Sendable, Comparable {
  /// A new email on a record the user follows (not a case).
  case followed
  /// A case assigned to the user.
  case assigned
  /// A new email on a case the user follows or is assigned.
  case caseMail = "case-mail"

  /// The topic of a notification, nil for kinds never mailed (a newly given email: the user has
  /// the mail itself already).
  public static func of(_ kind: NotificationKind, record: RecordReference?) -> NotificationTopic? {
    switch kind {
    case .assigned: .assigned
    case .note: record?.type == .case ? .caseMail : .followed
    case .emailReceived: nil
    }
  }

  /// Topics from a comma-separated list (`followed,assigned`, or `none` for no topic).
  public static func list(parsing text: String) throws -> [NotificationTopic] {
    let words = text.split(separator: ",").map { String($0).trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
    if words == ["none"] { return [] }
    let accepted = allCases.map(\.rawValue).joined(separator: ",") + "|none"
    guard !words.isEmpty else { throw EspoMailError.malformed("email notification topics", text, accepted: accepted) }
    var topics: [NotificationTopic] = []
    for word in words {
      guard let topic = NotificationTopic(rawValue: word) else {
        throw EspoMailError.malformed("email notification topic", word, accepted: accepted)
      }
      if !topics.contains(topic) { topics.append(topic) }
    }
    return topics.sorted()
  }

  /// Topics in their fixed order (followed, assigned, case-mail).
  public static func < (lhs: NotificationTopic, rhs: NotificationTopic) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
