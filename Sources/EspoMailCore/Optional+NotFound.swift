extension Optional {
  /// The value, or a not-found error (exit 66) naming what was looked for.
  public func orNotFound(_ kind: String, _ name: String, hint: String? = nil) throws -> Wrapped {
    guard let self else { throw EspoMailError.notFound(kind, name, hint: hint) }
    return self
  }
}
