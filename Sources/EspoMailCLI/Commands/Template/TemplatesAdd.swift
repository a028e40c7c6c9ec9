import ArgumentParser
import EspoMailCore
import Foundation

extension EspoMail.Templates {
  /// `espomail template add NAME --subject TEXT (--body TEXT | --body-file FILE) [--html] [--attach FILE...]`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a template (admins only); placeholders are checked.",
      discussion: """
        Files given with --attach are stored with the template and sent with every auto-reply made \
        from it. Example: espomail template add ack --subject 'We got it: {email.subject}' \
        --body 'Hello {person.name}, case {case.number} is open.' --attach terms.pdf
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A unique name.") var name: String
    @Option(help: "The subject, with placeholders.") var subject: String
    @Option(help: "The body, with placeholders.") var body: String?
    @Option(help: "A file holding the body.", completion: .file()) var bodyFile: String?
    @Flag(help: "The body is HTML.") var html = false
    @Option(help: "A file to send with every message made from the template; repeat for more.", completion: .file())
    var attach: [String] = []

    func validate() throws {
      if (body == nil) == (bodyFile == nil) { throw ValidationError("give --body TEXT or --body-file FILE") }
    }

    func run(in context: CommandContext) throws {
      var text = body ?? ""
      if let bodyFile { text = String(decoding: try context.readFile(bodyFile), as: UTF8.self) }
      let template = try context.session().addTemplate(
        name: name, subject: subject, body: text, isHTML: html, attachments: try context.fileAttachments(attach))
      try context.output.result(TemplateJSON(template)) { "added template \(template.name)" }
    }
  }
}
