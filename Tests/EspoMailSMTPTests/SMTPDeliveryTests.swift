import EspoMailCore
import EspoMailMIME
import EspoMailSMTP
import EspoMailTestSupport
import Foundation
import Testing

@Suite(.enabled(if: SMTPSink.shouldRun, "needs /usr/bin/python3 with aiosmtpd"))
struct SMTPDeliveryTests {
  @Test func deliversTheExactBytesWithTheExactEnvelope() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let bytes = try MessageComposer.compose(SMTPFixture.message())
    try SMTPClient.send(
      bytes, from: SMTPFixture.sender, to: ["ann@example.org", "bob@example.org", "carol@example.net"],
      via: SMTPFixture.endpoint(sink))
    let delivered = try sink.waitForMessages(count: 1)
    #expect(delivered.count == 1)
    let message = try #require(delivered.first)
    #expect(message.mailFrom == "support@example.com")
    #expect(message.recipients == ["ann@example.org", "bob@example.org", "carol@example.net"])
    #expect(message.bytes == bytes)
    let parsed = try MessageParser.parse(message.bytes)
    #expect(parsed.bcc.isEmpty)
    #expect(!String(decoding: message.bytes, as: UTF8.self).contains("carol"))
  }

  @Test func sendsTheNullSenderAndEachRecipientOnce() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    try SMTPFixture.send(
      to: SMTPFixture.endpoint(sink), from: "",
      recipients: ["ann@example.org", "ANN@example.org", "bob@example.org", "ann@example.org"])
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(message.mailFrom == "<>")
    #expect(message.recipients == ["ann@example.org", "bob@example.org"])
  }

  @Test func sendsBareLineEndsAsCRLF() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let raw = Array("Subject: bare\nFrom: a@example.com\n\nline one\n.leading dot\rlast".utf8)
    try SMTPFixture.send(to: SMTPFixture.endpoint(sink), bytes: raw)
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(
      String(decoding: message.bytes, as: UTF8.self)
        == "Subject: bare\r\nFrom: a@example.com\r\n\r\nline one\r\n.leading dot\r\nlast\r\n")
  }

  @Test func nonASCIISubjectNamesAndFileNamesSurviveTheTrip() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    var outgoing = SMTPFixture.message(
      subject: "Grüße aus Köln – 東京 🙂 and a subject long enough to be folded over more than one line",
      attachments: [
        OutgoingAttachment(
          filename: "Übersicht März 東京.csv", contentType: "text/csv", data: Array("a;b\r\nä;ö\r\n".utf8))
      ])
    outgoing.from = MailAddress(name: "Jürgen Müller, Kundendienst", address: SMTPFixture.sender)
    outgoing.to = [MailAddress(name: "山田 \"Taro\" 太郎", address: "ann@example.org")]
    try SMTPFixture.send(to: SMTPFixture.endpoint(sink), bytes: try MessageComposer.compose(outgoing))
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(message.bytes.allSatisfy { $0 < 0x80 }, "the composed message is 7-bit")
    let parsed = try MessageParser.parse(message.bytes)
    #expect(parsed.subject == outgoing.subject)
    #expect(parsed.from == [outgoing.from])
    #expect(parsed.to == outgoing.to)
    #expect(parsed.attachments.map(\.filename) == ["Übersicht März 東京.csv"])
    #expect(parsed.attachments.first?.data == Array("a;b\r\nä;ö\r\n".utf8))
  }

  @Test func attachmentsArriveByteForByte() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    let binary = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
    let attachments = [
      OutgoingAttachment(filename: "data.bin", contentType: "application/octet-stream", data: binary),
      OutgoingAttachment(filename: "empty.txt", contentType: "text/plain", data: []),
      OutgoingAttachment(filename: "dots.txt", contentType: "text/plain", data: Array(".\r\n..\r\n.\r\n".utf8)),
    ]
    let bytes = try MessageComposer.compose(SMTPFixture.message(attachments: attachments))
    try SMTPFixture.send(to: SMTPFixture.endpoint(sink), bytes: bytes)
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(message.bytes == bytes)
    let parsed = try MessageParser.parse(message.bytes)
    #expect(parsed.attachments.map(\.filename) == ["data.bin", "empty.txt", "dots.txt"])
    #expect(parsed.attachments.map(\.data) == attachments.map(\.data))
  }

  @Test func sendsAFiveMegabyteAttachment() throws {
    let sink = try SMTPSink.start()
    defer { sink.stop() }
    var generator = SystemRandomNumberGenerator()
    let data = (0..<5 * 1024 * 1024).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let bytes = try MessageComposer.compose(
      SMTPFixture.message(attachments: [
        OutgoingAttachment(filename: "big.bin", contentType: "application/zip", data: data)
      ]))
    #expect(bytes.count > 5 * 1024 * 1024 * 4 / 3)
    try SMTPFixture.send(to: SMTPFixture.endpoint(sink), bytes: bytes)
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(message.bytes.count == bytes.count)
    #expect(message.bytes == bytes)
    let parsed = try MessageParser.parse(message.bytes)
    #expect(parsed.attachments.first?.data == data)
  }
}
