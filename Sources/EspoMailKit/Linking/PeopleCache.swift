import EspoMailCore
import EspoMailStore

/// What linking asks about people and records again and again within one import transaction
/// (followers of a record, a user's login, roles and teams), looked up once per transaction.
/// Nothing here changes while a fetch writes a chunk, so the answers stay true for it.
final class PeopleCache {
  private let tx: Transaction
  private var followers: [RecordReference: [Int64]] = [:]
  private var users: [Int64: (login: String, isAdmin: Bool)?] = [:]
  private var permissions: [Int64: RolePermissions] = [:]
  private var teams: [Int64: [Int64]] = [:]
  private var userAddresses: [String: [Int64]]?

  /// A cache over `tx`, empty.
  init(tx: Transaction) { self.tx = tx }

  /// Active users who have any of the addresses, in id order (all users' addresses are read
  /// once: a handful of rows where every email asked once per recipient).
  func activeUserIDs(withAddresses addresses: [String]) throws -> [Int64] {
    let known = try userAddresses ?? tx.activeUserAddresses()
    userAddresses = known
    return Set(addresses.flatMap { known[$0.lowercased()] ?? [] }).sorted()
  }

  /// Active users following a record.
  func followerIDs(of record: RecordReference) throws -> [Int64] {
    if let known = followers[record] { return known }
    let found = try tx.followerIDs(of: record)
    followers[record] = found
    return found
  }

  /// A user's login and admin flag, nil for an unknown id.
  func user(_ id: Int64) throws -> (login: String, isAdmin: Bool)? {
    if let known = users[id] { return known }
    let found = try tx.userSummary(id: id)
    users[id] = .some(found)
    return found
  }

  /// A user's merged role permissions.
  func permissions(userID: Int64) throws -> RolePermissions {
    if let known = permissions[userID] { return known }
    let found = try tx.permissions(userID: userID)
    permissions[userID] = found
    return found
  }

  /// The teams a user is in.
  func teamIDs(userID: Int64) throws -> [Int64] {
    if let known = teams[userID] { return known }
    let found = try tx.teamIDs(userID: userID)
    teams[userID] = found
    return found
  }
}
