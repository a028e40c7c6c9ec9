/// What ended a wait for a connection's data (`CurlConnection.waitReadable`).
public enum SocketReadiness: Sendable, Equatable {
  /// The server sent something (or closed the connection): a read will not block.
  case readable
  /// The interrupt descriptor became readable first: someone wants the waiter back.
  case interrupted
  /// Neither happened within the time given.
  case timedOut
}
