internal import CCrypto
import EspoMailCore
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// Encrypts account secrets at rest with AES-256-GCM under a 32-byte key kept in a file beside the
/// store (mode 0600). A stolen store without its key file reveals no password.
public struct SecretBox: Sendable {
  private let key: [UInt8]
  private static let version: UInt8 = 1
  private static let nonceLength = 12
  private static let tagLength = 16

  /// Loads an existing key file; a missing one is an error naming it, never silently replaced
  /// (a new key would leave every stored password unreadable).
  public init(keyFile path: String) throws {
    guard let existing = FileManager.default.contents(atPath: path) else {
      if FileManager.default.fileExists(atPath: path) {
        throw EspoMailError(.permissionDenied, "cannot read the key file \(path)", hint: "run espomail as the store's owner")
      }
      throw EspoMailError.configuration(
        "the key file \(path) is missing, so stored passwords can be neither opened nor sealed",
        hint: "restore it from the backup made with the store; a store that never had one gets it with 'espomail key create'")
    }
    guard existing.count == 32 else {
      throw EspoMailError.configuration(
        "the key file \(path) is damaged (\(existing.count) bytes, expected 32)",
        hint: "restore it from backup; without it stored passwords must be entered again")
    }
    key = [UInt8](existing)
  }

  /// Creates a key file with a fresh random key (0600, written and synced before it is used);
  /// throws a data error when one exists already.
  @discardableResult
  public static func createKey(at path: String) throws -> SecretBox {
    try write(try randomBytes(32), at: path)
    return try SecretBox(keyFile: path)
  }

  /// Gives another store the same key: writes this key to a new file at `path` (0600, its folder
  /// created 0700 if missing; written and synced), so passwords sealed under it open there too.
  /// Throws a data error when a file exists there already.
  public func copy(to path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    try Self.write(key, at: path)
  }

  /// Whether the key file at `path` holds this key.
  public func isStored(at path: String) -> Bool {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) == key } ?? false
  }

  /// Writes key bytes to a new 0600 file, synced before it is used.
  private static func write(_ fresh: [UInt8], at path: String) throws {
    let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw EspoMailError(.dataError, "a key file already exists at \(path)", hint: "it is kept; nothing was changed")
      }
      throw EspoMailError(.ioError, "cannot create the key file \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    guard Glibc.write(descriptor, fresh, fresh.count) == fresh.count, fsync(descriptor) == 0 else {
      throw EspoMailError(.ioError, "cannot write the key file \(path)")
    }
  }

  /// Encrypts a secret: version byte, nonce, ciphertext, tag.
  public func seal(_ secret: String) throws -> [UInt8] {
    let nonce = try Self.randomBytes(Self.nonceLength)
    let plaintext = [UInt8](secret.utf8)
    guard let context = EVP_CIPHER_CTX_new() else { throw Self.failure("cipher context") }
    defer { EVP_CIPHER_CTX_free(context) }
    var output = [UInt8](repeating: 0, count: plaintext.count + 16)
    var tag = [UInt8](repeating: 0, count: Self.tagLength)
    var length: Int32 = 0
    var total = 0
    guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
      ccrypto_gcm_set_iv_length(context, Int32(Self.nonceLength)) == 1,
      EVP_EncryptInit_ex(context, nil, nil, key, nonce) == 1,
      EVP_EncryptUpdate(context, &output, &length, plaintext, Int32(plaintext.count)) == 1
    else { throw Self.failure("encrypt") }
    total = Int(length)
    let finalOK = output.withUnsafeMutableBufferPointer { buffer in
      EVP_EncryptFinal_ex(context, buffer.baseAddress.map { $0 + total }, &length) == 1
    }
    guard finalOK, ccrypto_gcm_get_tag(context, Int32(Self.tagLength), &tag) == 1 else { throw Self.failure("encrypt") }
    total += Int(length)
    return [Self.version] + nonce + output.prefix(total) + tag
  }

  /// Decrypts a sealed secret; throws a configuration error when the key does not match.
  public func open(_ sealed: [UInt8]) throws -> String {
    guard sealed.count >= 1 + Self.nonceLength + Self.tagLength, sealed[0] == Self.version else {
      throw EspoMailError.configuration("a stored secret is damaged", hint: "set the password again")
    }
    let nonce = Array(sealed[1..<(1 + Self.nonceLength)])
    let ciphertext = Array(sealed[(1 + Self.nonceLength)..<(sealed.count - Self.tagLength)])
    var tag = Array(sealed.suffix(Self.tagLength))
    guard let context = EVP_CIPHER_CTX_new() else { throw Self.failure("cipher context") }
    defer { EVP_CIPHER_CTX_free(context) }
    var output = [UInt8](repeating: 0, count: ciphertext.count + 16)
    var length: Int32 = 0
    guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
      ccrypto_gcm_set_iv_length(context, Int32(Self.nonceLength)) == 1,
      EVP_DecryptInit_ex(context, nil, nil, key, nonce) == 1,
      EVP_DecryptUpdate(context, &output, &length, ciphertext, Int32(ciphertext.count)) == 1,
      ccrypto_gcm_set_tag(context, Int32(Self.tagLength), &tag) == 1
    else { throw Self.failure("decrypt") }
    let total = Int(length)
    let verified = output.withUnsafeMutableBufferPointer { buffer in
      EVP_DecryptFinal_ex(context, buffer.baseAddress.map { $0 + total }, &length) == 1
    }
    guard verified else {
      throw EspoMailError.configuration(
        "a stored secret cannot be decrypted with this store's key file",
        hint: "the key file beside the store was replaced; set the password again")
    }
    return String(decoding: output.prefix(total), as: UTF8.self)
  }

  private static func randomBytes(_ count: Int) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    guard RAND_bytes(&bytes, Int32(count)) == 1 else { throw failure("random bytes") }
    return bytes
  }

  private static func failure(_ step: String) -> EspoMailError {
    EspoMailError(.internalError, "libcrypto failed: \(step)")
  }
}
