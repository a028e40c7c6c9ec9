import Foundation

/// An IMAP server on 127.0.0.1 (plain, no TLS) that logs anyone in and then misbehaves on purpose,
/// for the bounds in Docs/architecture.md ("Bounds on what a server can make espomail hold") and
/// the redaction of echoed secrets. Runs under Debian's Python; stopped by its own pid.
public final class HostileIMAPServer: @unchecked Sendable {
  /// How the server misbehaves.
  public enum Mode: String, Sendable {
    /// Answers UID FETCH with a `{999999999999}` literal, then streams bytes (at most 300 MB).
    case hugeLiteral = "huge-literal"
    /// Answers UID FETCH with the start of a response, then 2 bytes a second (for at most 60 s).
    case drip
    /// Answers UID FETCH with a line that never ends (at most 300 MB, no line break).
    case longLine = "long-line"
    /// Answers UID SEARCH with 4,500,000 UIDs in one response.
    case hugeSearch = "huge-search"
    /// Offers no SASL mechanism, so LOGIN is used, and refuses it with a NO quoting the password.
    case echoLogin = "echo-login"
    /// Offers SASL PLAIN and XOAUTH2 (with SASL-IR) and refuses with a NO quoting the response.
    case echoSASL = "echo-sasl"
    /// Accepts the login, then answers every command with an alert and a NO quoting the password.
    case echoLater = "echo-later"
    /// Holds 200 messages and answers the header fetch with a 12 MiB header for each.
    case manyHeaders = "many-headers"
    /// Holds 200 messages of announced size 1000 and sends a 12 MiB body for each.
    case manyBodies = "many-bodies"
    /// Answers STATUS with the counters of two other folders, never of the one asked about.
    case otherFoldersStatus = "other-folders-status"
  }

  /// The port to connect to.
  public let port: Int
  private let process: Process
  private let directory: TemporaryDirectory

  /// Starts a server that behaves as `mode` says on every connection.
  public init(_ mode: Mode) throws {
    directory = try TemporaryDirectory(prefix: "espomail-hostile")
    (process, port) = try LoopbackPythonServer.start(
      Self.script, arguments: [mode.rawValue, directory.file("port"), directory.file("streamed"), "600"],
      portFile: directory.file("port"), in: directory, what: "the hostile IMAP server")
  }

  /// Bytes streamed after the hostile part began, once the client hung up (waits up to `seconds`).
  public func streamedBytes(waiting seconds: Double = 10) -> Int? {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      if let text = try? String(contentsOfFile: directory.file("streamed"), encoding: .utf8),
        let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return count
      }
      Thread.sleep(forTimeInterval: 0.05)
    } while Date() < deadline
    return nil
  }

  /// Stops the server.
  public func stop() { LoopbackPythonServer.stop(process) }

  deinit { stop() }

  private static let script = #"""
    import asyncio, os, sys
    mode, port_file, streamed_file, max_seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    CAP = 300 * 1024 * 1024
    caps = "IMAP4rev1 LITERAL+ AUTH=PLAIN AUTH=XOAUTH2 SASL-IR" if mode == "echo-sasl" else "IMAP4rev1 LITERAL+"

    def record(count):
        with open(streamed_file + ".tmp", "w") as f:
            f.write(str(count))
        os.rename(streamed_file + ".tmp", streamed_file)

    async def stream(writer, head, piece, total, pause=0.0):
        sent = 0
        try:
            writer.write(head)
            await writer.drain()
            while sent < total:
                writer.write(piece)
                await writer.drain()
                sent += len(piece)
                if pause:
                    await asyncio.sleep(pause)
        except (ConnectionError, OSError):
            pass
        record(sent)
        writer.close()

    async def handle(reader, writer):
        secret = b""
        writer.write(b"* OK [CAPABILITY " + caps.encode() + b"] hostile server ready\r\n")
        await writer.drain()
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                words = line.rstrip(b"\r\n").split(b" ")
                tag, command = words[0], (words[1].upper() if len(words) > 1 else b"")
                if command == b"UID" and len(words) > 2:
                    command = b"UID " + words[2].upper()
                if command == b"CAPABILITY":
                    out = b"* CAPABILITY " + caps.encode() + b"\r\n" + tag + b" OK done\r\n"
                elif command == b"LOGIN":
                    secret = words[-1].strip(b'"')
                    if mode == "echo-login":
                        out = tag + b" NO [AUTHENTICATIONFAILED] invalid password '" + secret + b"'\r\n"
                    else:
                        out = tag + b" OK logged in\r\n"
                elif command == b"AUTHENTICATE":
                    response = words[3] if len(words) > 3 else b""
                    out = tag + b" NO [AUTHENTICATIONFAILED] cannot decode " + response + b"\r\n"
                elif command == b"LOGOUT":
                    writer.write(b"* BYE bye\r\n" + tag + b" OK done\r\n")
                    await writer.drain()
                    break
                elif mode == "echo-later":
                    out = (b"* OK [ALERT] the password " + secret + b" expires soon\r\n"
                           + tag + b" NO [SERVERBUG] invalid password '" + secret + b"'\r\n")
                elif command == b"STATUS" and mode == "other-folders-status":
                    out = (b"* STATUS Sent (MESSAGES 5 UIDNEXT 6 UIDVALIDITY 7 UNSEEN 0)\r\n"
                           b"* STATUS Spam (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 3 UNSEEN 1)\r\n" + tag + b" OK done\r\n")
                elif command == b"STATUS":
                    out = b"* STATUS INBOX (MESSAGES 200 UIDNEXT 201 UIDVALIDITY 7 UNSEEN 1)\r\n" + tag + b" OK done\r\n"
                elif command in (b"SELECT", b"EXAMINE"):
                    out = (b"* 1 EXISTS\r\n* OK [UIDVALIDITY 7] v\r\n* OK [UIDNEXT 2] n\r\n"
                           + tag + b" OK [READ-WRITE] done\r\n")
                elif command == b"UID SEARCH":
                    if mode == "huge-search":
                        numbers = " ".join(str(n) for n in range(1, 4_500_001)).encode()
                        writer.write(b"* SEARCH " + numbers + b"\r\n")
                        record(len(numbers))
                    many = mode in ("many-headers", "many-bodies")
                    found = " ".join(str(n) for n in range(1, 201)).encode() if many else b"1"
                    out = b"* SEARCH " + found + b"\r\n" + tag + b" OK done\r\n"
                elif command == b"UID FETCH" and mode in ("many-headers", "many-bodies"):
                    # 200 messages, each literal under the per-literal limit, together far over
                    # what one fetch may hold.
                    is_header = b"HEADER" in line.upper()
                    big = b"x" * (12 * 1024 * 1024)
                    sent = 0
                    try:
                        for uid in range(1, 201):
                            if is_header and mode == "many-bodies":
                                header = b"Subject: s%d\r\nMessage-ID: <m%d@hostile.example>\r\n\r\n" % (uid, uid)
                                writer.write(b"* %d FETCH (UID %d RFC822.SIZE 1000 BODY[HEADER] {%d}\r\n%s)\r\n"
                                             % (uid, uid, len(header), header))
                            else:
                                section = b"BODY[HEADER]" if is_header else b"BODY[]"
                                writer.write(b"* %d FETCH (UID %d RFC822.SIZE 1000 %s {%d}\r\n"
                                             % (uid, uid, section, len(big)) + big + b")\r\n")
                                sent += len(big)
                            await writer.drain()
                    except (ConnectionError, OSError):
                        pass
                    record(sent)
                    out = tag + b" OK done\r\n"
                elif command == b"UID FETCH" and mode == "huge-literal":
                    head = b"* 1 FETCH (UID 1 RFC822.SIZE 100 BODY[HEADER] {999999999999}\r\n"
                    await stream(writer, head, b"x" * 65536, CAP)
                    return
                elif command == b"UID FETCH" and mode == "long-line":
                    await stream(writer, b"* 1 FETCH (UID 1 FLAGS (", b"a" * 65536, CAP)
                    return
                elif command == b"UID FETCH" and mode == "drip":
                    await stream(writer, b"* 1 FETCH (UID 1 FLAGS (", b"ab", 120, pause=1.0)
                    return
                else:
                    out = tag + b" OK done\r\n"
                writer.write(out)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        writer.close()

    \#(LoopbackPythonServer.serveUntilDeadline)
    """#
}
