@testable import EspoMailCore
import Testing

@Suite struct EmailAddressTests {
  @Test(arguments: ["a@b.co", "Alice.Smith+tag@Example.COM", "x_y-z@mail.example.org", "root@localhost"])
  func acceptsValidAddresses(_ text: String) throws {
    #expect(try EmailAddress(text).value == text)
  }

  @Test(arguments: [
    "", "plain", "a@b", "a@@b.co", "a b@c.co", "a@b..co", ".a@b.co", "a@-b.co", "a@b.co\r\nBcc: x@y.co",
    "<a@b.co>", "a,b@c.co",
  ])
  func rejectsInvalidAddresses(_ text: String) {
    #expect(throws: EspoMailError.self) { try EmailAddress(text) }
  }

  /// The byte-level fast path accepts nothing the character rules reject, and accepts the
  /// common addresses (so it is really taken).
  @Test func fastPathAgreesWithTheRules() {
    var inputs = [
      "a@b.co", "Alice.Smith+tag@Example.COM", "x_y-z@mail.example.org", "a@b", "a@@b.co", "a@b..co", ".a@b.co",
      "a.@b.co", "a..b@c.co", "a@-b.co", "a@b-.co", "a@b.co-", "<a@b.co>", "a,b@c.co", "a\"b@c.co", "a@b_c.co",
      "a@b.c\u{7F}o", "@b.co", "a@.co", "a@b.", "a@[1.2.3.4]", String(repeating: "x", count: 65) + "@b.co",
      "x@" + String(repeating: "y", count: 64) + ".co", "root@localhost", "a@b.co ", "\ta@b.co",
    ]
    let alphabet = Array("ab.@-_<,\"1Z")
    var seed: UInt64 = 42
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<(1 + Int(seed % 9)) {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(seed >> 33) % alphabet.count])
      }
      inputs.append(text)
    }
    for text in inputs where EmailAddress.isPlainASCIIAddress(text) {
      #expect(EmailAddress.ruleProblem(in: text) == nil, "fast path accepted \(text)")
    }
    #expect(EmailAddress.isPlainASCIIAddress("Alice.Smith+tag@Example.COM"))
    #expect(!EmailAddress.isPlainASCIIAddress("a..b@c.co"))
  }

  @Test func comparesWithoutCase() throws {
    #expect(try EmailAddress("Jane@ACME.example") == EmailAddress("jane@acme.example"))
    #expect(try EmailAddress("Jane@ACME.example").lower == "jane@acme.example")
  }

  @Test func trimsSurroundingSpace() throws {
    #expect(try EmailAddress("  jane@acme.example \n").value == "jane@acme.example")
  }

  @Test func invalidAddressIsADataError() {
    #expect(throws: EspoMailError.self) { try EmailAddress("nope") }
    do { _ = try EmailAddress("nope") } catch let error as EspoMailError {
      #expect(error.status == .dataError)
      #expect(error.message.contains("exactly one @"))
    } catch { Issue.record("unexpected \(error)") }
  }
}
