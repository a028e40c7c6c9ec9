import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Foundation
import Testing

@testable import EspoMailKit

/// Which headers make mail automatic (no case, no reply), and which only withhold the reply
/// (`MessageClassifier`, read through the email a message becomes).
@Suite struct MessageClassifierTests {
  /// The email a message with these headers (and sender) becomes.
  private func draft(_ headers: [String], from: String = "Jane Roe <jane@acme.example>") throws -> NewEmail {
    let prepared = PreparedMessage.prepare(
      SampleMessage.make(from: from, headers: headers), size: 0, headerOnly: false, now: Date())
    return try prepared.draft.get()
  }

  @Test("automatic mail: RFC 3834 headers, X-Autoreply, X-Autorespond, bulk and bounces; the header is named")
  func automatic() throws {
    let automatic: [([String], String, String)] = [
      (["Auto-Submitted: auto-replied"], "jane@acme.example", "Auto-Submitted: auto-replied"),
      (["Auto-Submitted: auto-generated"], "jane@acme.example", "Auto-Submitted: auto-generated"),
      (["X-Autoreply: yes"], "jane@acme.example", "X-Autoreply: yes"),
      (["X-Autorespond: Out of office"], "jane@acme.example", "X-Autorespond"),
      (["Precedence: bulk"], "jane@acme.example", "Precedence: bulk"),
      (["Precedence: junk"], "jane@acme.example", "Precedence: junk"),
      (["Precedence: auto_reply"], "jane@acme.example", "Precedence: auto_reply"),
      (["Return-Path: <>"], "jane@acme.example", "Return-Path: <>"),
      ([], "MAILER-DAEMON@mx.example", "mailer-daemon@mx.example"),
      ([], "postmaster@mx.example", "postmaster@mx.example"),
      (["Content-Type: multipart/report; report-type=delivery-status; boundary=x"], "jane@acme.example", "multipart/report"),
      // Automatic wins over list headers.
      (["List-Id: <news.acme.example>", "Auto-Submitted: auto-generated"], "jane@acme.example", "Auto-Submitted"),
    ]
    for (headers, from, named) in automatic {
      let email = try draft(headers, from: from)
      #expect(email.automaticReason?.contains(named) == true, "\(headers) \(from): \(email.automaticReason ?? "nil")")
    }
  }

  @Test("list mail and X-Auto-Response-Suppress AutoReply/All/OOF withhold the reply only")
  func replyWithheld() throws {
    let withheld: [([String], String)] = [
      (["List-Id: Support forwarders <support.groups.example>"], "List-Id"),
      (["Precedence: list"], "Precedence: list"),
      (["X-Auto-Response-Suppress: All"], "X-Auto-Response-Suppress: All"),
      (["X-Auto-Response-Suppress: DR, OOF, AutoReply"], "(oof)"),
      (["X-Auto-Response-Suppress: autoreply"], "(autoreply)"),
    ]
    for (headers, named) in withheld {
      let email = try draft(headers)
      #expect(email.automaticReason == nil, "\(headers)")
      #expect(email.noReplyReason?.contains(named) == true, "\(headers): \(email.noReplyReason ?? "nil")")
    }
    for headers in [[], ["Auto-Submitted: no"], ["X-Auto-Response-Suppress: DR, RN, NRN"], ["Precedence: first-class"]] {
      let email = try draft(headers)
      #expect(email.automaticReason == nil && email.noReplyReason == nil, "\(headers)")
    }
  }
}
