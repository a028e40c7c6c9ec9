import EspoMailCore
import EspoMailMIME
import EspoMailStore
import Foundation

/// A template filled for `send --template` (Docs/sending.md, "Templates"): `{case.*}` from the
/// case the mail is about, `{person.*}` the replied sender or else the first recipient,
/// `{email.*}` the replied email, `{user.*}` the sender, `{account.*}` the sending account. An
/// HTML template gives an HTML body with its plain-text twin; its files are attached.
struct TemplateFill {
  /// The rendered subject.
  var subject: String
  /// The plain-text body.
  var text: String
  /// The HTML body, for HTML templates.
  var html: String?
  /// The template's files.
  var attachments: [FileAttachment]

  /// Fills the named template; an unknown name is "not found".
  init(
    template name: String, tx: Transaction, parent: RecordReference?, replied: EmailDetail?, recipient: NamedAddress?,
    sender: User, account: MailAccount, now: Date
  ) throws {
    let template = try tx.template(name: name).orNotFound("template", name, hint: "see espomail template list")
    var values = [
      "user.name": sender.name, "user.login": sender.login, "account.name": account.name, "account.address": account.address,
      "date.today": String(Timestamp.iso8601(now).prefix(10)),
    ]
    if let parent, parent.type == .case, let found = try tx.caseRecord(number: parent.id) {
      values["case.number"] = "\(found.number)"
      values["case.name"] = found.name
      values["case.assignee"] = try found.assignedUser.flatMap { try tx.user(login: $0)?.name }
    }
    if let replied {
      values["email.subject"] = replied.summary.subject
      values["email.date"] = replied.summary.date
      values["person.name"] = replied.summary.from?.name
      values["person.address"] = replied.summary.from?.address
    } else if let recipient {
      values["person.name"] = recipient.name
      values["person.address"] = recipient.address.value
    }
    subject = Template.render(template.subject, values)
    let body = Template.render(template.body, values, escapingHTML: template.isHTML)
    text = template.isHTML ? PlainText.fromHTML(body) : body
    html = template.isHTML ? body : nil
    attachments = try tx.templateAttachments(templateID: template.id).map { FileAttachment(name: $0.name, data: $0.bytes) }
  }
}
