import EspoMailKit
import EspoMailTestSupport

extension ScratchStore {
  /// A session acting as the user with this login, as a command run by that OS login would.
  func session(_ login: String) throws -> Session {
    try Session(store: store, operatingSystemLogin: login, actingAs: nil)
  }
}
