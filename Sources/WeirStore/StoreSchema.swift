import GRDB

/// The versioned schema of the SQLite annotation store (Documentation/Store.md, "Schema").
///
/// Migrations are applied in order, all of them in the one transaction that also checks the file
/// (`migrate`), so a store is either untouched or has its whole schema: a process killed while
/// creating a store, or two runs creating the same store at once, can never leave a file with only
/// part of it. Each applied migration is listed in `grdb_migrations` (the table GRDB's migrator
/// keeps, so stores made by earlier weirs read the same), and the version is also kept in
/// `PRAGMA user_version` so that a person with the `sqlite3` shell can read it.
enum StoreSchema {
  /// The schema version this weir writes and reads: the number of migrations.
  static var version: Int { migrations.count }

  /// The migrations, oldest first, by identifier. Never edit a shipped migration; add a new one.
  static let migrations: [(identifier: String, sql: String)] = [("v1", v1), ("v3", v3)]

  /// What a file holds, read without writing.
  enum State: Equatable {
    /// Every migration applied.
    case current
    /// An empty file, or a store whose creation was interrupted (by an older weir, which made the
    /// migrations table first): `migrate` finishes it, and a reader cannot read it.
    case needsMigration
    /// A whole store of an older schema (made by an earlier weir): a writer migrates it; a reader
    /// reads it as it is, and what a later migration added reads as empty.
    case older
  }

  /// Reads the schema state; throws for a newer schema or another application's database.
  static func state(_ db: Database, path: String) throws -> State {
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    let applied =
      tables.contains("grdb_migrations")
      ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
    let known = Set(migrations.map(\.identifier))
    if version > Self.version || !applied.isSubset(of: known) {
      throw StoreError.newerSchema(path: path, found: max(version, applied.count), supported: Self.version)
    }
    if applied.isEmpty && version == 0 && tables.contains(where: { $0 != "grdb_migrations" }) {
      throw StoreError.notAWeirStore(path: path)
    }
    if applied == known { return .current }
    return applied.contains("v1") && version >= 1 ? .older : .needsMigration
  }

  /// Whether the store has a table (a store of an older schema may lack a later one).
  static func hasTable(_ db: Database, _ name: String) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [name])
      ?? false
  }

  /// Checks the file again and applies what is missing. Runs inside the caller's `BEGIN IMMEDIATE`
  /// transaction, so a second creator waits for the first and then finds the work done.
  static func migrate(_ db: Database, path: String) throws {
    guard try state(db, path: path) != .current else { return }
    try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
    for (index, migration) in migrations.enumerated() where !applied.contains(migration.identifier) {
      try db.execute(sql: migration.sql)
      try db.execute(
        sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
      try db.execute(sql: "PRAGMA user_version = \(index + 1)")
    }
  }

  /// Version 1: runs, the inputs each run saw, and one row per annotation key.
  ///
  /// `annotations` is keyed by (workflow, input, node, region, concept), the identity of an
  /// annotation (Design.md §6); the input comes second so that replacing one input's annotations
  /// for a workflow is a range delete on the key. WITHOUT ROWID keeps the table a single B-tree,
  /// which is what makes batched inserts fast.
  static let v1 = """
    CREATE TABLE runs (
      id            TEXT PRIMARY KEY NOT NULL,
      workflow_id   TEXT NOT NULL,
      workflow_hash TEXT NOT NULL,
      workflow_path TEXT NOT NULL,
      vars          TEXT NOT NULL DEFAULT '{}',
      started_at    TEXT NOT NULL,
      ended_at      TEXT,
      status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
      summary       TEXT
    );
    CREATE TABLE inputs (
      run_id        TEXT NOT NULL REFERENCES runs(id),
      input_id      TEXT NOT NULL,
      path          TEXT,
      url           TEXT,
      width         INTEGER,
      height        INTEGER,
      status        TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
      error_message TEXT,
      error_node    TEXT,
      recorded_at   TEXT NOT NULL,
      PRIMARY KEY (run_id, input_id)
    ) WITHOUT ROWID;
    CREATE TABLE annotations (
      workflow_id   TEXT NOT NULL,
      input_id      TEXT NOT NULL,
      node_id       TEXT NOT NULL,
      region_id     TEXT NOT NULL,
      concept_id    TEXT NOT NULL,
      concept_name  TEXT NOT NULL,
      top_row       REAL,
      left_col      REAL,
      bottom_row    REAL,
      right_col     REAL,
      confidence    REAL NOT NULL,
      status        INTEGER NOT NULL,
      user_id       TEXT,
      task_id       TEXT,
      run_id        TEXT NOT NULL,
      written_at    TEXT NOT NULL,
      PRIMARY KEY (workflow_id, input_id, node_id, region_id, concept_id)
    ) WITHOUT ROWID;
    """

  /// Version 3: what object-counters counted, one row per (workflow, input, counter node).
  ///
  /// Keyed like annotations, so a re-run replaces an input's counts as it replaces its annotations,
  /// and the latest run that counted an input owns the row.
  static let v3 = """
    CREATE TABLE counts (
      workflow_id   TEXT NOT NULL,
      input_id      TEXT NOT NULL,
      node_id       TEXT NOT NULL,
      count         INTEGER NOT NULL,
      run_id        TEXT NOT NULL,
      written_at    TEXT NOT NULL,
      PRIMARY KEY (workflow_id, input_id, node_id)
    ) WITHOUT ROWID;
    """
}
