import EspoMailMIME
import Foundation
import Testing

/// The `.eml` fixtures shipped in the test bundle.
enum Fixture {
  /// The Fixtures folder inside the test bundle.
  static func directory() throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  }

  /// The URL of fixture `name`.
  static func url(_ name: String) throws -> URL {
    try directory().appendingPathComponent(name)
  }

  /// The raw bytes of fixture `name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: url(name)))
  }

  /// Fixture `name` parsed by `MessageParser.parse`.
  static func parse(_ name: String) throws -> ParsedMessage {
    try MessageParser.parse(bytes(name))
  }

  /// Every `.eml` fixture name, sorted.
  static func allNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory().path)
      .filter { $0.hasSuffix(".eml") }.sorted()
  }
}
