import EspoMailMIME
import Foundation
import Testing

@Suite struct ComposerRoundTripTests {
  @Test(arguments: ComposerSamples.names)
  func parsesBackToTheSameMessage(name: String) throws {
    let outgoing = ComposerSamples.message(named: name)
    let bytes = try MessageComposer.compose(outgoing)
    let parsed = try MessageParser.parse(bytes)
    #expect(parsed.subject == outgoing.subject)
    #expect(parsed.from == [outgoing.from])
    #expect(parsed.to == outgoing.to)
    #expect(parsed.cc == outgoing.cc)
    #expect(parsed.replyTo == outgoing.replyTo)
    #expect(parsed.bcc.isEmpty)
    #expect(parsed.messageID == outgoing.messageID)
    #expect(parsed.inReplyTo == outgoing.inReplyTo)
    #expect(parsed.references == outgoing.references)
    #expect(parsed.date == outgoing.date)
    #expect(parsed.textBody == ComposerExpectations.body(outgoing.text))
    #expect(parsed.htmlBody == outgoing.html.map(ComposerExpectations.body))
    #expect(parsed.attachments.map(\.filename) == outgoing.attachments.map(\.filename))
    #expect(
      parsed.attachments.map(\.contentType)
        == outgoing.attachments.map { ComposerExpectations.mediaType($0.contentType) })
    #expect(parsed.attachments.map(\.data) == outgoing.attachments.map(\.data))
    #expect(parsed.attachments.allSatisfy { !$0.isInline })
    for header in outgoing.extraHeaders { #expect(parsed.header(header.name) == header.value) }
    #expect(parsed.header("MIME-Version") == "1.0")
    #expect(ComposerExpectations.wireProblems(bytes) == [])
  }

  @Test func idsAreWrittenExactlyAsGiven() throws {
    let bytes = try MessageComposer.compose(ComposerSamples.plain())
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\r\nMessage-ID: <espomail.Case.12.1700000000.4821@example.com>\r\n"))
    #expect(text.contains("\r\nIn-Reply-To: <CAF=abc123@mail.example.org>\r\n"))
    #expect(text.contains("\r\nReferences: <first@mail.example.org> <CAF=abc123@mail.example.org>\r\n"))
    #expect(text.hasPrefix("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"))
    #expect(text.contains("\r\nMIME-Version: 1.0\r\n"))
    #expect(text.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"))
  }

  @Test func nonASCIIHeadersAreEncodedWordsAndLongOnesAreFolded() throws {
    let outgoing = ComposerSamples.rich()
    let text = String(decoding: try MessageComposer.compose(outgoing), as: UTF8.self)
    let header = text.components(separatedBy: "\r\n\r\n").first ?? ""
    #expect(header.contains("Subject: [#42] =?UTF-8?"))
    #expect(header.contains("\r\n <zoe@example.org>") || header.contains("\r\n\t<zoe@example.org>"))
    #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    #expect(text.contains("filename*=UTF-8''Rechnung%20%C3%BCber%20M%C3%A4rz.pdf"))
    #expect(text.contains("Content-Transfer-Encoding: base64"))
  }

  @Test func eachCompositionGetsItsOwnBoundaries() throws {
    let first = try MessageComposer.compose(ComposerSamples.rich())
    let second = try MessageComposer.compose(ComposerSamples.rich())
    #expect(first != second)
    #expect(try MessageParser.parse(first).attachments == MessageParser.parse(second).attachments)
  }

  @Test func composingFromManyThreadsAtOnceWorks() async throws {
    try await withThrowingTaskGroup(of: Bool.self) { group in
      for index in 0..<32 {
        group.addTask {
          let outgoing = ComposerSamples.message(named: ComposerSamples.names[index % ComposerSamples.names.count])
          return try MessageParser.parse(MessageComposer.compose(outgoing)).subject == outgoing.subject
        }
      }
      for try await agreed in group { #expect(agreed) }
    }
  }
}
