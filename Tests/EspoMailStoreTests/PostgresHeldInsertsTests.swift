import EspoMailCore
import EspoMailTestSupport
import Testing

@testable import EspoMailStore

/// Which statements go several rows at a time on PostgreSQL, and in what order held rows go.
@Suite struct PostgresHeldInsertsTests {
  @Test func plainRowInsertsHaveAShapeThatRepeatsItsTuple() throws {
    let shape = try #require(
      PostgresInsertShape(
        """
        INSERT INTO email_recipient(email_id, kind, email_address_id)
        VALUES (?, ?, espomail_address_id(?, ?)) ON CONFLICT DO NOTHING
        """))
    #expect(shape.table == "email_recipient")
    #expect(
      shape.sql(rows: 2)
        == "INSERT INTO email_recipient(email_id, kind, email_address_id) VALUES (?, ?, espomail_address_id(?, ?)), "
        + "(?, ?, espomail_address_id(?, ?)) ON CONFLICT DO NOTHING")
    #expect(PostgresInsertShape("INSERT INTO decision(a, b) VALUES (?, CAST(? AS tsvector))")?.sql(rows: 1)
      == "INSERT INTO decision(a, b) VALUES (?, CAST(? AS tsvector))")
  }

  @Test func statementsThatCannotRepeatHaveNoShape() {
    for sql in [
      "INSERT INTO t(a, b) VALUES (?1, ?1)",  // numbered placeholders point into the first row
      "INSERT INTO t(a) VALUES ('?')",  // quotes
      "INSERT INTO t(a) VALUES (?) RETURNING id",
      "INSERT INTO t(a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a",
      "INSERT INTO t(a) SELECT ? WHERE true",
      "UPDATE t SET a = ?",
      "SELECT setval(pg_get_serial_sequence(?, 'id'), ?, false)",
    ] {
      #expect(PostgresInsertShape(sql) == nil, "\(sql)")
    }
  }

  @Test func rowsGoAfterTheirTablesParentsWhateverOrderTheTablesCameIn() throws {
    let parent = try #require(PostgresInsertShape("INSERT INTO parent(id) VALUES (?)"))
    let child = try #require(PostgresInsertShape("INSERT INTO child(parent_id) VALUES (?)"))
    let other = try #require(PostgresInsertShape("INSERT INTO child(parent_id, note) VALUES (?, ?)"))
    var held = PostgresHeldInserts(parents: ["child": ["parent"]])
    let taken = [
      held.hold(child, [1]),  // a child of a parent stored before
      held.hold(parent, [2]), held.hold(parent, [3]),
      held.hold(child, [2]),  // waits with the others: the parents go first
      held.hold(other, [2, "note"]),  // one table's rows stay in one order
    ]
    #expect(taken == [true, true, true, true, false])
    #expect(held.rowCount == 4)
    let sent = held.take()
    #expect(sent.map(\.sql) == ["INSERT INTO parent(id) VALUES (?), (?)", "INSERT INTO child(parent_id) VALUES (?), (?)"])
    #expect(sent.map(\.arguments.values) == [[.integer(2), .integer(3)], [.integer(1), .integer(2)]])
    #expect(held.rowCount == 0)
    #expect(held.take().isEmpty)
  }

  @Test func tablesReferringToEachOtherInACircleWaitForTheHoldToBeSent() throws {
    let shapes = try ["top", "middle", "bottom"].map { table in
      try #require(PostgresInsertShape("INSERT INTO \(table)(id) VALUES (?)"))
    }
    // top refers to middle, middle to bottom and bottom to top: no order suits all three.
    var held = PostgresHeldInserts(parents: ["top": ["middle"], "middle": ["bottom"], "bottom": ["top"]])
    let taken = [held.hold(shapes[0], [1]), held.hold(shapes[2], [1]), held.hold(shapes[1], [1])]
    #expect(taken == [true, true, false])
    let sent = held.take()
    #expect(sent.map(\.sql) == ["INSERT INTO top(id) VALUES (?)", "INSERT INTO bottom(id) VALUES (?)"])
    let afterwards = held.hold(shapes[1], [1])
    #expect(afterwards)
  }

  @Test func manyRowsGoInStatementsOfPowersOfTwoRows() throws {
    let shape = try #require(PostgresInsertShape("INSERT INTO t(a) VALUES (?)"))
    var held = PostgresHeldInserts(parents: [:])
    let taken = (1...100).map { held.hold(shape, [Int64($0)]) }
    #expect(taken.allSatisfy { $0 })
    let sent = held.take()
    #expect(sent.map { $0.arguments.values.count } == [64, 32, 4])
    #expect(sent.flatMap(\.arguments.values) == (1...100).map { .integer(Int64($0)) })
  }
}

/// Held inserts against a real PostgreSQL: rows arrive whatever order their tables' shapes came
/// in, NULLs and numbers share a statement, and a rolled-back savepoint sends nothing it held.
@Suite(.enabled(if: PostgresServer.shouldRun)) struct PostgresHeldInsertsServerTests {
  @Test func interleavedParentsAndChildrenAllLandWithTheirKeys() throws {
    let db = try PostgresConnection(connecting: try PostgresServer.shared.get().createDatabase())
    try db.execute("CREATE TABLE parent (id BIGINT PRIMARY KEY, size BIGINT, note TEXT)")
    try db.execute("CREATE TABLE child (parent_id BIGINT NOT NULL REFERENCES parent(id), position INTEGER)")
    try db.execute("INSERT INTO parent(id) VALUES (0)")
    try db.inTransaction(writing: true) {
      // A child of a stored parent comes first, so the children that follow wait for their parents.
      try db.executeUnanswered("INSERT INTO child(parent_id, position) VALUES (?, ?)", [0, 0])
      for id in 1...150 {
        try db.executeUnanswered(
          "INSERT INTO parent(id, size, note) VALUES (?, ?, ?)", [Int64(id), id % 3 == 0 ? nil : Int64(id) * 10, "p\(id)"])
        for position in 0..<(id % 4) {
          try db.executeUnanswered("INSERT INTO child(parent_id, position) VALUES (?, ?)", [Int64(id), position])
        }
      }
    }
    #expect(try db.value(Int64.self, "SELECT count(*) FROM parent") == 151)
    #expect(try db.value(Int64.self, "SELECT count(*) FROM parent WHERE size IS NULL") == 51)
    #expect(try db.value(Int64.self, "SELECT count(*) FROM child") == 1 + Int64((1...150).map { $0 % 4 }.reduce(0, +)))
    #expect(try db.value(Int64.self, "SELECT max(size) FROM parent") == 1490)
    // Rows held in a savepoint that is rolled back are never sent; those before it stay.
    try db.inTransaction(writing: true) {
      try db.executeUnanswered("INSERT INTO parent(id, size, note) VALUES (?, ?, ?)", [1000, 1, "kept"])
      #expect(throws: EspoMailError.self) {
        try db.savepoint {
          try db.executeUnanswered("INSERT INTO parent(id, size, note) VALUES (?, ?, ?)", [1001, 1, "undone"])
          throw EspoMailError(.dataError, "undo")
        }
      }
    }
    #expect(try db.values(String.self, "SELECT note FROM parent WHERE id >= 1000") == ["kept"])
  }
}
