import EspoMailCore
import EspoMailStore
import Foundation

/// What the fetch does with one server message of a chunk, decided from its header.
enum MessagePlan: Sendable {
  /// A fetch filter skips it on its headers alone.
  case skipped(EmailFilter)
  /// The same message (Message-ID and fingerprint) is stored already: merge, without
  /// downloading the body.
  case merge(Int64)
  /// Over the size limit: import the header block only.
  case headerOnly([UInt8], size: Int)
  /// Downloaded in full.
  case body([UInt8])
  /// Gone from the folder before its header or body could be downloaded (expunged by another
  /// client): settled as expunged.
  case expunged
}

/// One chunk downloaded, planned and parsed, ready for its write transaction.
struct FetchedChunk: Sendable {
  /// The chunk's UIDs, in order.
  var uids: [UInt32]
  /// The folder.
  var folder: String
  /// The folder's checkpoint to store with the chunk.
  var checkpoint: FolderCheckpoint
  /// Each UID's plan.
  var plans: [UInt32: MessagePlan]
  /// Parsed and hashed messages, by UID, for the body and header-only plans.
  var prepared: [UInt32: PreparedMessage]
  /// The fetch filters in force.
  var filters: FetchFilterSet
  /// The clock reading the chunk is imported at.
  var time: Date
  /// The raw messages being stored ahead of the chunk's transaction on a connection of their own
  /// (`Store.storeRawMessagesAhead`), while the fetch goes on: its result is the SHA-256s stored,
  /// which the write waits for and then leaves out. Nil where the store takes them in the write.
  var rawMessagesAhead: BackgroundWork<Set<String>>?
  /// UIDs of earlier chunks whose `\Seen` the server has stored since their commit: their ledger
  /// rows stop waiting for it in this chunk's transaction.
  var seenStored: [UInt32] = []

  /// The parsed messages the write imports or quarantines, in UID order: all but those a fetch
  /// filter skips by their body.
  var keptMessages: [PreparedMessage] {
    uids.compactMap { prepared[$0] }.filter { message in
      guard case .success(let draft) = message.draft, let verdict = filters.verdict(for: FetchFilterSet.subject(draft))
      else { return true }
      return verdict.filter.action != .skip
    }
  }

  /// What importing the chunk's messages asks the store one message at a time, for
  /// `Transaction.lookAhead`: their Message-IDs with those they reply to and reference, the
  /// addresses the parent finder tries (From, the first Reply-To and To), and every sender and
  /// recipient address the kept messages store.
  var lookAheadKeys: (messageIDs: Set<String>, addresses: Set<String>, parties: [String]) {
    var messageIDs: Set<String> = []
    var addresses: Set<String> = []
    for case .success(let email) in prepared.values.map(\.draft) {
      messageIDs.insert(email.messageID)
      if let inReplyTo = email.inReplyTo { messageIDs.insert(inReplyTo) }
      for reference in email.references?.split(separator: " ") ?? [] { messageIDs.insert(String(reference)) }
      for party in [email.from, email.replyTo.first, email.to.first] {
        if let party { addresses.insert(party.address) }
      }
    }
    let parties = keptMessages.flatMap { message -> [String] in
      guard case .success(let email) = message.draft else { return [] }
      return ([email.from].compactMap { $0 } + email.to + email.cc + email.bcc + email.replyTo).map(\.address)
    }
    return (messageIDs, addresses, parties)
  }
}
