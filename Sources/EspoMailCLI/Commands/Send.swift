import ArgumentParser
import EspoMailCore
import EspoMailKit
import Foundation

extension EspoMail {
  /// `espomail send --from ADDR --to ADDR... …`
  struct Send: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Send an email as you; it is stored as Sent and linked to its parent.",
      discussion: """
        From must be one of your addresses with a personal account's SMTP, a shared group account \
        your role allows (group-email-account), or one of your addresses through the system sender \
        when an admin sets outbound-shared yes. A reply (--reply-to-email) goes to the replied \
        email's sender unless --to is given; --reply-all adds its other recipients. With a Case parent, Reply-To is the case's group \
        address, and the Message-ID carries the case so replies thread back to it. Through your own \
        database role on PostgreSQL, the mail is queued and the fetch service sends it as you on its \
        next pass ('outbox requests' shows how it went). \
        Example: espomail send --from support@example.com --to jane@acme.example --subject 'Re: printer' \\
        --body-file reply.txt --parent case:17
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Your From address.", valueName: "addr")) var from: String
    @Option(help: ArgumentHelp("A recipient (addr, or Name <addr>); repeat for more.", valueName: "addr")) var to: [String] = []
    @Option(help: ArgumentHelp("A copy recipient (addr, or Name <addr>); repeat for more.", valueName: "addr"))
    var cc: [String] = []
    @Option(help: ArgumentHelp("A blind copy recipient, left out of the message's headers; repeat for more.", valueName: "addr"))
    var bcc: [String] = []
    @Option(help: "The subject (on a reply, default: Re: and the replied subject).") var subject: String?
    @Option(help: "The body text.") var body: String?
    @Option(help: "A file holding the body (- for standard input).", completion: .file()) var bodyFile: String?
    @Option(help: ArgumentHelp("The record it is about.", valueName: "TYPE:ID")) var parent: String?
    @Option(
      help: ArgumentHelp(
        "The email this answers (threading headers; without --to, its sender): 42 or email:42.", valueName: "id"))
    var replyToEmail: EmailID?
    @Flag(
      help: "With --reply-to-email: answer its other To and Cc recipients too, leaving out your own addresses and accounts marked --exclude-from-reply.")
    var replyAll = false
    @Option(help: "A file to attach; repeat for more.", completion: .file()) var attach: [String] = []
    @Option(
      help: ArgumentHelp(
        "A template giving the subject and body unless --subject or --body is given, and its files.", valueName: "name"))
    var template: String?
    @Option(help: "Seconds to wait for a silent server.") var timeout: Double = 60

    func validate() throws {
      if body != nil && bodyFile != nil { throw ValidationError("give --body TEXT or --body-file FILE, not both") }
      if body == nil && bodyFile == nil && template == nil {
        throw ValidationError("give --body TEXT, --body-file FILE or --template NAME")
      }
      if replyAll && replyToEmail == nil { throw ValidationError("--reply-all needs --reply-to-email ID") }
      if to.isEmpty && replyToEmail == nil { throw ValidationError("give at least one --to ADDR") }
      if subject == nil && replyToEmail == nil && template == nil { throw ValidationError("give --subject TEXT") }
    }

    func run(in context: CommandContext) throws {
      var text = body ?? ""
      if let bodyFile { text = String(decoding: try context.readFile(bodyFile), as: UTF8.self) }
      var request = SendRequest(from: from, to: to, subject: subject ?? "", body: text)
      request.cc = cc
      request.bcc = bcc
      request.parent = try parent.map(RecordReference.init(parsing:))
      request.replyToEmail = replyToEmail?.value
      request.replyAll = replyAll
      request.template = template
      request.attachments = try context.fileAttachments(attach)
      let session = try context.session()
      if try session.sendsThroughService() {
        let queued = try session.queueSend(request)
        try context.output.result(QueuedSendJSON(queued)) {
          "queued as request \(queued.id): the fetch service sends it as you on its next pass (espomail outbox requests)"
        }
        return
      }
      let result = try session.send(request, network: context.network(timeout: timeout))
      if let problem = result.sentFolderError {
        context.output.warning("email \(result.emailID) was sent, but \(problem)")
        context.output.hint("create the folder on the server, or choose another: espomail account set \(result.account) --sent-folder NAME")
      }
      try context.output.result(SendResultJSON(result)) {
        "sent email \(result.emailID) via \(result.account)" + (result.parent.map { " about \($0)" } ?? "")
      }
    }
  }
}
