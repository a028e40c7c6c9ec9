import EspoMailMIME
import Foundation
import Testing

@Test(.enabled(if: OracleRunner.isAvailable || OracleRunner.isRequired, "needs /usr/bin/python3"))
func composedMessagesReadTheSameInPythonsEmailPackage() throws {
  guard OracleRunner.isAvailable else {
    Issue.record("ESPOMAIL_REQUIRE_MAIL_SERVERS=1 but \(OracleRunner.python) is missing")
    return
  }
  var composed: [String: [UInt8]] = [:]
  for name in ComposerSamples.names {
    composed[name] = try MessageComposer.compose(ComposerSamples.message(named: name))
  }
  let python = try ComposeOracle.read(composed)
  for name in ComposerSamples.names {
    let outgoing = ComposerSamples.message(named: name)
    let reading = try #require(python[name], "no answer for \(name)")
    #expect(reading["error"] == nil, "\(name): \(reading["error"] ?? "")")
    #expect(reading["defects"] as? [String] == [], "\(name) defects")
    #expect(reading["bareLineEnds"] as? Int == 0, "\(name)")
    #expect((reading["longestLine"] as? Int ?? 999) <= 998, "\(name)")
    #expect(reading["subject"] as? String == outgoing.subject, "\(name)")
    #expect(ComposeOracle.addresses(reading["from"]) == [outgoing.from], "\(name)")
    #expect(ComposeOracle.addresses(reading["to"]) == outgoing.to, "\(name)")
    #expect(ComposeOracle.addresses(reading["cc"]) == outgoing.cc, "\(name)")
    #expect(ComposeOracle.addresses(reading["replyTo"]) == outgoing.replyTo, "\(name)")
    #expect(reading["messageID"] as? String == outgoing.messageID, "\(name)")
    #expect(reading["inReplyTo"] as? String == outgoing.inReplyTo ?? "", "\(name)")
    #expect(reading["references"] as? [String] == outgoing.references, "\(name)")
    #expect(reading["date"] as? Double == outgoing.date.timeIntervalSince1970, "\(name)")
    #expect(reading["structure"] as? String == ComposerExpectations.structure(outgoing), "\(name)")
    #expect(reading["text"] as? String == ComposerExpectations.body(outgoing.text), "\(name)")
    #expect(reading["html"] as? String == outgoing.html.map(ComposerExpectations.body), "\(name)")
    let attachments = (reading["attachments"] as? [[Any]] ?? []).map { item in
      "\(item[0] as? String ?? "<nil>")|\(item[1] as? String ?? "")|\(item[2] as? String ?? "")"
    }
    let expected = outgoing.attachments.map {
      "\($0.filename)|\(ComposerExpectations.mediaType($0.contentType))|\(Data($0.data).base64EncodedString())"
    }
    #expect(attachments == expected, "\(name)")
    let headers = (reading["headers"] as? [[String]] ?? []).map { (name: $0.first ?? "", value: $0.last ?? "") }
    let headerValue = { (field: String) in headers.first { $0.name.lowercased() == field.lowercased() }?.value }
    #expect(headerValue("MIME-Version") == "1.0", "\(name)")
    for header in outgoing.extraHeaders { #expect(headerValue(header.name) == header.value, "\(name) \(header.name)") }
  }
}
