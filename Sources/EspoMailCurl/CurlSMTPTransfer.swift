internal import CCurl

/// One SMTP delivery through libcurl's normal transfer: connect (implicit TLS or STARTTLS), EHLO,
/// log in (SASL with a password or an XOAUTH2 token), MAIL FROM, RCPT TO for every recipient,
/// DATA with the message bytes (libcurl dot-stuffs them), QUIT.
public enum CurlSMTPTransfer {
  /// Sends `message` from `sender` ("" for the null sender `<>`) to `recipients` through the server
  /// in `options` (its `scheme` should be "smtp"). Throws `SMTPTransferError`.
  ///
  /// Every recipient must be accepted or nothing is sent. `options.timeoutSeconds` bounds the
  /// connect, each wait for a server reply, and any stall of the upload. `trace`, when given,
  /// receives libcurl's verbose output with login lines redacted; the secret is hidden wherever the
  /// server echoes it (`SecretRedactor`), in the trace and in the error's reply text.
  public static func send(
    _ message: [UInt8], from sender: String, to recipients: [String], options: CurlConnectOptions,
    trace: ((String) -> Void)? = nil
  ) throws {
    CurlLibrary.initialise()
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    defer { errorBuffer.deallocate() }
    let recipientList = try RecipientList(recipients)
    guard let handle = curl_easy_init() else {
      throw failure(CURLE_FAILED_INIT, detail: "curl_easy_init failed")
    }
    defer { curl_easy_cleanup(handle) }
    let upload = CurlUploadSource(message)
    let replies = CurlReplyRecorder()
    let redactor = SecretRedactor(options)
    let sink = trace.map { emit in CurlTraceSink { emit(redactor.redact($0)) } }
    try withExtendedLifetime((upload, replies, sink, recipientList)) {
      let set: (CURLcode) throws -> Void = { code in
        guard code != CURLE_OK else { return }
        throw failure(code, detail: String(cString: errorBuffer))
      }
      try set(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
      try configureConnection(handle, options, set: set)
      try set(ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, sender.isEmpty ? "<>" : sender))
      try set(ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipientList.head))
      try set(ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1))
      try set(ccurl_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.count)))
      try set(ccurl_setopt_read_callback(handle, curlUploadCallback))
      try set(ccurl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque()))
      try set(ccurl_setopt_header_callback(handle, curlReplyCallback))
      try set(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(replies).toOpaque()))
      try set(ccurl_setopt_write_callback(handle, curlDiscardCallback))
      if let sink {
        try set(ccurl_setopt_debug_callback(handle, curlTraceCallback))
        try set(ccurl_setopt_pointer(handle, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(sink).toOpaque()))
        try set(ccurl_setopt_long(handle, CURLOPT_VERBOSE, 1))
      }
      let code = curl_easy_perform(handle)
      guard code != CURLE_OK else { return }
      var replyCode = 0
      _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &replyCode)
      var error = SMTPTransferError(
        transfer: redactor.redact(
          TransferError(
            code: Int(code.rawValue), summary: CurlConnection.text(of: code), detail: String(cString: errorBuffer))),
        replyCode: replyCode, replyText: replies.lastReply(code: replyCode).map(redactor.redact))
      if case .bearer? = options.secret {
        error.mechanisms = "XOAUTH2"
      } else {
        error.mechanisms = options.saslMechanisms?.joined(separator: " or ")
      }
      throw error
    }
  }

  /// URL, TLS, certificate checks, login and timeouts.
  private static func configureConnection(
    _ handle: UnsafeMutableRawPointer, _ options: CurlConnectOptions, set: (CURLcode) throws -> Void
  ) throws {
    let seconds = max(1, Int(options.timeoutSeconds.rounded(.up)))
    let milliseconds = max(1, Int((options.timeoutSeconds * 1000).rounded(.up)))
    try set(ccurl_setopt_string(handle, CURLOPT_URL, options.url))
    try set(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
    try set(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
    try set(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds))
    try set(ccurl_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, seconds))
    // No overall limit, so a large message on a slow link is not cut off; a stalled upload is.
    try set(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1))
    try set(ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, seconds))
    try options.applyTLSAndLogin(to: handle, set: set)
  }

  /// An error for a failure before the transfer ran.
  private static func failure(_ code: CURLcode, detail: String) -> SMTPTransferError {
    SMTPTransferError(
      transfer: TransferError(code: Int(code.rawValue), summary: CurlConnection.text(of: code), detail: detail),
      replyCode: nil, replyText: nil)
  }
}

/// The recipients as the `curl_slist` libcurl reads, freed with the value.
private final class RecipientList {
  /// The first list entry; nil for no recipients.
  let head: UnsafeMutablePointer<curl_slist>?

  /// Copies the addresses into a new list.
  convenience init(_ addresses: [String]) throws {
    var head: UnsafeMutablePointer<curl_slist>?
    for address in addresses {
      guard let next = curl_slist_append(head, address) else {
        curl_slist_free_all(head)
        throw SMTPTransferError(
          transfer: TransferError(
            code: Int(CURLE_OUT_OF_MEMORY.rawValue), summary: CurlConnection.text(of: CURLE_OUT_OF_MEMORY)),
          replyCode: nil, replyText: nil)
      }
      head = next
    }
    self.init(head: head)
  }

  /// Takes ownership of a list.
  private init(head: UnsafeMutablePointer<curl_slist>?) { self.head = head }

  deinit { curl_slist_free_all(head) }
}
