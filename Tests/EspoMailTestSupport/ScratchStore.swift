import EspoMailStore

/// An empty, migrated store in its own temporary directory, removed with the value: the one place
/// store and Kit unit tests create and remove stores (a second database engine plugs in here).
public final class ScratchStore: Sendable {
  /// The directory holding the store, removed when the value is released.
  public let directory: TemporaryDirectory
  /// The store.
  public let store: Store

  /// Creates a new store with no users, accounts or mail, on the engine of `TestStore.engine`.
  public init() throws {
    directory = try TemporaryDirectory(prefix: "espomail-scratch")
    switch TestStore.engine {
    case .sqlite:
      store = try Store.create(at: directory.file("store.sqlite"))
    case .postgresql:
      store = try Store.create(at: try PostgresServer.shared.get().createDatabase(), keyFile: directory.file("store.key"))
    }
  }

  /// Runs `body` in one write transaction of the store.
  @discardableResult
  public func write<T>(_ body: (Transaction) throws -> T) throws -> T { try store.write(body) }

  /// Runs `body` with a read-only view of the store.
  public func read<T>(_ body: (Transaction) throws -> T) throws -> T { try store.read(body) }
}
