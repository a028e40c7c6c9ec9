import EspoMailTestSupport
import Foundation
import Testing

/// `email attachment`: listing and writing out attachments byte for byte, from the kept raw
/// message; and raw messages with 8-bit bytes reaching stdout unchanged.
@Suite struct EmailAttachmentTests {
  /// Every byte value, so any text decoding on the way would show.
  private let binary = (0..<3000).map { UInt8($0 % 256) }

  private func message() -> [UInt8] {
    let encoded = Data(binary).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
    let head = """
      From: Jane <jane@acme.example>\r
      To: alice@example.com\r
      Subject: Invoice \u{E9}t\u{E9}\r
      Message-ID: <attach-1@test.example>\r
      Date: Mon, 02 Nov 2026 10:00:00 +0000\r
      MIME-Version: 1.0\r
      Content-Type: multipart/related; boundary="b1"\r
      \r
      --b1\r
      Content-Type: text/html; charset=iso-8859-1\r
      Content-Transfer-Encoding: 8bit\r
      \r
      <p>See the logo <img src="cid:logo@acme"> and the invoice.</p>\r
      --b1\r
      Content-Type: image/png\r
      Content-ID: <logo@acme>\r
      Content-Disposition: inline; filename="logo.png"\r
      Content-Transfer-Encoding: base64\r
      \r
      iVBORw0KGgo=\r
      --b1\r
      Content-Type: application/pdf; name="invoice.pdf"\r
      Content-Disposition: attachment; filename="../../invoice.pdf"\r
      Content-Transfer-Encoding: base64\r
      \r

      """
    var bytes = Array(head.utf8)
    bytes += Array(encoded.utf8) + Array("\r\n--b1--\r\n".utf8)
    // An 8-bit Latin-1 byte in the HTML part: the raw message is not valid UTF-8.
    let latin1 = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
    let marker = Array("<p>See".utf8)
    if let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) {
      bytes.insert(contentsOf: latin1, at: start)
    }
    return bytes
  }

  @Test func attachmentsAreListedAndWrittenByteForByte() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    try store.grantOwnMail("alice")
    let raw = message()
    let file = store.directory.file("m.eml")
    try Data(raw).write(to: URL(fileURLWithPath: file))
    let id = try #require(try store.json(["email", "import", file]).object()["id"] as? Int)

    let listed = try store.json(["email", "attachment", "\(id)"]).array()
    #expect(listed.map { $0["name"] as? String } == ["logo.png", "invoice.pdf"])  // no path parts
    #expect(listed.map { $0["isInline"] as? Bool } == [true, false])
    #expect(listed.first?["contentId"] as? String == "logo@acme")
    #expect(listed.last?["size"] as? Int == binary.count)
    #expect(listed.last?["number"] as? Int == 2)

    let target = store.directory.file("out.pdf")
    let written = try store.json(["email", "attachment", "\(id)", "2", "--output", target]).object()
    #expect(written["name"] as? String == "invoice.pdf")
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: target))) == binary)
    #expect(store.run(["email", "attachment", "\(id)", "2", "--output", target]).status == 65)  // never overwritten
    #expect(store.run(["email", "attachment", "\(id)", "3"]).status == 66)
    #expect(store.run(["email", "attachment", "\(id)", "0"]).status == 64)
    #expect(store.run(["email", "attachment", "\(id)", "--output", target]).status == 64)
    #expect(try store.json(["email", "attachment", "\(id)"], as: "alice").array().count == 2)
    try store.json(["user", "add", "bob"])
    #expect(store.run(["email", "attachment", "\(id)"], as: "bob").status == 77)

    // Through the real binary, stdout carries the bytes unchanged: the attachment and the raw
    // message with its 8-bit Latin-1 byte.
    let environment = store.environment
    let attachment = try BinaryRunner.bytes(["email", "attachment", "\(id)", "2"], environment: environment)
    #expect(attachment.status == 0)
    #expect(attachment.stdout == binary)
    let shown = try BinaryRunner.bytes(["email", "show", "\(id)", "--raw"], environment: environment)
    #expect(shown.stdout == raw)
  }
}
