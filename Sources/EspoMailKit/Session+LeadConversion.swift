import EspoMailCore
import EspoMailStore

/// What `crm lead convert` asks for: each target an existing record or a new one by name.
public struct LeadConversionRequest: Sendable {
  /// An existing account.
  public var account: RecordReference?
  /// A new account of this name.
  public var newAccount: String?
  /// An existing contact.
  public var contact: RecordReference?
  /// A new contact of this name (it gets the lead's addresses and the account).
  public var newContact: String?
  /// An existing opportunity.
  public var opportunity: RecordReference?
  /// A new opportunity of this name (of the account).
  public var newOpportunity: String?

  /// Creates a request.
  public init(
    account: RecordReference? = nil, newAccount: String? = nil, contact: RecordReference? = nil,
    newContact: String? = nil, opportunity: RecordReference? = nil, newOpportunity: String? = nil
  ) {
    self.account = account
    self.newAccount = newAccount
    self.contact = contact
    self.newContact = newContact
    self.opportunity = opportunity
    self.newOpportunity = newOpportunity
  }
}

extension Session {
  /// Converts a lead into an account, a contact and an opportunity, existing or new, as EspoCRM's
  /// convert action: mail that would link to the lead links to its account (or contact in B2C mode)
  /// from then on. Needs lead.edit on the lead, read on the records named and create on the
  /// records made; a new contact gets the lead's addresses (else a new account does). A lead is
  /// converted once.
  public func convertLead(_ lead: RecordReference, _ request: LeadConversionRequest) throws -> CRMRecord {
    guard lead.type == .lead else { throw EspoMailError.malformed("lead", lead.description, accepted: "lead:ID") }
    let targets: [(RecordReference?, RecordType)] = [
      (request.account, .account), (request.contact, .contact), (request.opportunity, .opportunity),
    ]
    for case (let reference?, let type) in targets where reference.type != type {
      throw EspoMailError.malformed("--\(type.rawValue)", reference.description, accepted: "\(type.rawValue):ID")
    }
    guard targets.contains(where: { $0.0 != nil }) || request.newAccount != nil || request.newContact != nil
      || request.newOpportunity != nil
    else {
      throw EspoMailError(
        .usage, "say what the lead becomes", hint: "--account, --contact, --opportunity, or --new-account NAME and the like")
    }
    if request.newAccount != nil { try requireCreate(.account) }
    if request.newContact != nil { try requireCreate(.contact) }
    if request.newOpportunity != nil { try requireCreate(.opportunity) }
    for name in [request.newAccount, request.newContact, request.newOpportunity].compactMap({ $0 }) {
      try validateName(name, of: "record")
    }
    return try store.write { tx in
      let found = try tx.crmRecord(lead).orNotFound("lead", lead.description)
      try requireReadable(lead, action: "crm lead convert \(lead)", tx)
      guard mayRead(found, level: level(.lead, .edit), teammates: try teammateIDs(tx)) else {
        throw EspoMailError.denied(
          "crm lead convert \(lead)", because: "your lead.edit level (\(level(.lead, .edit).rawValue)) does not reach it")
      }
      if let done = found.conversion {
        throw EspoMailError(
          .dataError, "\(lead) was converted already, on \(done.convertedAt)",
          hint: "see 'espomail crm show \(lead)'; a lead is converted once")
      }
      for case (let reference?, _) in targets { try requireReadable(reference, action: "crm lead convert --\(reference.type.rawValue)", tx) }
      var account = request.account
      if let name = request.newAccount {
        account = try tx.insertRecord(.account, name: name, account: nil, createdBy: user.id)
      }
      var contact = request.contact
      if let name = request.newContact {
        contact = try tx.insertRecord(.contact, name: name, account: account?.id, createdBy: user.id)
      }
      var opportunity = request.opportunity
      if let name = request.newOpportunity {
        guard let account else {
          throw EspoMailError(.usage, "a new opportunity needs an account", hint: "add --account account:ID or --new-account NAME")
        }
        opportunity = try tx.insertRecord(.opportunity, name: name, account: account.id, createdBy: user.id)
      }
      let heir = request.newContact != nil ? contact : (request.newAccount != nil ? account : nil)
      if let heir, let owner = AddressOwner(rawValue: heir.type.rawValue) {
        for (index, address) in found.addresses.enumerated() {
          try tx.attachAddress(try EmailAddress(address), to: owner, id: heir.id, primary: index == 0)
        }
      }
      try tx.convertLead(leadID: lead.id, account: account?.id, contact: contact?.id, opportunity: opportunity?.id)
      return try tx.crmRecord(lead).orNotFound("lead", lead.description)
    }
  }
}
