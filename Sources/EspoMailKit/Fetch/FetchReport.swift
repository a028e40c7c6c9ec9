import EspoMailCore

/// How an account's fetch ended; the raw values are the `status` key of `fetch --format json`.
public enum AccountFetchStatus: String, Codable, Sendable {
  /// Everything was fetched.
  case ok
  /// The account failed, or one or more of its folders did (see `folderErrors`).
  case failed
  /// Another run holds the account.
  case busy
  /// Another run fetched the account since this pass began (`fetch --all` on several hosts, or
  /// overlapping cron runs): one fetch per account and pass is enough.
  case fetchedByAnotherRun = "fetched-by-another-run"
  /// `--dry-run`: counted, nothing fetched.
  case dryRun = "dry-run"
}

/// How one account's fetch went: one entry of `fetch --format json`.
public struct AccountFetchReport: Sendable {
  /// Account name.
  public var name: String
  /// How it ended.
  public var status: AccountFetchStatus
  /// New emails imported (header-only ones included).
  public var new: Int
  /// Messages recognised as emails already in the store.
  public var merged: Int
  /// Messages skipped by filters.
  public var skipped: Int
  /// Messages kept in quarantine.
  public var quarantined: Int
  /// Of the new emails, those imported header-only (over the size limit).
  public var tooLarge: Int
  /// Cases opened.
  public var casesCreated: Int
  /// Of those, cases left New because nobody was eligible.
  public var casesUnassigned: Int
  /// Auto-replies sent.
  public var autoReplies: Int
  /// The error, when the account failed.
  public var error: String?
  /// The exit status the error maps to.
  public var errorStatus: Int32?
  /// What to do about the account's own error, when espomail knows.
  public var errorHint: String?
  /// Messages expunged on the server between the search and their download (settled, nothing
  /// imported).
  public var expunged: Int
  /// Monitored folders that failed on their own (missing on the server, or a command refused in
  /// them) while the account's other folders were fetched; empty when none did.
  public var folderErrors: [FolderFetchError]

  /// An empty report for an account.
  public init(name: String, status: AccountFetchStatus) {
    self.name = name
    self.status = status
    new = 0
    merged = 0
    skipped = 0
    quarantined = 0
    tooLarge = 0
    casesCreated = 0
    casesUnassigned = 0
    autoReplies = 0
    expunged = 0
    folderErrors = []
  }

  /// Counts what the case logic did.
  mutating func count(_ outcome: CaseOutcome) {
    if case .created(_, let assigned) = outcome {
      casesCreated += 1
      if !assigned { casesUnassigned += 1 }
    }
  }

  /// Messages settled in this run.
  public var settled: Int { new + merged + skipped + quarantined + expunged }
}

/// One monitored folder that failed while the rest of its account was fetched.
public struct FolderFetchError: Sendable {
  /// The folder's name, as configured.
  public var folder: String
  /// What went wrong.
  public var error: String
  /// The exit status the error maps to.
  public var errorStatus: Int32

  /// A folder's failure.
  public init(folder: String, error: String, errorStatus: Int32) {
    self.folder = folder
    self.error = error
    self.errorStatus = errorStatus
  }
}

/// The whole run.
public struct FetchReport: Sendable {
  /// One report per account, in name order.
  public var accounts: [AccountFetchReport]
  /// Wall-clock seconds.
  public var durationSeconds: Double
  /// The send requests a `--all` pass sent or refused after fetching (Docs/security.md, "Sending
  /// as an agent").
  public var sendRequests: [QueuedSend] = []
  /// What mailing notifications after the fetch did (none on a dry run).
  public var notificationMail = NotificationMailReport()

  /// The exit status: 0 when all succeeded, 75 when some were busy and none failed, else the
  /// worst failure's status.
  public var exitStatus: ExitStatus {
    let failures = accounts.compactMap(\.errorStatus).compactMap(ExitStatus.init(rawValue:))
    if let worst = failures.max(by: { $0.rawValue < $1.rawValue }) { return worst }
    if accounts.contains(where: { $0.status == .busy }) { return .tryAgain }
    return .success
  }
}

/// Options of a fetch run.
public struct FetchOptions: Sendable {
  /// Change nothing anywhere: report what would be fetched.
  public var dryRun = false
  /// How many accounts at once, each on a thread of its own (most of an account's time is spent
  /// waiting on its server).
  public var jobs = FetchOptions.defaultJobs
  /// How many of them at once on one IMAP server (host and port).
  public var jobsPerServer = FetchOptions.defaultJobsPerServer
  /// Timeout, CA bundle and trace for the IMAP and SMTP servers.
  public var network = NetworkOptions()
  /// Messages per chunk (one UID FETCH round trip and one write transaction); twice that on
  /// PostgreSQL (`FetchRun.chunkScale`).
  public var chunkSize = 200
  /// Most message bytes (by their announced sizes) one chunk holds: 8 MiB, twice that on
  /// PostgreSQL, less when many jobs run (`FetchRun.chunkBytes`). With two chunks in
  /// flight (one written while the next downloads) a fetch stays within a few hundred MiB
  /// whatever the mailbox holds (Docs/architecture.md, "Bounds on what a server can make
  /// espomail hold").
  public var chunkBytes = 8 << 20
  /// Skip auto-replies in this run.
  public var noAutoReply = false
  /// Skip notifications in this run.
  public var noNotify = false
  /// For `fetch --all`, each account's fetch-attempt counter when this pass began: an account
  /// another run has attempted since then is not fetched again in this pass. Nil fetches every
  /// account named.
  public var attemptsAtPassStart: [Int64: Int64]?
  /// Default options.
  public init() {}

  /// Accounts fetched at once by default: a pass over 1,000 accounts behind a 50 ms round trip
  /// fits a cron minute several times over (Docs/performance.md, "A cron pass over a network").
  public static let defaultJobs = 64
  /// Accounts fetched at once from one IMAP server by default: under half of the 100 login
  /// processes a stock Dovecot allows, so people's own mail clients still get in.
  public static let defaultJobsPerServer = 48
}

/// A progress event for a terminal display.
public struct FetchProgress: Sendable {
  /// The account.
  public var account: String
  /// The folder.
  public var folder: String
  /// Messages settled so far in this folder.
  public var done: Int
  /// Messages to settle in this folder in this run.
  public var total: Int
}
