import EspoMailCore
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
