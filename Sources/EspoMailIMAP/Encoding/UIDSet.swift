/// UID sets as IMAP writes them: sorted, without duplicates, runs compressed ("1:5,7,9:12").
public enum UIDSet {
  /// The set text for the UIDs (any order, duplicates allowed); "" for none.
  public static func string(_ uids: [UInt32]) -> String {
    string(sorted: normalised(uids))
  }

  /// The UIDs sorted ascending without duplicates.
  public static func normalised(_ uids: [UInt32]) -> [UInt32] {
    var sorted = uids.sorted()
    var last: UInt32?
    sorted.removeAll { uid in
      defer { last = uid }
      return uid == last
    }
    return sorted
  }

  /// Consecutive pieces of at most `size` UIDs each, from sorted unique UIDs.
  public static func chunks(_ sortedUIDs: [UInt32], size: Int) -> [ArraySlice<UInt32>] {
    let size = max(1, size)
    return stride(from: 0, to: sortedUIDs.count, by: size).map { sortedUIDs[$0..<min($0 + size, sortedUIDs.count)] }
  }

  /// The set text for UIDs already sorted and unique.
  static func string(sorted uids: some Collection<UInt32>) -> String {
    var parts: [String] = []
    var runStart: UInt32?
    var previous: UInt32 = 0
    func closeRun() {
      guard let start = runStart else { return }
      parts.append(start == previous ? String(start) : "\(start):\(previous)")
    }
    for uid in uids {
      if runStart != nil, uid == previous &+ 1, previous != UInt32.max {
        previous = uid
        continue
      }
      closeRun()
      runStart = uid
      previous = uid
    }
    closeRun()
    return parts.joined(separator: ",")
  }
}
