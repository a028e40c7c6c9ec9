import EspoMailCore
import EspoMailStore
import Foundation

extension Session {
  /// Held quarantine entries (or all with `all`), admins only.
  public func listQuarantine(all: Bool) throws -> [QuarantineEntry] {
    try requireAdmin("quarantine list")
    return try store.read { try $0.quarantineEntries(all: all) }
  }

  /// One entry and its kept bytes, admins only.
  public func showQuarantine(_ id: Int64) throws -> (entry: QuarantineEntry, bytes: [UInt8]) {
    try requireAdmin("quarantine show")
    return try store.read { tx in
      let entry = try tx.quarantineEntry(id: id).orNotFound("quarantine entry", "\(id)")
      return (entry, try tx.quarantineBytes(id: id) ?? [])
    }
  }

  /// Tries to import a held entry again under the current rules; on success it is marked imported
  /// and its ledger row points at the email.
  public func retryQuarantine(_ id: Int64, now: Date = Date()) throws -> QuarantineEntry {
    try requireAdmin("quarantine retry")
    return try store.write { tx in
      let entry = try tx.quarantineEntry(id: id).orNotFound("quarantine entry", "\(id)")
      guard entry.status == .held else {
        throw EspoMailError(.dataError, "quarantine entry \(id) is already \(entry.status.rawValue)")
      }
      let bytes = try tx.quarantineBytes(id: id) ?? []
      let account = try tx.quarantineAccountID(id: id).flatMap { try tx.mailAccount(id: $0) }
      let importer = try Importer(tx: tx, account: account, now: now)
      switch try importer.importMessage(bytes, key: nil) {
      case .imported(let emailID, _), .merged(let emailID, _), .tooLarge(let emailID, _):
        try tx.resolveQuarantine(id: id, status: .imported, emailID: emailID)
        try tx.settleQuarantined(quarantineID: id, emailID: emailID)
      case .quarantined(_, let reason):
        throw EspoMailError(.dataError, "still cannot import entry \(id): \(reason)")
      case .skipped(let filter):
        throw EspoMailError(.internalError, "filter \(filter) skipped a quarantine retry")
      case .expunged:
        throw EspoMailError(.internalError, "a quarantine retry was settled as expunged")
      }
      return try tx.quarantineEntry(id: id).orNotFound("quarantine entry", "\(id)")
    }
  }

  /// Gives up on a held entry (its bytes stay for reference).
  public func dropQuarantine(_ id: Int64) throws -> QuarantineEntry {
    try requireAdmin("quarantine drop")
    return try store.write { tx in
      let entry = try tx.quarantineEntry(id: id).orNotFound("quarantine entry", "\(id)")
      guard entry.status == .held else {
        throw EspoMailError(.dataError, "quarantine entry \(id) is already \(entry.status.rawValue)")
      }
      try tx.resolveQuarantine(id: id, status: .dropped, emailID: nil)
      return try tx.quarantineEntry(id: id).orNotFound("quarantine entry", "\(id)")
    }
  }
}
