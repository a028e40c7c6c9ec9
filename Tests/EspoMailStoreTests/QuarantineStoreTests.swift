import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Messages kept aside with their bytes, and their resolution (`Transaction+Quarantine`).
@Suite struct QuarantineStoreTests {
  @Test("an entry keeps where it came from, why, and its bytes; held ones are listed newest first")
  func quarantineEntries() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.seedAccount(StoreSamples.account("support"))
      try tx.storeRaw(sha256: "s1", bytes: [1, 2, 3])
      try tx.storeRaw(sha256: "s2", bytes: [4])
      let first = try tx.quarantine(
        accountID: account, folder: "INBOX", uidValidity: 7, uid: 5, rawSHA256: "s1", reason: "bad MIME")
      let second = try tx.quarantine(
        accountID: nil, folder: nil, uidValidity: nil, uid: nil, rawSHA256: "s2", reason: "no From")
      let entry = try #require(try tx.quarantineEntry(id: first))
      #expect(
        (entry.account, entry.folder, entry.uid, entry.reason, entry.status, entry.size) == (
          "support", "INBOX", 5, "bad MIME", .held, 3
        ))
      #expect(entry.emailID == nil)
      #expect(try tx.quarantineBytes(id: first) == [1, 2, 3])
      #expect(try tx.quarantineAccountID(id: first) == account)
      #expect(try tx.quarantineAccountID(id: second) == nil)
      #expect(try tx.quarantineEntries(all: false).map(\.id) == [second, first])
      #expect(try tx.quarantineEntry(id: 999) == nil)
      #expect(try tx.quarantineBytes(id: 999) == nil)
    }
  }

  @Test("resolving: imported with its email or dropped; only held entries are listed unless all")
  func resolve() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.storeRaw(sha256: "s", bytes: [1])
      let imported = try tx.quarantine(
        accountID: nil, folder: nil, uidValidity: nil, uid: nil, rawSHA256: "s", reason: "r")
      let dropped = try tx.quarantine(
        accountID: nil, folder: nil, uidValidity: nil, uid: nil, rawSHA256: "s", reason: "r")
      let held = try tx.quarantine(accountID: nil, folder: nil, uidValidity: nil, uid: nil, rawSHA256: "s", reason: "r")
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.resolveQuarantine(id: imported, status: .imported, emailID: email)
      try tx.resolveQuarantine(id: dropped, status: .dropped, emailID: nil)
      #expect(try tx.quarantineEntries(all: false).map(\.id) == [held])
      #expect(try tx.quarantineEntries(all: true).map(\.id) == [held, dropped, imported])
      #expect(
        try tx.quarantineEntry(id: imported).map { [$0.status.rawValue, "\($0.emailID ?? 0)"] } == [
          "imported", "\(email)",
        ])
      #expect(try tx.quarantineEntry(id: dropped)?.status == .dropped)
    }
  }

  @Test("a retried message's ledger row becomes imported, pointing at its email")
  func settleQuarantined() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.seedAccount(StoreSamples.account("support"))
      try tx.saveCheckpoint(
        accountID: account, FolderCheckpoint(folder: "INBOX", uidValidity: 7, lastUID: 5, uidNext: 6))
      try tx.storeRaw(sha256: "s", bytes: [1])
      let id = try tx.quarantine(
        accountID: account, folder: "INBOX", uidValidity: 7, uid: 5, rawSHA256: "s", reason: "r")
      let key = ServerMessageKey(accountID: account, folder: "INBOX", uidValidity: 7, uid: 5)
      try tx.settleInLedger(key, outcome: .quarantined, emailID: nil, quarantineID: id)
      #expect(try tx.ledgerCounts(accountID: account) == ["quarantined": 1])
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.settleQuarantined(quarantineID: id, emailID: email)
      #expect(try tx.ledgerCounts(accountID: account) == ["imported": 1])
    }
  }
}
