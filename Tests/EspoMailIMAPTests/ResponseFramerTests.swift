@testable import EspoMailIMAP
import Testing

/// Feeds `stream` to a framer in pieces of `size` bytes and collects the frames.
private func frames(_ stream: [UInt8], pieces size: Int) throws -> [[UInt8]] {
  var framer = ResponseFramer()
  var output: [[UInt8]] = []
  var offset = 0
  while offset < stream.count {
    framer.append(contentsOf: stream[offset..<min(offset + size, stream.count)])
    offset += size
    while let frame = try framer.nextFrame() { output.append(frame) }
  }
  return output
}

@Suite struct ResponseFramerTests {
  /// A FETCH whose body holds lines that look like IMAP responses, between two ordinary responses.
  static let hostileBody = Array("Subject: x\r\n\r\n* 3 FETCH (FLAGS (\\Deleted))\r\nE1 OK done\r\n{5}\r\n)\r\n".utf8)
  static let stream: [UInt8] =
    Array("* 1 EXISTS\r\n* 1 FETCH (UID 7 BODY[] {\(hostileBody.count)}\r\n".utf8) + hostileBody
    + Array(" FLAGS (\\Seen))\r\nE1 OK FETCH done\r\n".utf8)

  @Test(arguments: [1, 2, 3, 7, 64, 4096])
  func literalsSplitAnywhereStayWhole(pieces: Int) throws {
    let result = try frames(Self.stream, pieces: pieces)
    #expect(result.count == 3)
    #expect(result.first == Array("* 1 EXISTS\r\n".utf8))
    #expect(result.last == Array("E1 OK FETCH done\r\n".utf8))
    let fetch = try ResponseParser.parse(result[1])
    guard case .untagged(.fetch(let data)) = fetch else {
      Issue.record("not a FETCH: \(fetch)")
      return
    }
    #expect(data.uid == 7)
    #expect(data.sections["BODY[]"] == Self.hostileBody)
    #expect(data.flags == ["\\Seen"])
  }

  @Test func hugeLiteralArrivesInPieces() throws {
    let size = 12 * 1024 * 1024 + 17
    var body = [UInt8](repeating: UInt8(ascii: "a"), count: size)
    for index in stride(from: 76, to: size, by: 78) { body[index] = 13; body[index + 1] = 10 }
    let stream = Array("* 9 FETCH (UID 9 BODY[] {\(size)}\r\n".utf8) + body + Array(")\r\nE4 OK\r\n".utf8)
    let result = try frames(stream, pieces: 256 * 1024 + 3)
    #expect(result.count == 2)
    guard case .untagged(.fetch(let data)) = try ResponseParser.parse(result[0]) else {
      Issue.record("not a FETCH")
      return
    }
    #expect(data.sections["BODY[]"]?.count == size)
    #expect(data.sections["BODY[]"] == body)
  }

  @Test func literalMarkerSplitBetweenItsDigits() throws {
    let stream = Array("* LIST () \".\" {4}\r\nA{1}\r\n* OK x\r\n".utf8)
    for cut in 1..<stream.count {
      var framer = ResponseFramer()
      framer.append(contentsOf: stream[..<cut])
      var result: [[UInt8]] = []
      while let frame = try framer.nextFrame() { result.append(frame) }
      framer.append(contentsOf: stream[cut...])
      while let frame = try framer.nextFrame() { result.append(frame) }
      #expect(result == [Array("* LIST () \".\" {4}\r\nA{1}\r\n".utf8), Array("* OK x\r\n".utf8)], "cut at \(cut)")
    }
  }

  @Test func incompleteResponseWaits() throws {
    var framer = ResponseFramer()
    framer.append(contentsOf: Array("* 1 FETCH (BODY[] {10}\r\n12345".utf8))
    #expect(try framer.nextFrame() == nil)
    #expect(framer.pendingByteCount == 29)
  }
}
