import EspoMailCore

/// The exit status `action` fails with (`internalError` for an error that is not espomail's),
/// nil when it succeeds.
func failureStatus(_ action: () throws -> Void) -> EspoMailCore.ExitStatus? {
  do {
    try action()
    return nil
  } catch let error as EspoMailError {
    return error.status
  } catch {
    return .internalError
  }
}
