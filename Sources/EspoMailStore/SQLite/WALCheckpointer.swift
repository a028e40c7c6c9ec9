import Dispatch
internal import GRDB
internal import GRDBSQLite
import Synchronization

/// Copies an SQLite store's write-ahead log back into the store file on a thread of its own, so
/// that the writer's commits only append to the log (Docs/performance.md, "First sync").
///
/// SQLite's default is to checkpoint inside the commit that takes the log past 1,000 pages: the
/// writer stops to read those pages back and write them into the store, about 30 % of a first
/// sync's writer time. Here the writer's commit hook only wakes this checkpointer; a checkpoint
/// on another connection (SQLite's PASSIVE mode) neither waits for the writer nor stops it. The
/// log starts over only when a checkpoint has copied all of it before the writer's next
/// transaction, which a busy writer seldom leaves time for: past `catchUpFrames` pages the writer
/// waits for a checkpoint of what is left, as SQLite's own would make it, so the log stays
/// bounded. A checkpoint cut short by a crash is simply done again: the log stays the record until
/// it is copied.
final class WALCheckpointer: Sendable {
  /// Log pages after which a commit wakes the checkpointer (SQLite's own default).
  static let wakeFrames: Int32 = 1_000
  /// Log pages after which the writer waits for a checkpoint in its commit, as SQLite's default has it do.
  static let catchUpFrames: Int32 = 4_000

  private let path: String
  private let queue = DispatchQueue(label: "espomail.checkpoint")
  private let scheduled = Atomic<Bool>(false)
  private let completed = Atomic<Int>(0)

  /// Checkpoints run on the checkpointer's own connection so far.
  var backgroundCheckpoints: Int { completed.load(ordering: .acquiring) }

  /// A checkpointer for the store file at `path`.
  init(path: String) { self.path = path }

  /// Makes `db` (the writer's connection) wake this checkpointer after its commits instead of
  /// checkpointing in them. The connection must not outlive the checkpointer.
  func attach(to db: Database) {
    let context = Unmanaged.passUnretained(self).toOpaque()
    sqlite3_wal_hook(
      db.sqliteConnection,
      { context, _, _, frames in
        let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue()
        checkpointer.committed(frames: frames)
        return SQLITE_OK
      }, context)
  }

  /// After a commit that left `frames` pages in the log.
  private func committed(frames: Int32) {
    if frames >= Self.catchUpFrames {
      // The writer waits for a checkpoint running now, then for one copying what it left.
      queue.sync { checkpoint() }
      return
    }
    guard frames >= Self.wakeFrames,
      scheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    else { return }
    queue.async { [self] in
      defer { scheduled.store(false, ordering: .releasing) }
      checkpoint()
    }
  }

  /// One PASSIVE checkpoint on a connection of its own, opened for it: a few times a minute at
  /// most, so the connection is not kept.
  private func checkpoint() {
    var connection: OpaquePointer?
    defer { sqlite3_close_v2(connection) }
    guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
      // A read opens the log: until then the connection does not know the store is in WAL mode.
      sqlite3_exec(connection, "PRAGMA user_version", nil, nil, nil) == SQLITE_OK
    else { return }
    if sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK {
      completed.add(1, ordering: .releasing)
    }
  }
}
