internal import CLibPQ
import EspoMailCore

/// A failed PostgreSQL statement, read from its SQLSTATE: the store's error for it says what
/// happened without the statement's values (the primary message names a constraint, never a row).
struct PostgresError {
  /// The five-character SQLSTATE, or "" when the server gave none (a lost connection).
  let state: String
  /// The server's primary message.
  let message: String

  /// The error of a failed result.
  init(result: OpaquePointer, connectionMessage: String) {
    func field(_ code: Int32) -> String? {
      PQresultErrorField(result, code).map { String(cString: $0) }
    }
    state = field(Int32(UInt8(ascii: "C"))) ?? ""
    message = field(Int32(UInt8(ascii: "M"))) ?? connectionMessage
  }

  /// The store's error: busy for conflicts worth retrying, refused for constraints and
  /// privileges, I/O for a lost server or a full disk.
  var storeError: EspoMailError {
    switch state {
    case "40001", "40P01", "55P03":
      return EspoMailError(.tryAgain, "the store is busy (\(message))", hint: "try again shortly")
    case "23505", "23503", "23514", "23502":
      return EspoMailError(.dataError, "the store refused the change: \(message)")
    case "42501":
      return EspoMailError(
        .permissionDenied, "the PostgreSQL store refused: \(message)",
        hint: "your database role may not do this; a user's own login role reads and changes what their espomail "
          + "roles allow, and leaves fetching, sending and administration to the service (Docs/security.md)")
    case "53100":
      return EspoMailError(.ioError, "the PostgreSQL server's disk is full")
    case let state where state.hasPrefix("08") || state.isEmpty || state.hasPrefix("57P"):
      return EspoMailError(.ioError, "lost the PostgreSQL store: \(message)", hint: "check that the server is running")
    default:
      return EspoMailError(.internalError, "store error (\(state)): \(message)")
    }
  }
}
