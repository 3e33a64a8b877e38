import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// Opening a store: the schema it creates, its version, and every way a path can be wrong.
@Suite struct SchemaTests {
  @Test func createsTheVersionedSchemaInWALMode() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    _ = try openStore(path)

    let queue = try DatabaseQueue(path: path)
    try queue.read { db in
      #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == StoreSchema.migrations.count)
      #expect(
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
          == StoreSchema.migrations.map(\.identifier))
      #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name"
      )
      #expect(tables == ["annotations", "counts", "decisions", "inputs", "leases", "runs"])
      let key = try String.fetchAll(
        db, sql: "SELECT name FROM pragma_table_info('annotations') WHERE pk > 0 ORDER BY pk")
      #expect(key == ["workflow_id", "input_id", "node_id", "region_id", "concept_id"])
    }
    #expect(SQLiteAnnotationStore.schemaVersion == StoreSchema.migrations.count)
    #expect(StoreSchema.migrations.map(\.identifier).contains("v3"))
  }

  @Test func reopeningKeepsRowsAndVersion() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    let first = try openStore(path)
    try first.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try first.record(o) }
    try first.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)

    let second = try openStore(path)
    #expect(try second.count() == 4)
    #expect(try second.runs().map(\.info.id) == ["r1"])
  }

  @Test func aNewerSchemaIsRefusedWithItsVersion() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    _ = try openStore(path)
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
      try db.execute(sql: "PRAGMA user_version = 99")
    }
    let supported = SQLiteAnnotationStore.schemaVersion
    #expect(throws: StoreError.newerSchema(path: path, found: 99, supported: supported)) {
      try openStore(path)
    }
    let message = StoreError.newerSchema(path: path, found: 99, supported: StoreSchema.migrations.count)
      .description
    #expect(
      message.contains(
        "schema version 99, newer than this weir understands (\(StoreSchema.migrations.count)); use a newer weir"
      ))
  }

  @Test func aFileThatIsNotSQLiteIsNamedAsSuch() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("notes.db")
    try Data(String(repeating: "these are my notes, not a database\n", count: 100).utf8).write(
      to: URL(fileURLWithPath: path))
    #expect(throws: StoreError.notADatabase(path: path)) { try openStore(path) }
    #expect(
      StoreError.notADatabase(path: "notes.db").description
        == "'notes.db' is not an annotation store: the file is not a SQLite database")
  }

  @Test func anotherSQLiteDatabaseIsNotTakenOver() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("other.db")
    try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE runs (x)") }
    #expect(throws: StoreError.notAWeirStore(path: path)) { try openStore(path) }
  }

  @Test func aMissingStoreIsReportedForReaders() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    #expect(throws: StoreError.missing(path: path)) {
      try SQLiteAnnotationStore(path: path, options: .init(create: false))
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(
      StoreError.missing(path: "weir.db").description
        == "no annotation store at 'weir.db'; run `weir run` first")
  }

  @Test func unwritablePathsSayWhy() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let file = temp.path("plain.txt")
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    #expect(throws: StoreError.cannotOpen(path: file + "/weir.db", reason: "'\(file)' is not a folder")) {
      try openStore(file + "/weir.db")
    }
    let missing = temp.path("no/such/folder/weir.db")
    #expect(
      throws: StoreError.cannotOpen(
        path: missing, reason: "the folder '\(temp.path("no/such/folder"))' does not exist")
    ) {
      try openStore(missing)
    }
    #expect(throws: StoreError.cannotOpen(path: temp.url.path, reason: "it is a folder")) {
      try openStore(temp.url.path)
    }
  }
}
