import EspoMailCore
import EspoMailMIME

/// Reads from a message's headers what kind of sender it has (Docs/email-to-case.md, "Automatic mail"):
/// automatic mail (RFC 3834 responses, bounces, bulk) opens no case and gets no reply; list mail
/// and mail asking not to be answered open cases but get no reply.
enum MessageClassifier {
  /// Why a message counts as automatic (opens no case, gets no reply), naming the header that
  /// decided, or nil when a person sent it.
  static func automaticReason(_ message: ParsedMessage) -> String? {
    if let value = message.header("Auto-Submitted"), value.trimmingWhitespace().lowercased() != "no" {
      return "Auto-Submitted: \(value.trimmingWhitespace())"
    }
    for name in ["X-Autoreply", "X-Autorespond"] {
      if let value = message.header(name) { return "\(name): \(value.trimmingWhitespace())" }
    }
    if let precedence = message.header("Precedence")?.trimmingWhitespace().lowercased(),
      ["bulk", "junk", "auto_reply"].contains(precedence)
    {
      return "Precedence: \(precedence)"
    }
    if let returnPath = message.header("Return-Path"), returnPath.trimmingWhitespace() == "<>" {
      return "Return-Path: <> (a bounce)"
    }
    if let sender = message.from.first?.address.lowercased(),
      sender.hasPrefix("mailer-daemon@") || sender.hasPrefix("postmaster@")
    {
      return "From: \(sender) (a bounce)"
    }
    if let type = message.header("Content-Type")?.lowercased(), type.contains("multipart/report") {
      return "Content-Type: multipart/report (a delivery report)"
    }
    return nil
  }

  /// Why a message a person sent still gets no automatic reply (mailing-list mail, or
  /// `X-Auto-Response-Suppress` asking for none), naming the header, or nil.
  static func noReplyReason(_ message: ParsedMessage) -> String? {
    if let value = message.header("X-Auto-Response-Suppress") {
      let asked = value.split(separator: ",").map { String($0).trimmingWhitespace().lowercased() }
      if let word = asked.first(where: { ["all", "autoreply", "oof"].contains($0) }) {
        return "X-Auto-Response-Suppress: \(value.trimmingWhitespace()) asks for no automatic reply (\(word))"
      }
    }
    if let list = message.header("List-Id") { return "List-Id: \(list.trimmingWhitespace()) (mailing-list mail)" }
    if message.header("Precedence")?.trimmingWhitespace().lowercased() == "list" {
      return "Precedence: list (mailing-list mail)"
    }
    return nil
  }
}
