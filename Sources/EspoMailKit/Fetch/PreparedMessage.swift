import EspoMailCore
import EspoMailMIME
import EspoMailSecrets
import EspoMailStore
import Foundation

/// A message parsed, hashed and turned into an email row before any transaction opens, so this
/// CPU work can run on several cores while the store's single writer only inserts.
struct PreparedMessage: Sendable {
  /// The bytes as fetched (the header block alone for header-only imports).
  let raw: [UInt8]
  /// SHA-256 of `raw`.
  let sha256: String
  /// The email to store, or why the message cannot be imported.
  let draft: Result<NewEmail, EspoMailError>
  /// How the message departs from RFC 5322 in ways it was read despite.
  var malformations: [Malformation] = []

  /// Prepares a fully downloaded message, or a header block when `headerOnly` (over the size limit).
  static func prepare(_ raw: [UInt8], size: Int, headerOnly: Bool, now: Date) -> PreparedMessage {
    let sha = Digest.sha256Hex(raw)
    do {
      let parsed = headerOnly ? try MessageParser.parseHeaders(raw) : try MessageParser.parse(raw)
      var draft = EmailDraft.make(from: parsed, raw: raw, size: size, headerOnly: headerOnly, now: now)
      draft.rawSHA256 = sha
      return PreparedMessage(raw: raw, sha256: sha, draft: .success(draft), malformations: parsed.malformations)
    } catch let error as EspoMailError {
      return PreparedMessage(raw: raw, sha256: sha, draft: .failure(error))
    } catch {
      return PreparedMessage(raw: raw, sha256: sha, draft: .failure(EspoMailError(.dataError, "\(error)")))
    }
  }

  /// Prepares many messages using every core; results keep the input order.
  static func prepareAll(_ inputs: [(raw: [UInt8], size: Int, headerOnly: Bool)], now: Date) -> [PreparedMessage] {
    let results = ParallelResults<PreparedMessage>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      let input = inputs[index]
      results.set(index, prepare(input.raw, size: input.size, headerOnly: input.headerOnly, now: now))
    }
    return results.values.compactMap { $0 }
  }
}

/// Collects results from parallel workers, by index.
final class ParallelResults<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Value?]

  /// Room for `count` results.
  init(count: Int) { storage = Array(repeating: nil, count: count) }

  /// Stores the result at `index`.
  func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

  /// Every slot, nil where no result was stored.
  var values: [Value?] { lock.withLock { storage } }
}
