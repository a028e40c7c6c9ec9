import EspoMailCore
import EspoMailStore

/// Values for store and Kit tests, with defaults for everything a test does not care about.
public enum StoreSamples {
  /// A sealed password as the store keeps it (the bytes are never opened in these tests).
  public static let secret = StoredSecret(source: .stored, sealed: [1, 2, 3], command: nil, setByAdmin: true)

  /// A mail account value, not stored yet.
  public static func account(
    _ name: String, kind: MailAccountKind = .group, owner: String? = nil, address: String? = nil, teams: [String] = [],
    folders: [String] = ["INBOX"], cases: CaseSettings = .off
  ) -> MailAccount {
    MailAccount(
      id: 0, name: name, kind: kind, owner: owner, address: address ?? "\(name)@example.com", isActive: true,
      imap: ServerSettings(
        host: "imap.example.com", port: 993, security: .tls, username: name, secretSource: .stored, secretCommand: nil,
        secretSetByAdmin: true),
      folders: folders, fetchSince: nil, keepUnread: false, portion: 500, maxSizeMB: 10, teams: teams,
      health: AccountHealth(lastSuccessAt: nil, lastAttemptAt: nil, lastError: nil, consecutiveFailures: 0),
      cases: cases)
  }

  /// A new email, not stored yet; `messageID` without angle brackets.
  public static func email(
    _ messageID: String, subject: String = "Hello", date: String = "2026-11-16T10:00:00Z", from: String? = nil,
    to: [String] = [], cc: [String] = [], body: String? = nil, inReplyTo: String? = nil, references: [String] = [],
    parent: RecordReference? = nil
  ) -> NewEmail {
    var email = NewEmail(
      messageID: "<\(messageID)>", isMessageIDSynthetic: false, subject: subject, dateSent: date, size: 100)
    email.fingerprint = "fingerprint-\(messageID)"
    email.from = from.map { EmailParty(name: nil, address: $0) }
    email.to = to.map { EmailParty(name: nil, address: $0) }
    email.cc = cc.map { EmailParty(name: nil, address: $0) }
    email.bodyPlain = body
    email.inReplyTo = inReplyTo.map { "<\($0)>" }
    email.references = references.isEmpty ? nil : references.map { "<\($0)>" }.joined(separator: " ")
    email.parent = parent
    return email
  }
}

extension Transaction {
  /// Adds a user with addresses (the first one primary); returns its id.
  @discardableResult
  public func seedUser(_ login: String, admin: Bool = false, active: Bool = true, addresses: [String] = []) throws
    -> Int64
  {
    let id = try insertUser(login: login, name: login.capitalized, isAdmin: admin, isActive: active)
    for (index, address) in addresses.enumerated() {
      try attachAddress(EmailAddress(address), to: .user, id: id, primary: index == 0)
    }
    return id
  }

  /// Adds a team with members (no position); returns its id.
  @discardableResult
  public func seedTeam(_ name: String, members: [Int64] = []) throws -> Int64 {
    let id = try insertTeam(name: name)
    for member in members { try addMember(teamID: id, userID: member, position: nil) }
    return id
  }

  /// Adds a role with permissions and gives it to users; returns its id.
  @discardableResult
  public func seedRole(_ name: String, _ permissions: RolePermissions, users: [Int64] = []) throws -> Int64 {
    let id = try insertRole(name: name)
    try setPermissions(roleID: id, permissions)
    for user in users { try grantRole(userID: user, roleID: id) }
    return id
  }

  /// Stores a mail account with the sample secret; returns its id.
  @discardableResult
  public func seedAccount(_ account: MailAccount, ownerID: Int64? = nil) throws -> Int64 {
    try insertMailAccount(account, ownerID: ownerID, secret: StoreSamples.secret)
  }

  /// Adds a CRM record holding addresses (the first one primary); returns its reference.
  @discardableResult
  public func seedRecord(
    _ type: RecordType, _ name: String, account: Int64? = nil, createdBy: Int64? = nil, addresses: [String] = []
  ) throws -> RecordReference {
    let record = try insertRecord(type, name: name, account: account, createdBy: createdBy)
    if let owner = AddressOwner(rawValue: type.rawValue) {
      for (index, address) in addresses.enumerated() {
        try attachAddress(EmailAddress(address), to: owner, id: record.id, primary: index == 0)
      }
    }
    return record
  }
}
