import EspoMailCore
import EspoMailMIME

/// Recognises automatic mail (auto-replies, bulk and list mail, bounces) from its headers, so it
/// never triggers auto-replies or opens cases.
enum MessageClassifier {
  /// Why a message counts as automatic, or nil when a person sent it.
  static func automaticReason(_ message: ParsedMessage) -> String? {
    if let value = message.header("Auto-Submitted"), value.trimmingWhitespace().lowercased() != "no" {
      return "Auto-Submitted: \(value)"
    }
    if message.header("X-Auto-Response-Suppress") != nil { return "X-Auto-Response-Suppress present" }
    if let precedence = message.header("Precedence")?.trimmingWhitespace().lowercased(),
      ["bulk", "junk", "list", "auto_reply"].contains(precedence)
    {
      return "Precedence: \(precedence)"
    }
    if message.header("List-Id") != nil { return "List-Id present" }
    if let returnPath = message.header("Return-Path"), returnPath.trimmingWhitespace() == "<>" {
      return "empty Return-Path"
    }
    if let sender = message.from.first?.address.lowercased(),
      sender.hasPrefix("mailer-daemon@") || sender.hasPrefix("postmaster@")
    {
      return "sent by \(sender)"
    }
    if let type = message.header("Content-Type")?.lowercased(), type.contains("multipart/report") {
      return "delivery report"
    }
    return nil
  }
}
