import EspoMailCore
import EspoMailSecrets
import EspoMailTestSupport
import Foundation
import Testing

@Suite struct SecretBoxTests {
  @Test func sealsAndOpensWithAPrivateKeyFile() throws {
    let directory = try TemporaryDirectory()
    let keyPath = directory.file("store.sqlite.key")
    let box = try SecretBox.createKey(at: keyPath)
    let sealed = try box.seal("hunter2 ünïcode")
    #expect(!String(decoding: sealed, as: UTF8.self).contains("hunter2"))
    #expect(try SecretBox(keyFile: keyPath).open(sealed) == "hunter2 ünïcode")
    let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
    #expect(try box.seal("same") != box.seal("same"))  // fresh nonce each time
  }

  @Test func anotherKeyCannotOpenIt() throws {
    let directory = try TemporaryDirectory()
    let sealed = try SecretBox.createKey(at: directory.file("a.key")).seal("secret")
    #expect(throws: EspoMailError.self) { try SecretBox.createKey(at: directory.file("b.key")).open(sealed) }
    var tampered = sealed
    tampered[tampered.count - 1] ^= 1
    #expect(throws: EspoMailError.self) { try SecretBox(keyFile: directory.file("a.key")).open(tampered) }
  }

  @Test func aMissingKeyIsAnErrorNamingItAndNeverReplaced() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("gone.key")
    let error = #expect(throws: EspoMailError.self) { try SecretBox(keyFile: path) }
    #expect(error?.message.contains(path) == true)
    #expect(error?.status == .configuration)
    #expect(!FileManager.default.fileExists(atPath: path))
    try SecretBox.createKey(at: path)
    #expect(throws: EspoMailError.self) { try SecretBox.createKey(at: path) }
  }
}
