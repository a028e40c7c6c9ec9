import EspoMailCore
import EspoMailTestSupport
import Foundation
import Testing

@testable import EspoMailStore

/// The PostgreSQL connection against a real server: values of every kind go in and come back
/// unchanged, parameters are numbered as on SQLite, savepoints undo only their part, and errors
/// become the store's errors.
@Suite(.enabled(if: PostgresServer.shouldRun)) struct PostgresConnectionTests {
  private func connection() throws -> PostgresConnection {
    try PostgresConnection(connecting: try PostgresServer.shared.get().createDatabase())
  }

  @Test func valuesOfEveryKindRoundTrip() throws {
    let db = try connection()
    try db.execute("CREATE TABLE sample (id BIGSERIAL PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, t TEXT, b BYTEA)")
    let bytes: [UInt8] = [0, 1, 0x5c, 0x78, 255, 0, 39]
    let id = try db.insert(
      "INSERT INTO sample(n, r, t, b) VALUES (?, ?, ?, ?)", [Int64.max, 2.5, "naïve 'quoted' ?1 text", bytes])
    let row = try #require(try db.row("SELECT * FROM sample WHERE id = ?", [id]))
    #expect(row["n"] as Int64 == Int64.max)
    #expect(row["r"] as Double == 2.5)
    #expect(row["t"] as String == "naïve 'quoted' ?1 text")
    #expect(row["b"] as [UInt8] == bytes)
    try db.execute("INSERT INTO sample(n) VALUES (?)", [nil])
    #expect(try db.values(Int64?.self, "SELECT n FROM sample ORDER BY id") == [Int64.max, nil])
    #expect(try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM sample WHERE t LIKE '%?%')") == true)
  }

  @Test func searchWordsSentInBinaryAreTheTsvectorTheirTextMakes() throws {
    let db = try connection()
    let documents = [
      SearchDocument(subject: "Zebra apple Ärger café 42", body: "apple ZEBRA zulu ångström", parties: []),
      SearchDocument(subject: "", body: nil, parties: []),
      SearchDocument(subject: (1...3000).map { "w\($0)" }.joined(separator: " "), body: nil, parties: []),
    ]
    for document in documents {
      let row = try #require(
        try db.row(
          "SELECT CAST(? AS tsvector) = CAST(? AS tsvector) AS same, CAST(? AS tsvector) @@ 'apple & zebra' AS found",
          [document, document.text, document]))
      #expect(row["same"] as Bool)
      #expect(row["found"] as Bool == document.text.hasPrefix("zebra"))
    }
  }

  @Test func numberedAndBareParametersFollowSQLitesRule() throws {
    let db = try connection()
    let row = try #require(try db.row("SELECT ?2 AS second, ?1 AS first, ? AS third, '?' AS literal", [1, 2, 3]))
    #expect(row["first"] as Int64 == 1)
    #expect(row["second"] as Int64 == 2)
    #expect(row["third"] as Int64 == 3)
    #expect(row["literal"] as String == "?")
  }

  @Test func executeCountsChangedRowsAndInsertIfAbsentSeesConflicts() throws {
    let db = try connection()
    try db.execute("CREATE TABLE tag (id BIGSERIAL PRIMARY KEY, name TEXT UNIQUE NOT NULL)")
    #expect(try db.insertIfAbsent("INSERT INTO tag(name) VALUES (?) ON CONFLICT DO NOTHING", ["a"]) == 1)
    #expect(try db.insertIfAbsent("INSERT INTO tag(name) VALUES (?) ON CONFLICT DO NOTHING", ["a"]) == nil)
    try db.execute("INSERT INTO tag(name) VALUES ('b'), ('c')")
    #expect(try db.execute("UPDATE tag SET name = name || '!' WHERE name <> ?", ["a"]) == 2)
  }

  @Test func unansweredStatementsArriveInOrderAndTheirErrorsStillEndTheWork() throws {
    let db = try connection()
    try db.execute("CREATE TABLE u (v BIGINT UNIQUE, w TEXT)")
    // Many more than wait at once, in order, read back by the next statement that is answered.
    try db.execute("BEGIN")
    for value in 1...600 { try db.executeUnanswered("INSERT INTO u(v, w) VALUES (?, ?)", [value, "row \(value)"]) }
    #expect(try db.value(Int64.self, "SELECT sum(v) FROM u") == 600 * 601 / 2)
    try db.execute("COMMIT")
    // A failing one throws at the next answered statement; a savepoint takes back only its part.
    try db.execute("BEGIN")
    try db.executeUnanswered("INSERT INTO u(v) VALUES (?)", [1000])
    #expect(throws: EspoMailError.self) {
      try db.savepoint {
        try db.executeUnanswered("INSERT INTO u(v) VALUES (?)", [1001])
        try db.executeUnanswered("INSERT INTO u(v) VALUES (?)", [1])  // a duplicate
        try db.executeUnanswered("INSERT INTO u(v) VALUES (?)", [1002])
        _ = try db.rows("SELECT 1", [])
      }
    }
    try db.execute("COMMIT")
    #expect(try db.values(Int64.self, "SELECT v FROM u WHERE v >= 1000 ORDER BY v") == [1000])
    // An error that only COMMIT reads rolls the whole transaction back.
    #expect(throws: EspoMailError.self) {
      try db.inTransaction(writing: true) {
        try db.executeUnanswered("INSERT INTO u(v) VALUES (?)", [2000])
        try db.executeUnanswered("INSERT INTO u(v) VALUES (?)", [2])
      }
    }
    #expect(try db.value(Int64.self, "SELECT count(*) FROM u WHERE v = 2000") == 0)
    #expect(try db.value(Int64.self, "SELECT count(*) FROM u") == 601)
  }

  @Test func reservedIDsFollowEachOtherAndLeaveNoGapAfterTheCommit() throws {
    let db = try connection()
    try db.execute("CREATE TABLE r (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v TEXT)")
    // Three rows in a transaction that reserved a block of eight; then one row the plain way.
    let first = try db.inTransaction(writing: true) {
      try (1...3).map { _ in
        let id = try #require(try db.reservedID(for: "r"))
        try db.executeUnanswered("INSERT INTO r(id, v) VALUES (?, 'reserved')", [id])
        return id
      }
    }
    let plain = try db.inTransaction(writing: true) { try db.insert("INSERT INTO r(v) VALUES ('plain')", []) }
    #expect(first == [1, 2, 3])
    #expect(plain == 4)
    // A second transaction reserves again from where the first one stopped.
    let second = try db.inTransaction(writing: true) { try db.reservedID(for: "r") }
    #expect(second == 5)
    #expect(try db.insert("INSERT INTO r(v) VALUES ('after')", []) == 6)
  }

  @Test func aSavepointUndoesOnlyItsOwnChanges() throws {
    let db = try connection()
    try db.execute("CREATE TABLE t (v BIGINT)")
    try db.execute("BEGIN")
    try db.execute("INSERT INTO t VALUES (1)")
    #expect(throws: EspoMailError.self) {
      try db.savepoint {
        try db.execute("INSERT INTO t VALUES (2)")
        throw EspoMailError(.dataError, "undo")
      }
    }
    try db.savepoint { try db.execute("INSERT INTO t VALUES (3)") }
    try db.execute("COMMIT")
    #expect(try db.values(Int64.self, "SELECT v FROM t ORDER BY v") == [1, 3])
  }

  @Test func errorsBecomeTheStoresErrorsWithoutValues() throws {
    let db = try connection()
    try db.execute("CREATE TABLE u (login TEXT UNIQUE)")
    try db.execute("INSERT INTO u VALUES (?)", ["secret-login"])
    let duplicate = #expect(throws: EspoMailError.self) { try db.execute("INSERT INTO u VALUES (?)", ["secret-login"]) }
    #expect(duplicate?.status == .dataError)
    #expect(duplicate?.message.contains("secret-login") == false)
    let syntax = #expect(throws: EspoMailError.self) { try db.execute("SELEC 1") }
    #expect(syntax?.status == .internalError)
  }

  @Test func anUnreachableServerIsAnIOErrorNamingNoPassword() throws {
    let port = try PostgresServer.shared.get().port
    let error = #expect(throws: EspoMailError.self) {
      try PostgresConnection(connecting: "postgresql://nobody:hunter2@127.0.0.1:\(port)/no_such_database")
    }
    #expect(error?.status == .ioError)
    #expect(error?.message.contains("hunter2") == false)
  }
}

/// The rewriting of `?` parameters into PostgreSQL's `$N`, without a server.
@Suite struct PostgresPlaceholderTests {
  @Test func bareMarksCountOnFromTheLargestNumberGiven() {
    #expect(PostgresPlaceholders.rewrite("a = ? AND b = ?") == "a = $1 AND b = $2")
    #expect(PostgresPlaceholders.rewrite("u = ?1 WHERE x = ? AND y = ?1 AND z = ?") == "u = $1 WHERE x = $2 AND y = $1 AND z = $3")
    #expect(PostgresPlaceholders.rewrite("?3, ?") == "$3, $4")
  }

  @Test func quotedTextAndCommentsAreLeftAlone() {
    #expect(PostgresPlaceholders.rewrite("SELECT '?', \"q?\", ? -- what?\n, ? /* ? */") == "SELECT '?', \"q?\", $1 -- what?\n, $2 /* ? */")
    #expect(PostgresPlaceholders.rewrite("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1")
  }
}
