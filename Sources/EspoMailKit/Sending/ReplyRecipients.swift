import EspoMailCore
import EspoMailStore

/// Who a reply goes to (Docs/sending.md, "Replies"): the replied email's Reply-To, else its From;
/// replying to all adds its other To and Cc recipients. Reply-all leaves out the replier's own
/// addresses and those of accounts marked `--exclude-from-reply` (a group address in Cc would
/// otherwise send the team its own reply); an address appears once.
struct ReplyRecipients {
  /// The To recipients.
  var to: [NamedAddress] = []
  /// The Cc recipients.
  var cc: [NamedAddress] = []

  /// The recipients of a reply to `replied`; `own` and `excluded` are lower-cased addresses.
  init(replying replied: EmailDetail, all: Bool, own: Set<String>, excluded: Set<String>) {
    var seen = own
    if all { seen.formUnion(excluded) }
    func take(_ parties: [EmailParty], into list: inout [NamedAddress]) {
      for party in parties {
        guard var named = try? NamedAddress(parsing: party.address), seen.insert(named.address.lower).inserted else { continue }
        if let name = party.name, (try? HeaderText.check(name, field: "name")) != nil { named.name = name }
        list.append(named)
      }
    }
    let replyTo = (try? replied.replyTo.map(NamedAddress.list) ?? []) ?? []
    let sender = replyTo.isEmpty
      ? [replied.summary.from].compactMap { $0 } : replyTo.map { EmailParty(name: $0.name, address: $0.address.value) }
    // A reply to one's own mail goes to its recipients, as mail clients do.
    let senderIsOwn = sender.allSatisfy { own.contains($0.address.lowercased()) }
    take(senderIsOwn ? replied.summary.to : sender, into: &to)
    guard all else { return }
    take(replied.summary.to, into: &to)
    take(replied.summary.cc, into: &cc)
  }
}
