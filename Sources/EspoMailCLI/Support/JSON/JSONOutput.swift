/// What a command prints with `--format json`: an explicit type in this folder whose keys are string
/// literals in its `CodingKeys` and whose `encode(to:)` writes each of them, so renaming a Swift
/// property can never rename a key scripts read (Docs/architecture.md, "JSON output").
protocol JSONOutput: Encodable {}

/// A listing prints an array of the items' JSON.
extension Array: JSONOutput where Element: JSONOutput {}
