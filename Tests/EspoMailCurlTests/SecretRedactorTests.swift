import EspoMailCurl
import Foundation
import Testing

@Suite struct SecretRedactorTests {
  private let redactor = SecretRedactor(username: "alice", secret: .password("s3cret\"pw\\x"))

  @Test func everyPlainFormIsHidden() {
    #expect(redactor.redact("a1 NO invalid password 's3cret\"pw\\x'") == "a1 NO invalid password '<redacted>'")
    #expect(redactor.redact("a1 NO bad \"s3cret\\\"pw\\\\x\"") == "a1 NO bad \"<redacted>\"")
    #expect(redactor.redact("a1 OK nothing secret here") == "a1 OK nothing secret here")
  }

  @Test func theSecretInsideAnyBase64IsHidden() {
    let secret = Array("s3cret\"pw\\x".utf8)
    for prefix in 0..<6 {
      let bytes = Array(repeating: UInt8(ascii: "q"), count: prefix) + secret + Array("tail".utf8)
      let encoded = Data(bytes).base64EncodedString()
      #expect(redactor.redact("NO cannot decode \(encoded)").contains("<redacted>"), "prefix \(prefix)")
    }
    let plain = Data(("\u{0}alice\u{0}" + "s3cret\"pw\\x").utf8).base64EncodedString()
    #expect(redactor.redact("NO \(plain)") == "NO <redacted>")
  }

  @Test func aTokenAndItsXOAUTH2MessageAreHidden() {
    let token = SecretRedactor(username: "alice", secret: .bearer("ya29.tok"))
    let message = Data("user=alice\u{1}auth=Bearer ya29.tok\u{1}\u{1}".utf8).base64EncodedString()
    #expect(token.redact("NO \(message) ya29.tok") == "NO <redacted> <redacted>")
    #expect(SecretRedactor.none.redact("NO ya29.tok") == "NO ya29.tok")
  }
}
