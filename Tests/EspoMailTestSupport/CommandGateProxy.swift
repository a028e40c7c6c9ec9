import Foundation

/// A TCP proxy on 127.0.0.1 in front of a test IMAP server that holds back the first client
/// command containing a pattern (such as `BODY.PEEK[])` or `UID STORE`) until the test releases
/// it, so something can happen at that exact point of a fetch: messages expunged by another
/// client, or the fetching process killed. Only the first match is held; everything else, and
/// every later connection, passes through untouched. Stopped by its own pid.
public final class CommandGateProxy: @unchecked Sendable {
  /// The port to connect to instead of the server's.
  public let port: Int
  private let process: Process
  private let directory: TemporaryDirectory
  private let heldFile: String
  private let releaseFile: String

  /// Starts a proxy to `target` that holds the first client bytes containing `pattern`.
  public init(target: Int, holding pattern: String) throws {
    directory = try TemporaryDirectory(prefix: "espomail-gate")
    let portFile = directory.file("port")
    heldFile = directory.file("held")
    releaseFile = directory.file("release")
    (process, port) = try LoopbackPythonServer.start(
      Self.script, arguments: ["\(target)", pattern, portFile, heldFile, releaseFile, "600"], portFile: portFile,
      in: directory, what: "the command gate proxy")
  }

  /// Waits until a command matching the pattern is being held; false after `timeout` seconds.
  public func waitUntilHeld(timeout: TimeInterval = 30) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if FileManager.default.fileExists(atPath: heldFile) { return true }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }

  /// Lets the held command through to the server, or with `forward: false` drops it and closes
  /// that connection (its client was killed: the server must never see the command).
  public func release(forward: Bool = true) {
    _ = FileManager.default.createFile(atPath: releaseFile, contents: Data((forward ? "forward" : "drop").utf8))
  }

  /// Stops the proxy.
  public func stop() { LoopbackPythonServer.stop(process) }

  deinit { stop() }

  private static let script = #"""
    import asyncio, os, sys
    target, pattern, port_file, held_file, release_file, max_seconds = (
        int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6]))
    state = {"held": False}

    async def pipe(reader, writer, gate):
        pending = b""
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if gate and not state["held"] and pattern in pending + data:
                    state["held"] = True
                    open(held_file, "w").close()
                    while not os.path.exists(release_file):
                        await asyncio.sleep(0.01)
                    await asyncio.sleep(0.01)
                    with open(release_file) as f:
                        if f.read() == "drop":
                            raise ConnectionAbortedError()
                pending = (pending + data)[-len(pattern):]
                writer.write(data)
                await writer.drain()
        finally:
            writer.close()

    async def handle(creader, cwriter):
        sreader, swriter = await asyncio.open_connection("127.0.0.1", target)
        tasks = [asyncio.create_task(pipe(creader, swriter, True)),
                 asyncio.create_task(pipe(sreader, cwriter, False))]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        for w in (cwriter, swriter):
            w.close()

    \#(LoopbackPythonServer.serveUntilDeadline)
    """#
}
