import EspoMailIMAP
import Testing

@Suite struct ModifiedUTF7Tests {
  static let pairs: [(String, String)] = [
    ("INBOX", "INBOX"),
    ("Entwürfe", "Entw&APw-rfe"),
    ("&", "&-"),
    ("Tom & Jerry", "Tom &- Jerry"),
    ("&&-", "&-&--"),
    ("日本語", "&ZeVnLIqe-"),
    ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
    ("Gelöschte Elemente", "Gel&APY-schte Elemente"),
    ("Отправленные", "&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-"),
    ("📬 Post", "&2D3c7A- Post"),
    ("a\u{7f}b", "a&AH8-b"),
  ]

  @Test(arguments: pairs)
  func roundTrips(_ name: String, _ wire: String) {
    #expect(ModifiedUTF7.encode(name) == wire)
    #expect(ModifiedUTF7.decode(wire) == name)
  }

  @Test func rejectsInvalidWireNames() {
    #expect(ModifiedUTF7.decode("Entw&APw") == nil)  // no closing "-"
    #expect(ModifiedUTF7.decode("&AGE-") == nil)  // encodes printable ASCII "a"
    #expect(ModifiedUTF7.decode("&2D0-") == nil)  // lone high surrogate
    #expect(ModifiedUTF7.decode("&A/8-") == nil)  // "/" is not modified base64
    #expect(ModifiedUTF7.decode("Entwürfe") == nil)  // raw 8-bit
  }
}
