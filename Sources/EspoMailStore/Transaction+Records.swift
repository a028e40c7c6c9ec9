import EspoMailCore

extension RecordType {
  /// The table holding records of this type.
  var table: String {
    switch self {
    case .account: "crm_account"
    case .contact: "contact"
    case .lead: "lead"
    case .opportunity: "opportunity"
    case .case: "crm_case"
    case .email: "email"
    }
  }

  /// The kind of address owner this type is, if records of it have addresses.
  var addressOwner: AddressOwner? {
    switch self {
    case .account: .account
    case .contact: .contact
    case .lead: .lead
    default: nil
    }
  }
}

extension Transaction {
  /// Adds a CRM account, contact, lead or opportunity and returns its reference.
  public func insertRecord(_ type: RecordType, name: String, account: Int64?, createdBy: Int64?) throws
    -> RecordReference
  {
    let id: Int64
    switch type {
    case .account, .lead:
      id = try db.insert("INSERT INTO \(type.table)(name, created_by_user_id) VALUES (?, ?)", [name, createdBy])
    case .contact, .opportunity:
      id = try db.insert("INSERT INTO \(type.table)(name, account_id, created_by_user_id) VALUES (?, ?, ?)", [name, account, createdBy])
    case .case, .email:
      throw EspoMailError(.internalError, "insertRecord does not create \(type.rawValue) records")
    }
    return RecordReference(type, id)
  }

  /// Whether a record exists.
  public func recordExists(_ reference: RecordReference) throws -> Bool {
    let key = reference.type == .case ? "number" : "id"
    return try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM \(reference.type.table) WHERE \(key) = ?)", [reference.id])
      ?? false
  }

  /// A CRM record (account, contact, lead, opportunity), or nil.
  public func crmRecord(_ reference: RecordReference) throws -> CRMRecord? {
    guard reference.type != .case, reference.type != .email else { return nil }
    let hasAccount = reference.type == .contact || reference.type == .opportunity
    let accountColumn = hasAccount ? "r.account_id" : "NULL"
    let sql = """
      SELECT r.id, r.name, r.created_at, r.created_by_user_id, \(accountColumn) AS account_id,
        a.name AS account_name
      FROM \(reference.type.table) r LEFT JOIN crm_account a ON a.id = \(accountColumn)
      WHERE r.id = ?
      """
    guard let row = try db.row(sql, [reference.id]) else { return nil }
    return try record(reference.type, from: row)
  }

  /// Every record of a type, by id.
  public func records(_ type: RecordType) throws -> [CRMRecord] {
    let hasAccount = type == .contact || type == .opportunity
    let accountColumn = hasAccount ? "r.account_id" : "NULL"
    return try db.rows("""
        SELECT r.id, r.name, r.created_at, r.created_by_user_id, \(accountColumn) AS account_id,
          a.name AS account_name
        FROM \(type.table) r LEFT JOIN crm_account a ON a.id = \(accountColumn) ORDER BY r.id
        """).map { try record(type, from: $0) }
  }

  private func record(_ type: RecordType, from row: SQLRow) throws -> CRMRecord {
    let id: Int64 = row["id"]
    let reference = RecordReference(type, id)
    let accountID: Int64? = row["account_id"]
    var record = CRMRecord(
      reference: reference, name: row["name"],
      addresses: try type.addressOwner.map { try addresses(of: $0, id: id) } ?? [],
      account: accountID.map { RecordReference(.account, $0) }, accountName: row["account_name"],
      followers: try followers(of: reference), createdAt: row["created_at"],
      createdByUserID: row["created_by_user_id"])
    if type == .lead { record.conversion = try leadConversion(leadID: id) }
    return record
  }

  /// What a lead was converted to, or nil when it was not.
  public func leadConversion(leadID: Int64) throws -> LeadConversion? {
    guard
      let row = try db.row("""
          SELECT converted_account_id, converted_contact_id, converted_opportunity_id, converted_at
          FROM lead WHERE id = ? AND converted_at IS NOT NULL
          """, [leadID])
    else { return nil }
    return LeadConversion(
      account: (row["converted_account_id"] as Int64?).map { RecordReference(.account, $0) },
      contact: (row["converted_contact_id"] as Int64?).map { RecordReference(.contact, $0) },
      opportunity: (row["converted_opportunity_id"] as Int64?).map { RecordReference(.opportunity, $0) },
      convertedAt: row["converted_at"])
  }

  /// Records what a lead was converted to, now.
  public func convertLead(leadID: Int64, account: Int64?, contact: Int64?, opportunity: Int64?) throws {
    try db.execute("""
        UPDATE lead SET converted_account_id = ?, converted_contact_id = ?, converted_opportunity_id = ?,
          converted_at = ? WHERE id = ?
        """, [account, contact, opportunity, Self.now, leadID])
  }

  /// Makes a user follow a record; returns false when they already did.
  @discardableResult
  public func follow(userID: Int64, _ reference: RecordReference) throws -> Bool {
    return try db.execute("INSERT INTO follow(user_id, entity_type, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [userID, reference.type.rawValue, reference.id]) > 0
  }

  /// Stops a user following a record; returns false when they did not.
  @discardableResult
  public func unfollow(userID: Int64, _ reference: RecordReference) throws -> Bool {
    return try db.execute("DELETE FROM follow WHERE user_id = ? AND entity_type = ? AND entity_id = ?", [userID, reference.type.rawValue, reference.id]) > 0
  }

  /// Logins of a record's followers, sorted.
  public func followers(of reference: RecordReference) throws -> [String] {
    try db.values(String.self, """
        SELECT u.login FROM follow f JOIN "user" u ON u.id = f.user_id
        WHERE f.entity_type = ? AND f.entity_id = ? ORDER BY u.login
        """, [reference.type.rawValue, reference.id])
  }
}
