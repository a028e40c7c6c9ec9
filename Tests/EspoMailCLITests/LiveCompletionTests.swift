import EspoMailCLI
import EspoMailTestSupport
import Foundation
import Testing

/// Shell completion offers the store's own names: bash runs the generated completion script, which
/// asks the built binary, which opens the store as the OS user running it.
@Suite struct LiveCompletionTests {
  /// What bash offers after typing `espomail WORDS…` and TAB (the last word is the one completed).
  static func completions(_ words: [String], store: TestStore) throws -> [String] {
    let directory = try TemporaryDirectory()
    let script = directory.file("espomail.bash")
    try GeneratedFiles.all()["completions/espomail.bash", default: ""].write(toFile: script, atomically: true, encoding: .utf8)
    let driver = """
      source "$1"; bin="$2"; shift 2
      COMP_WORDS=("$bin" "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
      COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
      _espomail "$bin" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    // The runner puts the binary's path after the wrapper: it arrives as $2.
    let result = try BinaryRunner.run(words, environment: store.environment, wrapper: ["/bin/bash", "-c", driver, "bash", script])
    return result.stdout.split(separator: "\n").map(String.init)
  }

  @Test func namesComeFromTheStoreAsTheUserMaySeeThem() throws {
    let login = ProcessInfo.processInfo.userName
    let store = try TestStore(admin: login)
    for command in [
      ["team", "add", "Support"], ["team", "add", "Sales"], ["role", "create", "Agent"], ["user", "add", "alice"],
      [
        "account", "add", "support", "--group", "--address", "support@example.com", "--imap-host", "127.0.0.1",
        "--security", "none", "--username", "support", "--password-command", "echo pw",
      ],
    ] { try store.json(command) }
    #expect(try Self.completions(["team", "show", "Su"], store: store) == ["Support"])
    #expect(try Self.completions(["team", "show", ""], store: store) == ["Sales", "Support"])
    #expect(try Self.completions(["user", "role", "add", "alice", ""], store: store) == ["Agent"])
    #expect(try Self.completions(["email", "list", "--account", ""], store: store) == ["support"])
    #expect(try Self.completions(["user", "show", ""], store: store) == ["alice", login].sorted())
    // Acting as alice, who is no admin: only herself, and no accounts.
    #expect(try Self.completions(["user", "show", "--as", "alice", ""], store: store) == ["alice"])
    #expect(try Self.completions(["fetch", "--as", "alice", ""], store: store) == [])
  }

  @Test func withoutAStoreNothingIsOfferedAndNothingIsPrinted() throws {
    let store = try TestStore(initialise: false)
    let result = try BinaryRunner.run(
      ["---completion", "team", "show", "--", "positional@0", "3", "0", "espomail", "team", "show", ""],
      environment: store.environment)
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    #expect(result.stderr.isEmpty)
  }
}
