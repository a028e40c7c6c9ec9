/// Python shared by the test servers written as asyncio scripts (`FaultProxy`, `CommandGateProxy`,
/// `HostileIMAPServer`): each defines `handle(reader, writer)` and the names `port_file` and
/// `max_seconds`, then ends with this.
enum LoopbackPythonServer {
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
