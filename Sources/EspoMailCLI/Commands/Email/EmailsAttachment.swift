import ArgumentParser
import EspoMailCore
import Foundation

extension EspoMail.Emails {
  /// `espomail email attachment ID [NUMBER] [--output FILE]`
  struct Attachment: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List an email's attachments, or write one out (decoded, byte for byte).",
      discussion: """
        Without NUMBER: the attachments and inline parts, numbered from 1. With NUMBER: its bytes \
        to --output FILE (created; an existing file is refused), or to stdout.
        Examples: espomail email attachment 42
                  espomail email attachment 42 1 --output invoice.pdf
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID
    @Argument(help: "The attachment's number, as listed.") var number: Int?
    @Option(help: "Write the attachment to this new file instead of stdout.") var output: String?

    func validate() throws {
      if output != nil, number == nil { throw ValidationError("--output needs an attachment NUMBER") }
      if let number, number < 1 { throw ValidationError("attachment numbers start at 1") }
    }

    func run(in context: CommandContext) throws {
      let emailID = id.value
      let parts = try context.session().attachments(ofEmail: emailID)
      guard let number else {
        let listed = parts.map(\.attachment)
        try context.output.result(listed.map(EmailAttachmentJSON.init)) {
          TextTable(
            headers: ["#", "NAME", "TYPE", "SIZE", "INLINE"],
            rows: listed.map { ["\($0.number)", $0.name, $0.contentType, "\($0.size)", $0.isInline ? "yes" : "no"] }
          ).render(empty: "email:\(emailID) has no attachments")
        }
        return
      }
      guard parts.indices.contains(number - 1) else {
        throw EspoMailError(
          .notFound, "email:\(emailID) has no attachment \(number)",
          hint: parts.isEmpty ? "it has no attachments" : "it has \(parts.count); list them with 'espomail email attachment \(emailID)'")
      }
      let (attachment, bytes) = parts[number - 1]
      guard let output else {
        context.output.raw(stdout: bytes)
        return
      }
      let descriptor = open(output, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        let reason = String(cString: strerror(errno))
        if errno == EEXIST {
          throw EspoMailError(.dataError, "\(output) exists already", hint: "choose a new file name, or remove it first")
        }
        throw EspoMailError(.ioError, "cannot create \(output): \(reason)")
      }
      let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      do { try handle.write(contentsOf: Data(bytes)) } catch {
        throw EspoMailError(.ioError, "cannot write \(output): \(error.localizedDescription)")
      }
      try context.output.result(EmailAttachmentJSON(attachment)) { "wrote \(attachment.name) (\(attachment.size) bytes) to \(output)" }
    }
  }
}
