import EspoMailCore
import EspoMailStore

/// The system's default outbound account, for notifications and auto-replies.
public struct OutboundStatus: Sendable {
  /// The account, if one is set.
  public var account: String?
  /// Its address.
  public var address: String?
  /// Its SMTP server.
  public var server: String?
}

extension Session {
  /// Makes a group account with SMTP the system sender (admins only).
  public func setDefaultOutbound(_ name: String) throws -> OutboundStatus {
    try requireAdmin("outbound set-default")
    return try store.write { tx in
      let account = try tx.mailAccount(name: name).orNotFound("email account", name)
      guard account.kind == .group else {
        throw EspoMailError.invalid("account '\(account.name)'", "only a group account can be the system sender")
      }
      guard let smtp = account.smtp else {
        throw EspoMailError.invalid(
          "account '\(account.name)'", "it has no SMTP server", hint: "espomail account set \(account.name) --smtp-host HOST")
      }
      guard account.isActive else { throw EspoMailError.invalid("account '\(account.name)'", "it is inactive") }
      try tx.setSetting(.defaultOutbound, to: account.name)
      return OutboundStatus(account: account.name, address: account.address, server: "\(smtp.host):\(smtp.port)")
    }
  }

  /// The system sender, if any.
  public func outboundStatus() throws -> OutboundStatus {
    try store.read { tx in
      guard let name = try tx.setting(.defaultOutbound), let account = try tx.mailAccount(name: name) else {
        return OutboundStatus(account: nil, address: nil, server: nil)
      }
      return OutboundStatus(
        account: account.name, address: account.address, server: account.smtp.map { "\($0.host):\($0.port)" })
    }
  }

  /// Adds a template (admins only); placeholders are checked. Its attachments go with every
  /// message made from it.
  public func addTemplate(
    name: String, subject: String, body: String, isHTML: Bool, attachments: [FileAttachment] = []
  ) throws -> Template {
    try requireAdmin("template add")
    try validateName(name, of: "template")
    try HeaderText.check(subject, field: "--subject")
    try Template.validate(subject, field: "--subject")
    try Template.validate(body, field: "--body")
    return try store.write { tx in
      let id = try tx.insertTemplate(Template(id: 0, name: name, subject: subject, body: body, isHTML: isHTML))
      try tx.setTemplateAttachments(templateID: id, attachments.map(\.stored))
      return try tx.template(name: name).orNotFound("template", name)
    }
  }

  /// Changes what is given of a template (admins only): subject, body, kind, and with
  /// `attachments` its files (an empty list removes them all); placeholders are checked.
  public func setTemplate(
    name: String, subject: String?, body: String?, isHTML: Bool?, attachments: [FileAttachment]?
  ) throws -> Template {
    try requireAdmin("template set")
    if let subject {
      try HeaderText.check(subject, field: "--subject")
      try Template.validate(subject, field: "--subject")
    }
    if let body { try Template.validate(body, field: "--body") }
    return try store.write { tx in
      var template = try tx.template(name: name).orNotFound("template", name)
      template.subject = subject ?? template.subject
      template.body = body ?? template.body
      template.isHTML = isHTML ?? template.isHTML
      try tx.updateTemplate(template)
      if let attachments { try tx.setTemplateAttachments(templateID: template.id, attachments.map(\.stored)) }
      return try tx.template(name: name).orNotFound("template", name)
    }
  }

  /// Replaces a template's subject, body and kind (admins only); placeholders are checked.
  public func updateTemplate(name: String, subject: String, body: String, isHTML: Bool) throws -> Template {
    try requireAdmin("template update")
    try HeaderText.check(subject, field: "subject")
    try Template.validate(subject, field: "subject")
    try Template.validate(body, field: "body")
    return try store.write { tx in
      var template = try tx.template(name: name).orNotFound("template", name)
      template.subject = subject
      template.body = body
      template.isHTML = isHTML
      try tx.updateTemplate(template)
      return template
    }
  }

  /// Every template.
  public func listTemplates() throws -> [Template] {
    try store.read { try $0.templates() }
  }
}
