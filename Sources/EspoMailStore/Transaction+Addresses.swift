import EspoMailCore

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
  /// The id of the shared row for an address, created on first use. On PostgreSQL a function
  /// owned by the schema finds or makes it, since an agent's role sees only the addresses of what
  /// it may read and could neither find nor add the others.
  public func addressID(_ address: EmailAddress) throws -> Int64 {
    if let known = addressIDs.byLower[address.lower] { return known }
    if db.engine == .postgresql {
      return try db.value(Int64.self, "SELECT espomail_address_id(?, ?)", [address.value, address.lower])
        .orNotFound("address", address.value)
    }
    if let id = try db.value(Int64.self, "SELECT id FROM email_address WHERE lower = ?", [address.lower])
    {
      return id
    }
    return try db.insert("INSERT INTO email_address(address, lower) VALUES (?, ?)", [address.value, address.lower])
  }

  /// An address's id as an insert's value: its id where it is known (`?`), or, on PostgreSQL for
  /// an address not looked up ahead, `espomail_address_id(?, ?)`, which finds or makes it in the
  /// same statement, so the insert still needs no answer (a pipelined insert, no round trip).
  func addressIDValue(_ address: EmailAddress) throws -> (sql: String, arguments: SQLArguments) {
    if db.engine == .postgresql, addressIDs.byLower[address.lower] == nil {
      return ("espomail_address_id(?, ?)", [address.value, address.lower])
    }
    return ("?", [try addressID(address)])
  }

  /// Adds a sender or recipient to an email.
  func addRecipient(emailID: Int64, kind: String, address: EmailAddress, name: String?, position: Int) throws {
    let id = try addressIDValue(address)
    try db.executeUnanswered(
      """
      INSERT INTO email_recipient(email_id, kind, email_address_id, display_name, position)
      VALUES (?, ?, \(id.sql), ?, ?) ON CONFLICT DO NOTHING
      """, [emailID, kind] + id.arguments + [name, position])
  }

  /// Attaches an address to an owner. Throws when the owner has it already or, for users, when
  /// another user has it (a user's address identifies them).
  public func attachAddress(_ address: EmailAddress, to owner: AddressOwner, id: Int64, primary: Bool) throws {
    let addressID = try addressID(address)
    let existing = try db.rows("SELECT entity_id FROM entity_email_address WHERE entity_type = ? AND email_address_id = ?", [owner.rawValue, addressID]).map { $0[0] as Int64 }
    if existing.contains(id) {
      throw EspoMailError.alreadyExists("address", address.value, hint: "this \(owner.rawValue) has it already")
    }
    if owner == .user, let other = existing.first {
      let login = try db.value(String.self, "SELECT login FROM \"user\" WHERE id = ?", [other]) ?? "?"
      throw EspoMailError(
        .dataError, "address '\(address.value)' already belongs to user '\(login)'",
        hint: "an address identifies one user; remove it from '\(login)' first")
    }
    let position =
      try db.value(Int.self, "SELECT COALESCE(MAX(position), -1) + 1 FROM entity_email_address WHERE entity_type = ? AND entity_id = ?", [owner.rawValue, id]) ?? 0
    let hasPrimary =
      try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM entity_email_address WHERE entity_type = ? AND entity_id = ? AND is_primary = 1)", [owner.rawValue, id]) ?? false
    let makePrimary = primary || !hasPrimary
    if makePrimary {
      try db.execute("UPDATE entity_email_address SET is_primary = 0 WHERE entity_type = ? AND entity_id = ?", [owner.rawValue, id])
    }
    absent.holderlessAddresses.remove(address.lower)
    try db.execute("""
        INSERT INTO entity_email_address(entity_type, entity_id, email_address_id, is_primary, position)
        VALUES (?, ?, ?, ?, ?)
        """, [owner.rawValue, id, addressID, makePrimary, position])
  }

  /// Detaches an address from an owner; throws not-found when the owner does not have it.
  public func detachAddress(_ address: EmailAddress, from owner: AddressOwner, id: Int64) throws {
    guard try db.execute("""
        DELETE FROM entity_email_address WHERE entity_type = ? AND entity_id = ?
          AND email_address_id = (SELECT id FROM email_address WHERE lower = ?)
        """, [owner.rawValue, id, address.lower]) > 0 else {
      throw EspoMailError.notFound("address", address.value, hint: "this \(owner.rawValue) does not have it")
    }
    // Keep one primary address when others remain.
    try db.execute("""
        UPDATE entity_email_address SET is_primary = 1
        WHERE entity_type = ?1 AND entity_id = ?2
          AND NOT EXISTS (SELECT 1 FROM entity_email_address WHERE entity_type = ?1 AND entity_id = ?2 AND is_primary = 1)
          AND email_address_id = (SELECT email_address_id FROM entity_email_address
                                  WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY position LIMIT 1)
        """, [owner.rawValue, id])
  }

  /// An owner's addresses, primary first, then in the order they were added.
  public func addresses(of owner: AddressOwner, id: Int64) throws -> [String] {
    try db.values(String.self, """
        SELECT a.address FROM entity_email_address l JOIN email_address a ON a.id = l.email_address_id
        WHERE l.entity_type = ? AND l.entity_id = ? ORDER BY l.is_primary DESC, l.position
        """, [owner.rawValue, id])
  }

  /// The ids of owners of one kind that have an address.
  public func owners(of address: EmailAddress, kind: AddressOwner) throws -> [Int64] {
    try db.values(Int64.self, """
        SELECT l.entity_id FROM entity_email_address l JOIN email_address a ON a.id = l.email_address_id
        WHERE a.lower = ? AND l.entity_type = ? ORDER BY l.is_primary DESC, l.entity_id
        """, [address.lower, kind.rawValue])
  }
}
