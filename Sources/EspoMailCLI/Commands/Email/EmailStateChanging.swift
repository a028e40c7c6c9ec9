import EspoMailCore
import EspoMailKit

/// The shared work of `email read|unread|important|unimportant|trash|restore|archive|move`.
enum EmailStateChanging {
  /// Applies a change to the acting user's view of an email and prints the result.
  static func change(_ id: EmailID, _ change: EmailStateChange, verb: String, in context: CommandContext) throws {
    let summary = try context.session().changeEmail(id.value, change)
    try context.output.result(EmailJSON(summary: summary)) { "email \(summary.id) \(verb)" }
  }
}
