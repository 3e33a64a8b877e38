import GRDB

/// The versioned schema of the SQLite annotation store (Documentation/Store.md, "Schema").
///
/// Migrations are applied in order by GRDB's `DatabaseMigrator`, which records each one in
/// `grdb_migrations`; the schema version is also kept in `PRAGMA user_version` so that a person
/// with the `sqlite3` shell (or another tool) can read it without knowing GRDB.
enum StoreSchema {
  /// The schema version this weir writes and reads. Bump it with every new migration.
  static let version = 1

  /// The migrations, oldest first. Never edit a shipped migration; add a new one.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: v1)
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    return migrator
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
}
