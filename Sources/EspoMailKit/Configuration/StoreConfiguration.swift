import EspoMailCore

/// A store's whole set-up as one document: what `config export` writes and `config apply` makes
/// true (Docs/configuration.md). Mail, cases and history are not set-up and are not in it. A
/// section left out of an applied document is not managed; a section given is the whole truth.
public struct StoreConfiguration: Codable, Equatable, Sendable {
  /// The document format this version writes and reads.
  public static let currentVersion = 1

  /// The document format.
  public var version: Int
  /// Store-wide settings by key (`setting list`).
  public var settings: [String: String]?
  /// Users with their addresses, roles and personal folders.
  public var users: [UserConfiguration]?
  /// Teams with their members.
  public var teams: [TeamConfiguration]?
  /// Roles with every permission.
  public var roles: [RoleConfiguration]?
  /// Reply and notification templates.
  public var templates: [TemplateConfiguration]?
  /// Group folders with the teams that see them.
  public var groupFolders: [GroupFolderConfiguration]?
  /// Mail accounts, secrets by reference only.
  public var accounts: [AccountConfiguration]?
  /// Filters, in the order they apply within their scope.
  public var filters: [FilterConfiguration]?
  /// The account system mail is sent through, if any.
  public var defaultOutbound: String?

  /// Creates a document.
  public init(
    version: Int = Self.currentVersion, settings: [String: String]? = nil, users: [UserConfiguration]? = nil,
    teams: [TeamConfiguration]? = nil, roles: [RoleConfiguration]? = nil, templates: [TemplateConfiguration]? = nil,
    groupFolders: [GroupFolderConfiguration]? = nil, accounts: [AccountConfiguration]? = nil,
    filters: [FilterConfiguration]? = nil, defaultOutbound: String? = nil
  ) {
    self.version = version
    self.settings = settings
    self.users = users
    self.teams = teams
    self.roles = roles
    self.templates = templates
    self.groupFolders = groupFolders
    self.accounts = accounts
    self.filters = filters
    self.defaultOutbound = defaultOutbound
  }

  private enum CodingKeys: String, CodingKey {
    case version, settings, users, teams, roles, templates
    case groupFolders = "group-folders"
    case accounts, filters
    case defaultOutbound = "default-outbound"
  }
}

/// A user as the document holds them.
public struct UserConfiguration: Codable, Equatable, Sendable {
  /// OS login.
  public var login: String
  /// Display name.
  public var name: String
  /// Admin rights.
  public var admin: Bool
  /// Active or not.
  public var active: Bool
  /// Addresses, the primary one first.
  public var addresses: [String]
  /// Role names.
  public var roles: [String]
  /// Personal folders.
  public var folders: [FolderConfiguration]
  /// The team the mail of their personal accounts is assigned to (one of theirs), if any.
  public var defaultTeam: String?
  /// The notifications the user also gets by email.
  public var emailNotifications: [NotificationTopic]

  /// Creates a user entry.
  public init(
    login: String, name: String, admin: Bool, active: Bool, addresses: [String], roles: [String],
    folders: [FolderConfiguration], defaultTeam: String? = nil, emailNotifications: [NotificationTopic] = []
  ) {
    self.defaultTeam = defaultTeam
    self.emailNotifications = emailNotifications
    self.login = login
    self.name = name
    self.admin = admin
    self.active = active
    self.addresses = addresses
    self.roles = roles
    self.folders = folders
  }

  /// Reads an entry; lists and flags left out take their defaults.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    login = try container.decode(String.self, forKey: .login)
    name = try container.decodeIfPresent(String.self, forKey: .name) ?? login
    admin = try container.decodeIfPresent(Bool.self, forKey: .admin) ?? false
    active = try container.decodeIfPresent(Bool.self, forKey: .active) ?? true
    addresses = try container.decodeIfPresent([String].self, forKey: .addresses) ?? []
    roles = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
    folders = try container.decodeIfPresent([FolderConfiguration].self, forKey: .folders) ?? []
    defaultTeam = try container.decodeIfPresent(String.self, forKey: .defaultTeam)
    emailNotifications = try container.decodeIfPresent([NotificationTopic].self, forKey: .emailNotifications) ?? []
  }

  /// The entry without its default team, which is set after the teams (their members) are.
  var withoutDefaultTeam: UserConfiguration {
    var user = self
    user.defaultTeam = nil
    return user
  }

  private enum CodingKeys: String, CodingKey {
    case login, name, admin, active, addresses, roles, folders
    case defaultTeam = "default-team"
    case emailNotifications = "email-notifications"
  }
}

/// A personal folder.
public struct FolderConfiguration: Codable, Equatable, Sendable {
  /// The folder's name.
  public var name: String
  /// Mail filed here notifies nobody.
  public var skipNotifications: Bool

  /// Creates a folder entry.
  public init(name: String, skipNotifications: Bool) {
    self.name = name
    self.skipNotifications = skipNotifications
  }

  /// Reads an entry; the flag defaults to off.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    skipNotifications = try container.decodeIfPresent(Bool.self, forKey: .skipNotifications) ?? false
  }

  private enum CodingKeys: String, CodingKey {
    case name
    case skipNotifications = "skip-notifications"
  }
}

/// A team and its members.
public struct TeamConfiguration: Codable, Equatable, Sendable {
  /// The team's name.
  public var name: String
  /// Members, by login, with their positions.
  public var members: [MemberConfiguration]

  /// Creates a team entry.
  public init(name: String, members: [MemberConfiguration]) {
    self.name = name
    self.members = members
  }

  /// Reads an entry; no members by default.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    members = try container.decodeIfPresent([MemberConfiguration].self, forKey: .members) ?? []
  }

  private enum CodingKeys: String, CodingKey { case name, members }
}

/// One member of a team.
public struct MemberConfiguration: Codable, Equatable, Sendable {
  /// The member's login.
  public var login: String
  /// Their position in the team, if any.
  public var position: String?

  /// Creates a member entry.
  public init(login: String, position: String?) {
    self.login = login
    self.position = position
  }
}

/// A role and every permission it grants.
public struct RoleConfiguration: Codable, Equatable, Sendable {
  /// The role's name.
  public var name: String
  /// `SCOPE.ACTION` and account permissions with their values, as `role set` takes them.
  public var permissions: [String: String]

  /// Creates a role entry.
  public init(name: String, permissions: [String: String]) {
    self.name = name
    self.permissions = permissions
  }
}

/// A template.
public struct TemplateConfiguration: Codable, Equatable, Sendable {
  /// The template's name.
  public var name: String
  /// Subject with placeholders.
  public var subject: String
  /// Body with placeholders.
  public var body: String
  /// Whether the body is HTML.
  public var html: Bool

  /// Creates a template entry.
  public init(name: String, subject: String, body: String, html: Bool) {
    self.name = name
    self.subject = subject
    self.body = body
    self.html = html
  }

  /// Reads an entry; plain text by default.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    subject = try container.decode(String.self, forKey: .subject)
    body = try container.decode(String.self, forKey: .body)
    html = try container.decodeIfPresent(Bool.self, forKey: .html) ?? false
  }

  private enum CodingKeys: String, CodingKey { case name, subject, body, html }
}

/// A group folder.
public struct GroupFolderConfiguration: Codable, Equatable, Sendable {
  /// The folder's name.
  public var name: String
  /// Teams whose members see it.
  public var teams: [String]

  /// Creates a group folder entry.
  public init(name: String, teams: [String]) {
    self.name = name
    self.teams = teams
  }
}
