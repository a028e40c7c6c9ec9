import EspoMailCore
import EspoMailIMAP

extension EspoMailError {
  /// Any error as the user should see it: espomail's own as they are, the IMAP engine's in their
  /// user-facing form, anything else as an internal error (a bug).
  static func userFacing(_ error: any Error) -> EspoMailError {
    if let error = error as? EspoMailError { return error }
    if let error = error as? IMAPError { return error.espoMailError }
    return EspoMailError(.internalError, "\(error)")
  }
}
