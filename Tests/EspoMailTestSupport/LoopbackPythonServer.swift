import Foundation

/// Python shared by the test servers written as asyncio scripts (`FaultProxy`, `CommandGateProxy`,
/// `HostileIMAPServer`): each defines `handle(reader, writer)` and the names `port_file` and
/// `max_seconds`, then ends with this.
enum LoopbackPythonServer {
  /// Writes `script` into `directory`, runs it under Debian's Python with `arguments` (which must
  /// name `portFile` where the script expects it), and returns the process and the port it
  /// listens on once the script has written it; `what` names the server in the error.
  static func start(
    _ script: String, arguments: [String], portFile: String, in directory: TemporaryDirectory, what: String
  ) throws -> (process: Process, port: Int) {
    let path = directory.file("server.py")
    try script.write(toFile: path, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [path] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
        let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return (process, port)
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    process.terminate()
    throw TestSupportError("\(what) did not start")
  }

  /// Stops a server started by `start`, by its own pid.
  static func stop(_ process: Process) {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// Serves `handle` on a free 127.0.0.1 port, writes the port to `port_file` (atomically, so the
  /// Swift side never reads half a number) and stops after `max_seconds`.
  static let serveUntilDeadline = #"""
    async def main():
        import os
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        with open(port_file + ".tmp", "w") as f:
            f.write(str(server.sockets[0].getsockname()[1]))
        os.rename(port_file + ".tmp", port_file)
        async with server:
            try:
                await asyncio.wait_for(server.serve_forever(), timeout=max_seconds)
            except asyncio.TimeoutError:
                pass

    asyncio.run(main())
    """#
}
