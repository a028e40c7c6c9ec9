import EspoMailCore
import EspoMailCurl
import Testing

@Suite struct TransferErrorTests {
  @Test(arguments: [
    (6, EspoMailCore.ExitStatus.unavailable), (7, .unavailable), (35, .unavailable), (60, .unavailable), (64, .unavailable),
    (67, .permissionDenied), (28, .tryAgain), (56, .unavailable), (8, .protocolError), (3, .configuration),
  ])
  func mapsCurlCodesToExitStatuses(code: Int, status: EspoMailCore.ExitStatus) {
    #expect(TransferError(code: code, summary: "s").espoMailError.status == status)
  }

  @Test func messageCarriesSummaryAndDetail() {
    let error = TransferError(
      code: 7, summary: "Couldn't connect to server", detail: "Failed to connect to 127.0.0.1 port 1: Connection refused\n")
    #expect(error.detail == "Failed to connect to 127.0.0.1 port 1: Connection refused")
    #expect(error.espoMailError.message.contains("Connection refused"))
    #expect(error.espoMailError.hint != nil)
    #expect(TransferError(code: 7, summary: "x", detail: "  ").detail == nil)
  }

  @Test func optionsBuildURLsAndHideSecrets() {
    let options = CurlConnectOptions(
      scheme: "imap", host: "::1", port: 993, security: .implicitTLS, username: "u", secret: .password("hunter2"))
    #expect(options.url == "imaps://[::1]:993/")
    #expect(CurlConnectOptions(scheme: "imap", host: "h", port: 143, security: .startTLS).url == "imap://h:143/")
    #expect(!String(describing: options).contains("hunter2"))
    #expect(!String(reflecting: options).contains("hunter2"))
  }
}
