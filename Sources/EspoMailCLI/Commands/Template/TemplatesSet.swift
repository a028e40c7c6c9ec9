import ArgumentParser
import EspoMailCore
import Foundation

extension EspoMail.Templates {
  /// `espomail template set NAME [--subject TEXT] [--body TEXT | --body-file FILE] [--html | --text] [--attach FILE... | --no-attachments]`
  struct Change: EspoCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change a template's subject, body, kind or attachments (admins only).",
      discussion: """
        --attach replaces the template's attachments with the files given; --no-attachments removes \
        them. Example: espomail template set ack --attach terms.pdf --attach price-list.pdf
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The template's name.") var name: String
    @Option(help: "The subject, with placeholders.") var subject: String?
    @Option(help: "The body, with placeholders.") var body: String?
    @Option(help: "A file holding the body.", completion: .file()) var bodyFile: String?
    @Flag(inversion: .prefixedNo, help: "The body is HTML, or (no-) plain text.") var html: Bool?
    @Option(help: "A file to send with every message made from the template (replaces its files); repeat for more.", completion: .file())
    var attach: [String] = []
    @Flag(help: "Remove the template's attachments.") var noAttachments = false

    func validate() throws {
      if body != nil && bodyFile != nil { throw ValidationError("give --body TEXT or --body-file FILE, not both") }
      if noAttachments && !attach.isEmpty { throw ValidationError("--attach and --no-attachments exclude each other") }
      if subject == nil && body == nil && bodyFile == nil && html == nil && attach.isEmpty && !noAttachments {
        throw ValidationError("nothing to change: give --subject, --body, --body-file, --html, --no-html, --attach or --no-attachments")
      }
    }

    func run(in context: CommandContext) throws {
      var text = body
      if let bodyFile { text = String(decoding: try context.readFile(bodyFile), as: UTF8.self) }
      let files = noAttachments ? [] : (attach.isEmpty ? nil : try context.fileAttachments(attach))
      let template = try context.session().setTemplate(
        name: name, subject: subject, body: text, isHTML: html, attachments: files)
      try context.output.result(TemplateJSON(template)) { "updated template \(template.name)" }
    }
  }
}
