import EspoMailCore
internal import GRDB

/// Kinds of owner an email address can be attached to.
public enum AddressOwner: String, Sendable {
  /// A user of espomail.
  case user
  /// A CRM account.
  case account
  /// A contact.
  case contact
  /// A lead.
  case lead
}

extension Transaction {
  /// The id of the shared row for an address, created on first use.
  public func addressID(_ address: EmailAddress) throws -> Int64 {
    if let id = try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM email_address WHERE lower = ?"), arguments: [address.lower])
    {
      return id
    }
    try run("INSERT INTO email_address(address, lower) VALUES (?, ?)", [address.value, address.lower])
    return db.lastInsertedRowID
  }

  /// Attaches an address to an owner. Throws when the owner has it already or, for users, when
  /// another user has it (a user's address identifies them).
  public func attachAddress(_ address: EmailAddress, to owner: AddressOwner, id: Int64, primary: Bool) throws {
    let addressID = try addressID(address)
    let existing = try Row.fetchAll(
      db,
      sql: "SELECT entity_id FROM entity_email_address WHERE entity_type = ? AND email_address_id = ?",
      arguments: [owner.rawValue, addressID]
    ).map { $0[0] as Int64 }
    if existing.contains(id) {
      throw EspoMailError.alreadyExists("address", address.value, hint: "this \(owner.rawValue) has it already")
    }
    if owner == .user, let other = existing.first {
      let login = try String.fetchOne(db, sql: "SELECT login FROM user WHERE id = ?", arguments: [other]) ?? "?"
      throw EspoMailError(
        .dataError, "address '\(address.value)' already belongs to user '\(login)'",
        hint: "an address identifies one user; remove it from '\(login)' first")
    }
    let position =
      try Int.fetchOne(
        db,
        sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM entity_email_address WHERE entity_type = ? AND entity_id = ?",
        arguments: [owner.rawValue, id]) ?? 0
    let hasPrimary =
      try Bool.fetchOne(
        db,
        sql: "SELECT EXISTS(SELECT 1 FROM entity_email_address WHERE entity_type = ? AND entity_id = ? AND is_primary)",
        arguments: [owner.rawValue, id]) ?? false
    let makePrimary = primary || !hasPrimary
    if makePrimary {
      try db.execute(
        sql: "UPDATE entity_email_address SET is_primary = 0 WHERE entity_type = ? AND entity_id = ?",
        arguments: [owner.rawValue, id])
    }
    try db.execute(
      sql: """
        INSERT INTO entity_email_address(entity_type, entity_id, email_address_id, is_primary, position)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [owner.rawValue, id, addressID, makePrimary, position])
  }

  /// Detaches an address from an owner; throws not-found when the owner does not have it.
  public func detachAddress(_ address: EmailAddress, from owner: AddressOwner, id: Int64) throws {
    try db.execute(
      sql: """
        DELETE FROM entity_email_address WHERE entity_type = ? AND entity_id = ?
          AND email_address_id = (SELECT id FROM email_address WHERE lower = ?)
        """,
      arguments: [owner.rawValue, id, address.lower])
    guard db.changesCount > 0 else {
      throw EspoMailError.notFound("address", address.value, hint: "this \(owner.rawValue) does not have it")
    }
    // Keep one primary address when others remain.
    try db.execute(
      sql: """
        UPDATE entity_email_address SET is_primary = 1
        WHERE entity_type = ?1 AND entity_id = ?2
          AND NOT EXISTS (SELECT 1 FROM entity_email_address WHERE entity_type = ?1 AND entity_id = ?2 AND is_primary)
          AND email_address_id = (SELECT email_address_id FROM entity_email_address
                                  WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY position LIMIT 1)
        """,
      arguments: [owner.rawValue, id])
  }

  /// An owner's addresses, primary first, then in the order they were added.
  public func addresses(of owner: AddressOwner, id: Int64) throws -> [String] {
    try String.fetchAll(
      db,
      sql: """
        SELECT a.address FROM entity_email_address l JOIN email_address a ON a.id = l.email_address_id
        WHERE l.entity_type = ? AND l.entity_id = ? ORDER BY l.is_primary DESC, l.position
        """,
      arguments: [owner.rawValue, id])
  }

  /// The ids of owners of one kind that have an address.
  public func owners(of address: EmailAddress, kind: AddressOwner) throws -> [Int64] {
    try Int64.fetchAll(
      db,
      sql: """
        SELECT l.entity_id FROM entity_email_address l JOIN email_address a ON a.id = l.email_address_id
        WHERE a.lower = ? AND l.entity_type = ? ORDER BY l.is_primary DESC, l.entity_id
        """,
      arguments: [address.lower, kind.rawValue])
  }
}
