import EspoMailCore
import EspoMailKit
import Yams

/// The YAML form of a store's set-up (Docs/configuration.md), through Yams.
enum ConfigurationYAML {
  /// The document as YAML: keys sorted, so the same set-up always reads the same, and multi-line
  /// text (template bodies) as literal blocks.
  static func text(of document: StoreConfiguration) throws -> String {
    let encoder = YAMLEncoder()
    encoder.options.sortKeys = true
    encoder.options.allowUnicode = true
    encoder.options.newLineScalarStyle = .literal
    return """
      # espomail configuration (Docs/configuration.md): apply with 'espomail config apply FILE'.
      # Secrets are references: 'secret: sealed' is a password kept encrypted in the store, set separately.

      """ + (try encoder.encode(document))
  }

  /// Reads a document (YAML, or JSON, which is YAML too); a malformed one is a data error naming
  /// where it goes wrong.
  static func document(from bytes: [UInt8], named file: String) throws -> StoreConfiguration {
    let name = file == "-" ? "standard input" : file
    do {
      return try YAMLDecoder().decode(StoreConfiguration.self, from: String(decoding: bytes, as: UTF8.self))
    } catch let error as DecodingError {
      throw EspoMailError(.dataError, "\(name) is not an espomail configuration: \(Self.describe(error))",
        hint: "'espomail config export' writes one to start from; Docs/configuration.md describes every key")
    } catch {
      throw EspoMailError(.dataError, "\(name) is not valid YAML: \(error)")
    }
  }

  /// A decoding error as a path and a reason.
  private static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
      codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      let place = path(context.codingPath)
      let reason = context.underlyingError.map { "\($0)" } ?? context.debugDescription
      return place.isEmpty ? reason : "\(place): \(reason)"
    @unknown default: return "\(error)"
    }
  }
}
