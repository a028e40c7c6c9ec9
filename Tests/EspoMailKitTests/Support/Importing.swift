import EspoMailStore
import EspoMailTestSupport
import Foundation

@testable import EspoMailKit

extension ScratchStore {
  /// Imports one message as a fetch of `account` (nil: no account) would, in its own transaction.
  @discardableResult
  func importMessage(_ raw: [UInt8], account: String? = nil, now: Date = Date()) throws -> ImportOutcome {
    try write { tx in
      let mailAccount = try account.map { try tx.mailAccount(name: $0).orNotFound("email account", $0) }
      return try Importer(tx: tx, account: mailAccount, now: now).importMessage(raw, key: nil)
    }
  }

  /// Imports one message and returns the new email's id; fails unless it was imported as new.
  func importNew(_ raw: [UInt8], account: String? = nil, now: Date = Date()) throws -> Int64 {
    guard case .imported(let id, _) = try importMessage(raw, account: account, now: now) else {
      throw TestSupportError("the message was not imported as a new email")
    }
    return id
  }
}
