import EspoMailCore
import EspoMailSecrets
import EspoMailStore
import Foundation

extension Store {
  /// The box that seals and opens this store's passwords, from its key file. A PostgreSQL store's
  /// hosts each hold a copy of one key, so a host without it is told to fetch that copy rather
  /// than to make a new key (Docs/postgresql.md, "The sealing key").
  func secretBox() throws -> SecretBox {
    guard engine == .postgresql, !FileManager.default.fileExists(atPath: keyFile) else {
      return try SecretBox(keyFile: keyFile)
    }
    throw EspoMailError.configuration(
      "the key file \(keyFile) is missing on this host, so the store's passwords can be neither opened nor sealed here",
      hint: "copy the key file (0600) from a host that fetches this store to \(keyFile), or point ESPOMAIL_KEY_FILE "
        + "at the copy; every host of a PostgreSQL store uses the same key (Docs/postgresql.md)")
  }
}
