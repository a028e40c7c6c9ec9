import EspoMailCore
import Foundation
import Testing

@Suite struct RecordReferenceTests {
  @Test func parsesTypeAndID() throws {
    #expect(try RecordReference(parsing: "contact:12") == RecordReference(.contact, 12))
    #expect(try RecordReference(parsing: "Case:17") == RecordReference(.case, 17))
    #expect(try RecordReference(parsing: "#17") == RecordReference(.case, 17))
  }

  @Test(arguments: ["contact", "contact:", "contact:x", "widget:3", "#", "#0", "account:-1", ":3"])
  func rejectsMalformedReferences(_ text: String) {
    do {
      _ = try RecordReference(parsing: text)
      Issue.record("accepted \(text)")
    } catch let error as EspoMailError {
      #expect(error.status == .usage)
      #expect(error.hint?.contains("TYPE:ID") == true)
    } catch { Issue.record("unexpected \(error)") }
  }

  @Test func encodesAsTheCommandLineForm() throws {
    let data = try JSONEncoder().encode([RecordReference(.account, 3)])
    #expect(String(decoding: data, as: UTF8.self) == #"["account:3"]"#)
    #expect(try JSONDecoder().decode([RecordReference].self, from: data) == [RecordReference(.account, 3)])
  }
}
