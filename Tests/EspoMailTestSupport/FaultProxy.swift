import Foundation

/// A TCP proxy on 127.0.0.1 in front of a test server that misbehaves on purpose: on the first
/// connection it drops (or stalls) once the server has sent a number of bytes; later connections
/// pass through untouched, so "the next run completes" can be tested. Or, made with
/// `init(target:bytesPerSecond:)`, a slow link: every connection gets the server's bytes at a
/// bounded rate. Stopped by its own pid.
public final class FaultProxy: @unchecked Sendable {
  /// What goes wrong.
  public enum Fault: String, Sendable {
    /// Close both sides abruptly.
    case drop
    /// Stop forwarding server bytes but keep the connection open (a server gone silent).
    case stall
    /// Forward server bytes at a bounded rate, on every connection (a slow link).
    case throttle
  }

  /// The port to connect to instead of the server's.
  public let port: Int
  private let process: Process
  private let directory: TemporaryDirectory

  /// A slow link to `target`: server bytes are forwarded at about `bytesPerSecond`, so downloads
  /// take long compared to the local work between them.
  public convenience init(target: Int, bytesPerSecond: Int) throws {
    try self.init(target: target, fault: .throttle, afterBytes: bytesPerSecond)
  }

  /// Starts a proxy to `target` that applies `fault` after `afterBytes` server bytes (for
  /// `.throttle`, the rate in bytes per second).
  public init(target: Int, fault: Fault, afterBytes: Int) throws {
    directory = try TemporaryDirectory(prefix: "espomail-proxy")
    let portFile = directory.file("port")
    (process, port) = try LoopbackPythonServer.start(
      Self.script, arguments: ["\(target)", fault.rawValue, "\(afterBytes)", portFile, "600"], portFile: portFile,
      in: directory, what: "the fault proxy")
  }

  /// Stops the proxy.
  public func stop() { LoopbackPythonServer.stop(process) }

  deinit { stop() }

  private static let script = #"""
    import asyncio, sys
    target, fault, after, port_file, max_seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
    state = {"connections": 0}

    async def pipe(reader, writer, budget):
        sent = 0
        try:
            while True:
                data = await reader.read(16384 if fault == "throttle" else 65536)
                if not data:
                    break
                if budget is not None and fault == "throttle":
                    writer.write(data)
                    await writer.drain()
                    await asyncio.sleep(len(data) / after)
                    continue
                if budget is not None and sent + len(data) > after:
                    writer.write(data[: max(0, after - sent)])
                    await writer.drain()
                    if fault == "stall":
                        await asyncio.sleep(max_seconds)
                    raise ConnectionAbortedError()
                sent += len(data)
                writer.write(data)
                await writer.drain()
        finally:
            writer.close()

    async def handle(creader, cwriter):
        state["connections"] += 1
        first = state["connections"] == 1
        sreader, swriter = await asyncio.open_connection("127.0.0.1", target)
        tasks = [asyncio.create_task(pipe(creader, swriter, None)),
                 asyncio.create_task(pipe(sreader, cwriter, after if first or fault == "throttle" else None))]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in pending:
            task.cancel()
        for w in (cwriter, swriter):
            w.close()

    \#(LoopbackPythonServer.serveUntilDeadline)
    """#
}
