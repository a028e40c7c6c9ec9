import EspoMailCore
import Testing

/// Recipients as users type them, EHLO names and megabytes as people read them.
@Suite struct ServerWordsTests {
  @Test func recipientsWithAndWithoutNames() throws {
    let list = try NamedAddress.list(#"Jane Roe <jane@acme.example>, "Roe, Bob" <bob@acme.example>, max@acme.example"#)
    #expect(list.map(\.name) == ["Jane Roe", "Roe, Bob", nil])
    #expect(list.map(\.address.value) == ["jane@acme.example", "bob@acme.example", "max@acme.example"])
    #expect(try NamedAddress(parsing: "<only@acme.example>").name == nil)
    #expect(try NamedAddress(parsing: #""Said \"Hi\"" <q@acme.example>"#).name == #"Said "Hi""#)
    #expect(throws: EspoMailError.self) { try NamedAddress(parsing: "Jane <jane@acme.example") }
    #expect(throws: EspoMailError.self) { try NamedAddress(parsing: "Jane <not an address>") }
    #expect(throws: EspoMailError.self) { try NamedAddress.list(" , ") }
  }

  @Test func ehloNamesAreFullyQualified() {
    #expect(HeloName.isValid("mail.example.org"))
    #expect(HeloName.isValid("[192.0.2.1]"))
    #expect(HeloName.isValid("[IPv6:2001:db8::1]") == false)  // only plain address literals
    #expect(!HeloName.isValid("vm"))
    #expect(!HeloName.isValid("-bad.example.org"))
    #expect(!HeloName.isValid("a..example.org"))
    #expect(!HeloName.isValid("mail example.org"))
  }

  @Test func megabytesAreRoundedToATenthNotTruncated() {
    #expect(ByteSize.megabytes(2 * 1_048_576) == "2.0 MB")
    #expect(ByteSize.megabytes(2 * 1_048_576 - 1) == "2.0 MB")  // integer division said 1 MB
    #expect(ByteSize.megabytes(1_992_294) == "1.9 MB")
    #expect(ByteSize.megabytes(400_000) == "0.4 MB")
    #expect(ByteSize.megabytes(0) == "0.0 MB")
  }
}
