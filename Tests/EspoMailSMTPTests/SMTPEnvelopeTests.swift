import EspoMailCore
import Testing

@testable import EspoMailSMTP

@Suite struct SMTPEnvelopeTests {
  @Test func crlfMessagesAreLeftAsTheyAre() {
    let bytes = Array("A: b\r\n\r\nbody\r\n".utf8)
    #expect(LineEnds.crlf(bytes) == bytes)
    #expect(LineEnds.firstBareBreak(in: bytes) == nil)
  }

  @Test(arguments: [
    ("a\nb", "a\r\nb"), ("a\rb", "a\r\nb"), ("a\r\n\nb\r", "a\r\n\r\nb\r\n"), ("\n", "\r\n"),
    ("a\r\r\nb", "a\r\n\r\nb"),
  ])
  func bareLineEndsBecomeCRLF(input: String, expected: String) {
    #expect(LineEnds.crlf(Array(input.utf8)) == Array(expected.utf8))
  }

  @Test func recipientsAreSentOnceInTheirFirstSpelling() throws {
    let recipients = try SMTPClient.checkedEnvelope(
      from: "me@example.com", to: ["Ann@Example.org", "bob@example.org", "ann@example.org", "bob@example.org"])
    #expect(recipients == ["Ann@Example.org", "bob@example.org"])
  }

  @Test func theNullSenderIsAllowed() throws {
    #expect(try SMTPClient.checkedEnvelope(from: "", to: ["a@example.org"]) == ["a@example.org"])
  }

  @Test func addressProblemsAreNamed() {
    #expect(EnvelopeAddress.problem(in: "ann@example.org") == nil)
    #expect(EnvelopeAddress.problem(in: "ännä@exämple.org") == nil)
    #expect(EnvelopeAddress.problem(in: "a\r\nb@example.org") == "it contains a line break (CR or LF)")
    #expect(EnvelopeAddress.problem(in: "<a@example.org>") == "it contains an angle bracket")
    #expect(EnvelopeAddress.problem(in: "a\u{1}@example.org") == "it contains a control character")
    #expect(EnvelopeAddress.problem(in: "a\u{00A0}b@example.org") == "it contains white space")
    #expect(EnvelopeAddress.problem(in: String(repeating: "a", count: 250) + "@example.org") != nil)
    #expect(EnvelopeAddress.shown("a\r\n\0b") == #"'a\r\n\0b'"#)
  }
}
