/// Matches filters against messages and checks them when saved (with one deliberate
/// difference: the subject is matched without case too, like every other criterion).
public enum FilterMatcher {
  /// Whether a filter matches, with the reason in one line. All set criteria must match; a
  /// filter needing the body never matches when `bodies` is nil (header-only pass).
  public static func match(_ filter: EmailFilter, _ message: FilterSubject) -> (matches: Bool, reason: String) {
    var reasons: [String] = []
    if let pattern = filter.from {
      guard let from = message.from, wildcard(pattern, matches: from) else {
        return (false, "From \(message.from ?? "(none)") does not match \(pattern)")
      }
      reasons.append("From \(from) matches \(pattern)")
    }
    if let pattern = filter.to {
      guard let hit = message.recipients.first(where: { wildcard(pattern, matches: $0) }) else {
        return (false, "no To/CC address matches \(pattern)")
      }
      reasons.append("recipient \(hit) matches \(pattern)")
    }
    if let pattern = filter.subject {
      guard wildcard(pattern, matches: message.subject) else {
        return (false, "subject \"\(message.subject)\" does not match \(pattern)")
      }
      reasons.append("subject matches \(pattern)")
    }
    if filter.needsBody {
      guard let bodies = message.bodies else { return (false, "body criteria wait for the body") }
      let text = bodies.joined(separator: "\n").lowercased()
      let any = filter.bodyContains.filter { !$0.isEmpty }
      if !any.isEmpty {
        guard let phrase = any.first(where: { text.contains($0.lowercased()) }) else {
          return (false, "the body contains none of \(any.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        reasons.append("body contains \"\(phrase)\"")
      }
      let all = filter.bodyContainsAll.filter { !$0.isEmpty }
      if let missing = all.first(where: { !text.contains($0.lowercased()) }) {
        return (false, "the body lacks \"\(missing)\"")
      }
      if !all.isEmpty { reasons.append("body contains all of \(all.map { "\"\($0)\"" }.joined(separator: ", "))") }
    }
    return (true, reasons.joined(separator: "; "))
  }

  /// `*` matches any run of characters; everything else literally; no case; whole string.
  public static func wildcard(_ pattern: String, matches text: String) -> Bool {
    let pattern = Array(pattern.lowercased())
    let text = Array(text.lowercased())
    var (p, t) = (0, 0)
    var star: Int?
    var resume = 0
    while t < text.count {
      if p < pattern.count, pattern[p] != "*", pattern[p] == text[t] {
        p += 1
        t += 1
      } else if p < pattern.count, pattern[p] == "*" {
        star = p
        resume = t
        p += 1
      } else if let star {
        p = star + 1
        resume += 1
        t = resume
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  /// Checks a filter before it is saved: at least one criterion, patterns that can match, an
  /// action the scope allows, and the action's folder.
  public static func validate(_ filter: EmailFilter, groupAccount: Bool) throws {
    let phrases = (filter.bodyContains + filter.bodyContainsAll).filter { !$0.trimmingWhitespace().isEmpty }
    guard filter.from != nil || filter.to != nil || filter.subject != nil || !phrases.isEmpty else {
      throw EspoMailError.invalid(
        "filter '\(filter.name)'", "it has no criterion and would match every message",
        hint: "give --from, --to, --subject or --body-contains")
    }
    for (flag, pattern) in [("--from", filter.from), ("--to", filter.to)] {
      guard let pattern else { continue }
      guard !pattern.isEmpty, !pattern.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" })
      else {
        throw EspoMailError.invalid(
          "\(flag) '\(pattern)'", "an address never contains spaces or <>, so this can never match",
          hint: "write the address or a wildcard such as *@example.com")
      }
    }
    if let subject = filter.subject, subject.isEmpty || subject.contains(where: \.isNewline) {
      throw EspoMailError.invalid("--subject", "an empty pattern or one with a line break can never match")
    }
    let allowed = FilterAction.allowed(in: filter.scope, groupAccount: groupAccount)
    guard allowed.contains(filter.action) else {
      throw EspoMailError.invalid(
        "--action \(filter.action.rawValue)",
        "\(filter.scope.rawValue) filters\(filter.scope == .account ? " of \(groupAccount ? "group" : "personal") accounts" : "") allow \(allowed.map(\.rawValue).joined(separator: ", "))")
    }
    if filter.action == .moveToFolder, filter.folder == nil {
      throw EspoMailError(.usage, "move-to-folder needs --folder NAME")
    }
    if filter.action == .moveToGroupFolder, filter.groupFolder == nil {
      throw EspoMailError(.usage, "move-to-group-folder needs --folder NAME (a group folder)")
    }
    if filter.scope != .user, filter.markRead || filter.skipNotification {
      throw EspoMailError.invalid("--mark-read/--skip-notification", "only user filters mark read or skip notifications")
    }
  }

  /// Whether an earlier filter of the same scope matches everything this one does, so this one
  /// would never fire: each of the earlier one's criteria is unset, the same pattern, or a pattern
  /// that matches the later one's literal value. An address criterion set only on the earlier one
  /// never covers, since a message may lack the From or any recipient; a subject of `*` does (every
  /// message has a subject, if empty).
  public static func shadows(_ earlier: EmailFilter, _ later: EmailFilter) -> Bool {
    func covers(_ pattern: String?, _ other: String?, alwaysPresent: Bool) -> Bool {
      guard let pattern else { return true }
      guard let other else { return alwaysPresent && pattern.allSatisfy { $0 == "*" } }
      return pattern.lowercased() == other.lowercased() || (!other.contains("*") && wildcard(pattern, matches: other))
    }
    return covers(earlier.from, later.from, alwaysPresent: false) && covers(earlier.to, later.to, alwaysPresent: false)
      && covers(earlier.subject, later.subject, alwaysPresent: true)
      && Set(earlier.bodyContainsAll.map { $0.lowercased() }).isSubset(of: Set(later.bodyContainsAll.map { $0.lowercased() }))
      && (earlier.bodyContains.isEmpty
        || (!later.bodyContains.isEmpty
          && Set(later.bodyContains.map { $0.lowercased() }).isSubset(of: Set(earlier.bodyContains.map { $0.lowercased() }))))
  }
}
