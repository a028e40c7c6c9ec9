import EspoMailMIME
import Foundation
import Testing

/// Known, accepted differences between espomail and Python's `email` package, by "fixture/field".
/// Every entry says why espomail's answer is the one we want; an entry that stops being a
/// difference fails the test, so the list stays true.
private let allowedDifferences: [String: String] = [
  "address-groups.eml/cc":
    "Python keeps `not-an-address` (no domain) as a mailbox; espomail skips invalid addresses.",
  "undeclared-8bit-cp1252.eml/subject":
    "Python shows undeclared 8-bit header bytes as U+FFFD; espomail falls back to windows-1252.",
  "undeclared-8bit-cp1252.eml/text":
    "Python decodes an undeclared 8-bit body as ASCII with U+FFFD; espomail falls back to windows-1252.",
  "undeclared-8bit-utf8.eml/text":
    "Python decodes an undeclared 8-bit body as ASCII with U+FFFD; espomail keeps valid UTF-8.",
  "forward-rfc822.eml/attachments":
    "Python has no file name or byte size for a message/rfc822 part; espomail names it after the subject (.eml) and stores the serialised message.",
  "related-inline-png.eml/attachments":
    "Python's iter_attachments does not look inside multipart/alternative; espomail lists the inline logo.",
  "rfc2231-filename.eml/attachments":
    "Python normalises CRLF to LF in the text/csv attachment (22 bytes) and leaves the unnamed zip without a name; espomail keeps the bytes (23) and generates attachment-4.zip.",
]

/// Fixtures espomail rejects by design (Python turns any bytes into some message).
private let rejectedFixtures: Set<String> = ["unparseable.eml"]

@Test(.enabled(if: OracleRunner.isAvailable || OracleRunner.isRequired, "needs /usr/bin/python3"))
func parserAgreesWithPythonEmailOracle() throws {
  guard OracleRunner.isAvailable else {
    Issue.record("ESPOMAIL_REQUIRE_MAIL_SERVERS=1 but \(OracleRunner.python) is missing")
    return
  }
  let names = try Fixture.allNames().filter { !rejectedFixtures.contains($0) }
  let python = try OracleRunner.pythonFields(for: names)
  var agreed = 0
  var fullyAgreeing = 0
  var differing: Set<String> = []
  for name in names {
    let ours = OracleRunner.swiftFields(try Fixture.parse(name))
    let theirs = try #require(python[name], "oracle has no answer for \(name)")
    #expect(theirs["error"] == nil, "oracle failed on \(name): \(theirs["error"] ?? "")")
    var allAgree = true
    for field in OracleRunner.fields {
      if ours[field] == theirs[field] {
        agreed += 1
        continue
      }
      allAgree = false
      differing.insert("\(name)/\(field)")
      if allowedDifferences["\(name)/\(field)"] == nil {
        Issue.record(
          "\(name) \(field): espomail \(String(reflecting: ours[field] ?? "")) vs Python \(String(reflecting: theirs[field] ?? ""))")
      }
    }
    if allAgree { fullyAgreeing += 1 }
  }
  for stale in Set(allowedDifferences.keys).subtracting(differing).sorted() {
    Issue.record("allow-listed difference \(stale) no longer differs: remove it from the list")
  }
  let total = names.count * OracleRunner.fields.count
  print(
    "MIME oracle agreement: \(agreed)/\(total) fields; \(fullyAgreeing)/\(names.count) fixtures agree on every field; \(differing.count) differences, \(differing.intersection(allowedDifferences.keys).count) allow-listed")
}
