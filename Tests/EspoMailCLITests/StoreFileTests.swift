import EspoMailTestSupport
import Foundation
import Testing

/// What is at the store path, and the key beside it: only `init` makes a store or a key, a
/// read-only store still answers reading commands, a missing key is named.
@Suite struct StoreFileTests {
  @Test func anEmptyOrForeignFileIsNeverTurnedIntoAStore() throws {
    let directory = try TemporaryDirectory()
    let foreign = directory.file("other.db")
    let python = try Process.run(
      URL(fileURLWithPath: "/usr/bin/python3"),
      arguments: ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()", foreign])
    python.waitUntilExit()
    FileManager.default.createFile(atPath: directory.file("empty"), contents: Data())
    FileManager.default.createFile(atPath: directory.file("text"), contents: Data("hello\n".utf8))
    let cases = [("empty", "is an empty file"), ("text", "not an SQLite database"), ("other.db", "not an espomail store")]
    for (name, message) in cases {
      let path = directory.file(name)
      let before = try Data(contentsOf: URL(fileURLWithPath: path))
      let result = try BinaryRunner.run(["user", "list"], environment: ["ESPOMAIL_STORE": path])
      #expect(result.status == 78, "\(name): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(name) was changed")
      #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
  }

  @Test func initKeepsAKeyItFindsAndUsesALockFolderLeftBehind() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sqlite")
    let env = ["ESPOMAIL_STORE": path]
    // A key left beside a removed store is kept, byte for byte, and nothing else is left.
    FileManager.default.createFile(atPath: path + ".key", contents: Data("precious".utf8))
    let refused = try BinaryRunner.run(["init"], environment: env)
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(refused.stderr.contains("a key file already exists"))
    #expect(FileManager.default.contents(atPath: path + ".key") == Data("precious".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["s.sqlite.key"])
    // A lock folder left beside a removed store is used again, made the owner's alone.
    try FileManager.default.removeItem(atPath: path + ".key")
    try FileManager.default.createDirectory(atPath: path + ".locks", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    let made = try BinaryRunner.run(["init"], environment: env)
    #expect(made.status == 0, "\(made.stderr)")
    let mode = try FileManager.default.attributesOfItem(atPath: path + ".locks")[.posixPermissions] as? Int
    #expect(mode == 0o700)
    #expect(try BinaryRunner.run(["user", "list"], environment: env).status == 0)
    // A link in its place is refused: the fetch's lock files would go wherever it points.
    let other = directory.file("t.sqlite")
    try FileManager.default.createSymbolicLink(atPath: other + ".locks", withDestinationPath: directory.path)
    let linked = try BinaryRunner.run(["init"], environment: ["ESPOMAIL_STORE": other])
    #expect(linked.status == 65, "\(linked.stderr)")
    #expect(linked.stderr.contains("in the way"))
    #expect(!FileManager.default.fileExists(atPath: other))
  }

  @Test func aReadOnlyStoreAnswersReadingCommandsAndSaysWhyItCannotWrite() throws {
    guard geteuid() == 0 else { return }  // a second OS user through setpriv needs root; CI runs as root.
    let directory = try TemporaryDirectory()
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    let folder = directory.file("store")
    let env = ["ESPOMAIL_STORE": folder + "/s.sqlite"]
    #expect(try BinaryRunner.run(["init"], environment: env).status == 0)
    #expect(try BinaryRunner.run(["user", "add", "nobody", "--admin"], environment: env).status == 0)
    for arguments in [["chown", "-R", "nobody:nogroup", folder], ["chmod", "0400", folder + "/s.sqlite"], ["chmod", "0500", folder]] {
      let process = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: arguments)
      process.waitUntilExit()
    }
    func asNobody(_ arguments: [String]) throws -> CommandResult {
      try BinaryRunner.run(
        arguments, environment: env, wrapper: ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"])
    }
    let listed = try asNobody(["user", "list", "--format", "json"])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(try listed.array().count == 2)
    let added = try asNobody(["team", "add", "Support"])
    #expect(added.status == 74, "\(added.stderr)")
    #expect(added.stderr.contains("is read-only"))
  }

  @Test func aFullDiskStillAnswersReadingCommandsAndSaysWhyItCannotWrite() throws {
    guard geteuid() == 0 else { return }  // mounting a small file system needs root; CI runs as root.
    let directory = try TemporaryDirectory()
    let mountPoint = directory.file("disk")
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
    func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
      let process = try Process.run(URL(fileURLWithPath: tool), arguments: arguments)
      process.waitUntilExit()
      return process.terminationStatus
    }
    #expect(try run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint]) == 0)
    defer { _ = try? run("/usr/bin/umount", [mountPoint]) }
    let env = ["ESPOMAIL_STORE": mountPoint + "/s.sqlite"]
    #expect(try BinaryRunner.run(["init"], environment: env).status == 0)
    #expect(try BinaryRunner.run(["user", "add", "alice"], environment: env).status == 0)
    FileManager.default.createFile(atPath: mountPoint + "/fill", contents: nil)
    let filler = try #require(FileHandle(forWritingAtPath: mountPoint + "/fill"))
    let block = Data(count: 64 * 1024)
    while (try? filler.write(contentsOf: block)) != nil {}
    try? filler.close()
    for arguments in [["user", "list"], ["account", "status"]] {
      let read = try BinaryRunner.run(arguments, environment: env)
      #expect(read.status == 0, "\(arguments): \(read.stderr)")
    }
    let written = try BinaryRunner.run(["user", "add", "bob"], environment: env)
    #expect(written.status == 74)
    #expect(written.stderr.contains("is full"), "\(written.stderr)")
    try FileManager.default.removeItem(atPath: mountPoint + "/fill")
    #expect(try BinaryRunner.run(["user", "add", "bob"], environment: env).status == 0)
  }

  @Test func aMissingKeyIsNamedAndOnlyMadeOnRequest() throws {
    let store = try TestStore()
    let key = store.keyFile
    #expect(FileManager.default.fileExists(atPath: key), "init makes the key")
    let add = [
      "account", "add", "support", "--group", "--address", "support@example.com", "--imap-host", "127.0.0.1",
      "--imap-port", "9", "--security", "none", "--username", "s", "--password-stdin",
    ]
    #expect(store.run(add, stdin: "pw\n").status == 0)
    try FileManager.default.removeItem(atPath: key)
    let fetched = store.run(["fetch", "--all", "--timeout", "2"])
    #expect(fetched.status == 78, "\(fetched.stderr)")
    #expect(try store.json(["account", "status", "support"]).stdout.contains("key file \(key) is missing"))
    let again = store.run(add.map { $0 == "support" ? "other" : $0 }, stdin: "pw\n")
    #expect(again.status == 78)
    #expect(!FileManager.default.fileExists(atPath: key), "a missing key was silently replaced")
    let audit = try store.run(["audit", "--format", "json"]).array()
    #expect(audit.contains { $0["kind"] as? String == "key-file-missing" })
    let created = try store.json(["key", "create"]).object()
    #expect(created["accountsToReset"] as? [String] == ["support"])
    #expect(store.run(["key", "create"]).status == 65)
  }
}
