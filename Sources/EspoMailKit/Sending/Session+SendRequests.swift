import EspoMailCore
import EspoMailStore

extension Session {
  /// Whether `send` is asked of the fetch service rather than done here: an agent's own database
  /// role on PostgreSQL may not open sealed passwords, so its mail is sent by the service, as
  /// them (Docs/security.md, "Sending as an agent"). False on SQLite.
  public func sendsThroughService() throws -> Bool {
    try store.read { try $0.connectsAsAgent() }
  }

  /// Queues mail for the fetch service to send as the acting user on its next pass. What can be
  /// checked without the sending account's secrets is checked now (the subject, the addresses,
  /// the email answered and the parent); the service then makes every check of a `send` as the
  /// user, the From address included, and a request that fails them is not sent.
  public func queueSend(_ request: SendRequest) throws -> QueuedSend {
    try HeaderText.check(request.subject, field: "--subject")
    _ = try EmailAddress(request.from)
    for list in [request.to, request.cc, request.bcc] { _ = try list.flatMap(NamedAddress.list) }
    guard !request.to.isEmpty || request.replyToEmail != nil else {
      throw EspoMailError(.usage, "send needs at least one --to, or --reply-to-email")
    }
    let id = try store.write { tx in
      if let replied = request.replyToEmail { _ = try readableEmail(replied, tx) }
      if let parent = request.parent { try requireReadable(parent, action: "send --parent \(parent)", tx) }
      var stored = StoredSendRequest(
        requestedByUserID: user.id, from: request.from, to: request.to, cc: request.cc, bcc: request.bcc,
        subject: request.subject, body: request.body, parent: request.parent, replyToEmailID: request.replyToEmail,
        attachments: request.attachments.map { (name: $0.name, bytes: $0.data) })
      stored.replyAll = request.replyAll
      stored.template = request.template
      return try tx.insertSendRequest(stored)
    }
    return try store.read { try $0.sendRequest(id: id) }.orNotFound("send request", "\(id)")
  }

  /// Send requests, newest first: the acting user's, or everyone's for admins.
  public func listSendRequests(status: SendRequestStatus?, limit: Int) throws -> [QueuedSend] {
    try store.read { try $0.sendRequests(userID: user.isAdmin ? nil : user.id, status: status, limit: limit) }
  }

  /// Sends the queued requests, oldest first, each as the user who asked with every check `send`
  /// makes (an admin's run on a service connection: fetch passes call it; others send nothing).
  /// Each is claimed before anything is sent, so overlapping runs and crashes never send one twice.
  /// Returns the requests as they ended.
  public func deliverSendRequests(network: NetworkOptions, limit: Int = 1000) throws -> [QueuedSend] {
    guard user.isAdmin, try !sendsThroughService() else { return [] }
    var finished: [QueuedSend] = []
    for id in try store.read({ try $0.queuedSendRequestIDs(limit: limit) }) {
      guard let request = try store.write({ try $0.claimSendRequest(id: id) }) else { continue }
      var emailID: Int64?
      var failure: String?
      do {
        emailID = try send(request, network: network)
      } catch {
        failure = EspoMailError.userFacing(error).message
      }
      try store.write { try $0.finishSendRequest(id: id, emailID: emailID, error: failure) }
      if let ended = try store.read({ try $0.sendRequest(id: id) }) { finished.append(ended) }
    }
    return finished
  }

  /// Sends one claimed request as the user who asked; returns the email sent.
  private func send(_ stored: StoredSendRequest, network: NetworkOptions) throws -> Int64 {
    let requester = try store.read { try $0.user(id: stored.requestedByUserID) }
      .orNotFound("user", "\(stored.requestedByUserID)")
    let acting = try Session(store: store, operatingSystemLogin: operatingSystemLogin, actingAs: requester.login)
    var request = SendRequest(from: stored.from, to: stored.to, subject: stored.subject, body: stored.body)
    request.cc = stored.cc
    request.bcc = stored.bcc
    request.parent = stored.parent
    request.replyToEmail = stored.replyToEmailID
    request.replyAll = stored.replyAll
    request.template = stored.template
    request.attachments = stored.attachments.map { FileAttachment(name: $0.name, data: $0.bytes) }
    return try acting.send(request, network: network).emailID
  }
}
