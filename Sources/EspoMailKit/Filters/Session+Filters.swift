import EspoMailCore
import EspoMailMIME
import EspoMailStore
import Foundation

extension Session {
  /// Saves a filter after checking who may own it and that it can work: global filters are for
  /// admins; account filters for admins (group) or the owner (personal); user filters for the user
  /// or an admin. Returns the filter and the earlier filters that shadow it.
  public func createFilter(_ request: FilterRequest) throws -> FilterCreation {
    try validateName(request.name, of: "filter")
    var filter = EmailFilter(
      id: 0, name: request.name, scope: request.scope, account: request.account, user: request.user,
      from: request.from, to: request.to, subject: request.subject, bodyContains: request.bodyContains,
      bodyContainsAll: request.bodyContainsAll, action: request.action,
      folder: request.action == .moveToFolder ? request.folder : nil,
      groupFolder: request.action == .moveToGroupFolder ? request.folder : nil, markRead: request.markRead,
      skipNotification: request.skipNotification, position: 0)
    var accountID: Int64?
    var userID: Int64?
    var isGroup = false
    switch request.scope {
    case .global:
      try requireAdmin("filter create --global")
    case .account:
      guard let name = request.account else { throw EspoMailError(.usage, "an account filter needs --account NAME") }
      let account = try manageableAccount(name, action: "filter create --account")
      accountID = account.id
      isGroup = account.kind == .group
      filter.account = account.name
    case .user:
      guard let login = request.user else { throw EspoMailError(.usage, "a user filter needs --user LOGIN") }
      if login.lowercased() != user.login.lowercased() { try requireAdmin("filter create --user \(login)") }
      userID = try store.read { try $0.userID(login: login) }.orNotFound("user", login)
    }
    try FilterMatcher.validate(filter, groupAccount: isGroup)
    return try store.write { tx in
      var folderID: Int64?
      var groupFolderID: Int64?
      if filter.action == .moveToFolder, let name = filter.folder, let userID {
        folderID = try tx.folderID(userID: userID, name: name).orNotFound(
          "folder", name)
      }
      if filter.action == .moveToGroupFolder, let name = filter.groupFolder {
        groupFolderID = try tx.groupFolderID(name: name).orNotFound("group folder", name)
      }
      let id = try tx.insertFilter(filter, accountID: accountID, userID: userID, folderID: folderID, groupFolderID: groupFolderID)
      let saved = try tx.filter(name: request.name).orNotFound("filter", request.name)
      let shadows = try tx.filters().filter {
        $0.id != id && $0.scope == saved.scope && $0.account == saved.account && $0.user == saved.user
          && $0.position < saved.position && FilterMatcher.shadows($0, saved)
      }
      return FilterCreation(filter: saved, shadowedBy: shadows.map(\.name))
    }
  }

  /// The filters the acting user may see, in the order they run: admins all (or one user's with
  /// `login`); others their own user filters and their personal accounts' filters.
  public func listFilters(user login: String?) throws -> [EmailFilter] {
    if let login, login.lowercased() != user.login.lowercased() { try requireAdmin("filter list --user \(login)") }
    let all = try store.read { try $0.filters() }
    if let login { return all.filter { $0.user?.lowercased() == login.lowercased() } }
    if user.isAdmin { return all }
    let mine = Set(try listAccounts().map(\.name))
    return all.filter { $0.user?.lowercased() == user.login.lowercased() || ($0.account.map(mine.contains) ?? false) }
  }

  /// One filter the acting user may see.
  public func showFilter(_ name: String) throws -> EmailFilter {
    guard let filter = try listFilters(user: nil).first(where: { $0.name.lowercased() == name.lowercased() }) else {
      if try store.read({ try $0.filter(name: name) }) != nil {
        throw EspoMailError.denied("filter show \(name)", because: "it is not one of your filters")
      }
      throw EspoMailError.notFound("filter", name)
    }
    return filter
  }

  /// Removes a filter the acting user owns (admins: any).
  public func removeFilter(_ name: String) throws -> EmailFilter {
    let filter = try showFilter(name)
    if filter.scope == .global { try requireAdmin("filter remove") }
    try store.write { tx in try tx.deleteFilter(id: filter.id) }
    return filter
  }

  /// Whether and why a filter matches a stored email or an .eml file; changes nothing.
  public func testFilter(_ name: String, emailID: Int64?, file: [UInt8]?) throws -> FilterTestResult {
    let filter = try showFilter(name)
    let subject: FilterSubject
    var headerSubject: FilterSubject
    if let emailID {
      subject = try store.read { tx in
        try requireEmailAccess(emailID: emailID, tx)
        return try tx.filterSubject(emailID: emailID).orNotFound("email", "email:\(emailID)")
      }
      headerSubject = subject
      headerSubject.bodies = nil
    } else if let file {
      let parsed = try MessageParser.parse(file)
      subject = FilterSubject(
        from: parsed.from.first?.address, recipients: (parsed.to + parsed.cc).map(\.address), subject: parsed.subject,
        bodies: [parsed.textBody, parsed.htmlBody].compactMap { $0 })
      headerSubject = subject
      headerSubject.bodies = nil
    } else {
      throw EspoMailError(.usage, "filter test needs --email ID or --file FILE.eml")
    }
    let result = FilterMatcher.match(filter, subject)
    return FilterTestResult(
      filter: filter.name, matches: result.matches, reason: result.reason,
      matchesOnHeaders: FilterMatcher.match(filter, headerSubject).matches)
  }
}
