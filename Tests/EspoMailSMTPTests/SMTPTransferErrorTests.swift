import EspoMailCore
import EspoMailCurl
import Testing

@Suite struct SMTPTransferErrorTests {
  /// An error as `CurlSMTPTransfer` reports it.
  func failure(_ code: Int, _ detail: String = "", reply: Int? = nil, text: String? = nil) -> EspoMailError {
    SMTPTransferError(
      transfer: TransferError(code: code, summary: "curl text", detail: detail), replyCode: reply, replyText: text
    ).espoMailError
  }

  @Test func failuresMapToTheirExitStatuses() {
    #expect(failure(7).status == .unavailable)
    #expect(failure(6).status == .unavailable)
    #expect(failure(60, reply: 220).status == .unavailable)
    #expect(failure(64, "STARTTLS not supported.", reply: 250).status == .unavailable)
    #expect(failure(28).status == .tryAgain)
    #expect(failure(67, reply: 535, text: "535 5.7.8 invalid").status == .permissionDenied)
    #expect(
      failure(55, "MAIL failed: 530", reply: 530, text: "530 5.7.0 Authentication required").status == .permissionDenied
    )
    #expect(failure(55, "RCPT failed: 550", reply: 550, text: "550 5.1.1 unknown").status == .protocolError)
    #expect(failure(55, "RCPT failed: 451", reply: 451, text: "451 4.3.0 later").status == .tryAgain)
    #expect(failure(55, "MAIL failed: 552", reply: 552).status == .protocolError)
    #expect(failure(8, reply: 554, text: "554 5.6.0 no").status == .protocolError)
    #expect(failure(8, reply: 421, text: "421 4.3.2 shutting down").status == .tryAgain)
    #expect(failure(56, reply: 354).status == .unavailable)
  }

  @Test func messagesSayWhatTheServerRefusedAndQuoteIt() {
    #expect(
      failure(55, "RCPT failed: 550", reply: 550, text: "550 5.1.1 <x@example.org>: unknown").message
        == "the SMTP server refused a recipient (RCPT TO): 550 5.1.1 <x@example.org>: unknown")
    #expect(
      failure(55, "MAIL failed: 553", reply: 553).message == "the SMTP server refused the sender (MAIL FROM): reply 553"
    )
    #expect(failure(8, reply: 452, text: "452 full").message == "the SMTP server deferred the message: 452 full")
  }

  @Test func goodReplyCodesAreNotKept() {
    let error = SMTPTransferError(
      transfer: TransferError(code: 56, summary: "Failure when receiving data from the peer"), replyCode: 250,
      replyText: "250 OK")
    #expect(error.replyCode == nil)
    #expect(error.replyText == nil)
    #expect(error.description == "Failure when receiving data from the peer")
  }
}
