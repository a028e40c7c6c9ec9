import EspoMailCore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// Who may see, fetch, manage and send through mail accounts, and set their secrets (`AccountAccess`).
@Suite struct AccountAccessTests {
  private let admin = AccessSamples.user("root", admin: true)
  private let alice = AccessSamples.user(
    "alice", id: 2, teams: ["Support"], addresses: ["alice@example.com", "Al@Example.com"])
  private let group = StoreSamples.account("desk", teams: ["Support", "Billing"])
  private let alicesMail = StoreSamples.account(
    "alice-mail", kind: .personal, owner: "alice", address: "alice@example.com")
  private let bobsMail = StoreSamples.account("bob-mail", kind: .personal, owner: "bob", address: "bob@example.com")

  private func access(_ user: User, personalAccounts: Bool = false, groupAccount: GroupAccountPermission = .no)
    -> AccountAccess
  {
    AccountAccess(
      user: user, permissions: AccessSamples.permissions(personalAccounts: personalAccounts, groupAccount: groupAccount)
    )
  }

  @Test("seeing: admins every account, users their own personal accounts only (logins match exactly)")
  func maySee() {
    for account in [group, alicesMail, bobsMail] { #expect(access(admin).maySee(account)) }
    #expect(access(alice).maySee(alicesMail))
    #expect(!access(alice).maySee(bobsMail))
    #expect(!access(alice, groupAccount: .all).maySee(group))
    #expect(!access(AccessSamples.user("Alice")).maySee(alicesMail))
  }

  @Test("fetching: admins any account; owners their personal account only with personal-email-accounts")
  func mayFetch() {
    for account in [group, alicesMail, bobsMail] { #expect(access(admin).mayFetch(account)) }
    #expect(access(alice, personalAccounts: true).mayFetch(alicesMail))
    #expect(!access(alice, personalAccounts: false).mayFetch(alicesMail))
    #expect(!access(alice, personalAccounts: true).mayFetch(bobsMail))
    #expect(!access(alice, personalAccounts: true, groupAccount: .all).mayFetch(group))
  }

  @Test("managing a group account is for admins")
  func manageGroup() throws {
    #expect(try access(admin).requireManage(kind: .group, owner: nil, action: "account add") == nil)
    #expect(
      failureStatus {
        _ = try access(alice, personalAccounts: true, groupAccount: .all).requireManage(
          kind: .group, owner: nil, action: "x")
      } == .permissionDenied)
  }

  @Test("managing a personal account: it needs an owner; admins any; users their own with personal-email-accounts")
  func managePersonal() throws {
    #expect(failureStatus { _ = try access(admin).requireManage(kind: .personal, owner: nil, action: "x") } == .usage)
    #expect(try access(admin).requireManage(kind: .personal, owner: "bob", action: "x") == "bob")
    #expect(
      try access(alice, personalAccounts: true).requireManage(kind: .personal, owner: "alice", action: "x") == "alice")
    #expect(
      failureStatus { _ = try access(alice).requireManage(kind: .personal, owner: "alice", action: "x") }
        == .permissionDenied)
    #expect(
      failureStatus {
        _ = try access(alice, personalAccounts: true).requireManage(kind: .personal, owner: "bob", action: "x")
      } == .permissionDenied)
    #expect(
      failureStatus {
        _ = try access(alice, personalAccounts: true).requireManage(kind: .personal, owner: "ALICE", action: "x")
      } == .permissionDenied)
  }

  @Test("secrets: anyone may give a password; only admins a command or token command")
  func secrets() {
    #expect(failureStatus { try access(alice).requireMaySet(.password("p"), flag: "--password-stdin") } == nil)
    for secret in [SecretInput.command("pass show x"), .oauth2Command("token")] {
      #expect(
        failureStatus { try access(alice, personalAccounts: true).requireMaySet(secret, flag: "--x") }
          == .permissionDenied)
      #expect(failureStatus { try access(admin).requireMaySet(secret, flag: "--x") } == nil)
    }
  }

  @Test("a personal account's address must be its owner's (without case), unless an admin overrides")
  func ownedAddress() {
    #expect(
      failureStatus { try access(alice).requireOwnedAddress("AL@example.COM", owner: alice, allowUnowned: false) }
        == nil)
    #expect(
      failureStatus { try access(alice).requireOwnedAddress("other@example.com", owner: alice, allowUnowned: false) }
        == .permissionDenied)
    #expect(
      failureStatus { try access(alice).requireOwnedAddress("other@example.com", owner: alice, allowUnowned: true) }
        == .permissionDenied)
    #expect(
      failureStatus { try access(admin).requireOwnedAddress("other@example.com", owner: alice, allowUnowned: true) }
        == nil)
    #expect(
      failureStatus { try access(admin).requireOwnedAddress("other@example.com", owner: alice, allowUnowned: false) }
        == .permissionDenied)
  }

  @Test("cleartext: encrypted or loopback always; elsewhere only when an admin accepts it")
  func cleartext() {
    func server(_ host: String, _ security: ConnectionSecurity) -> ServerSettings {
      ServerSettings(
        host: host, port: 143, security: security, username: "u", secretSource: .stored, secretCommand: nil)
    }
    for security in [ConnectionSecurity.tls, .starttls] {
      #expect(
        failureStatus {
          try access(alice).requireProtected(server("imap.example.com", security), "IMAP", allowCleartext: false)
        } == nil)
    }
    for host in ["127.0.0.1", "localhost", "[::1]", "127.1.2.3"] {
      #expect(
        failureStatus { try access(alice).requireProtected(server(host, .none), "IMAP", allowCleartext: false) } == nil,
        "\(host)")
    }
    #expect(
      failureStatus {
        try access(admin).requireProtected(server("imap.example.com", .none), "IMAP", allowCleartext: false)
      } == .dataError)
    #expect(
      failureStatus {
        try access(alice).requireProtected(server("imap.example.com", .none), "IMAP", allowCleartext: true)
      } == .permissionDenied)
    #expect(
      failureStatus {
        try access(admin).requireProtected(server("imap.example.com", .none), "IMAP", allowCleartext: true)
      } == nil)
    #expect(
      failureStatus { try access(alice).requireProtected(server("128.0.0.1", .none), "IMAP", allowCleartext: false) }
        == .dataError)
  }

  @Test("sending through a personal account: its owner, as one of their own addresses (without case)")
  func sendPersonal() {
    let owner = access(alice, personalAccounts: true)
    #expect(owner.maySend(through: alicesMail, as: "ALICE@example.com"))
    #expect(owner.maySend(through: alicesMail, as: "al@example.com"))
    #expect(!owner.maySend(through: alicesMail, as: "ceo@example.com"))
    #expect(!owner.maySend(through: bobsMail, as: "alice@example.com"))
    #expect(!access(admin).maySend(through: bobsMail, as: "bob@example.com"))  // admins have no address of bob's
  }

  @Test("sending through a group account: admins always; others when it is shared and group-email-account reaches it")
  func sendGroup() {
    var shared = group
    shared.isSMTPShared = true
    #expect(access(admin).maySend(through: group, as: "desk@example.com"))
    for permission in GroupAccountPermission.allCases {
      #expect(!access(alice, groupAccount: permission).maySend(through: group, as: "desk@example.com"), "not shared")
    }
    #expect(access(alice, groupAccount: .all).maySend(through: shared, as: "desk@example.com"))
    #expect(access(alice, groupAccount: .team).maySend(through: shared, as: "desk@example.com"))  // shares Support
    #expect(!access(alice, groupAccount: .no).maySend(through: shared, as: "desk@example.com"))
    let outsider = AccessSamples.user("carol", id: 3, teams: ["Sales"])
    #expect(!access(outsider, groupAccount: .team).maySend(through: shared, as: "desk@example.com"))
    #expect(access(outsider, groupAccount: .all).maySend(through: shared, as: "desk@example.com"))
  }
}
