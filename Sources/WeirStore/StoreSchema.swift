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
  static let migrations: [(identifier: String, sql: String)] = [
    ("v1", v1), ("v2", v2), ("v3", v3), ("v4", v4),
  ]

  /// What a file holds, read without writing.
  enum State: Equatable {
    /// Every migration applied.
    case current
    /// An empty file, or a store whose creation was interrupted (by an older weir, which made the
    /// migrations table first): `migrate` finishes it.
    case needsMigration
    /// A complete store of an older schema (version 1 before review decisions, 2 before counts): `migrate` brings it
    /// up to date, and even a reader may (the migrations only add tables, columns and a view).
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

  /// Version 2: review decisions (Documentation/Store.md, "Review decisions").
  ///
  /// `decisions` is append-only: every accept, reject, relabel, correct and undo is a row, keyed by
  /// the annotation it is about, with the label it gives and a copy of the prediction it was made
  /// on. `annotations.decision_id` points at the decision in force (NULL: undecided), and the view
  /// `labels` is what every query reads: the annotation as decided, or as predicted when undecided.
  /// `leases` holds reviewers' claims on inputs; a lease past `expires_at` is free to take.
  static let v2 = """
    ALTER TABLE annotations ADD COLUMN decision_id INTEGER;
    CREATE INDEX annotations_by_status ON annotations (status, decision_id);
    CREATE INDEX annotations_by_input ON annotations (input_id);
    CREATE INDEX inputs_by_input ON inputs (input_id);
    CREATE TABLE decisions (
      id                 INTEGER PRIMARY KEY,
      workflow_id        TEXT NOT NULL,
      input_id           TEXT NOT NULL,
      node_id            TEXT NOT NULL,
      region_id          TEXT NOT NULL,
      concept_id         TEXT NOT NULL,
      action             TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'relabel', 'correct', 'undo')),
      status             INTEGER,
      label_concept_id   TEXT,
      label_concept_name TEXT,
      top_row            REAL,
      left_col           REAL,
      bottom_row         REAL,
      right_col          REAL,
      undoes             INTEGER REFERENCES decisions(id),
      predicted_concept_name TEXT NOT NULL,
      predicted_confidence   REAL NOT NULL,
      predicted_status       INTEGER NOT NULL,
      predicted_top_row      REAL,
      predicted_left_col     REAL,
      predicted_bottom_row   REAL,
      predicted_right_col    REAL,
      predicted_run_id       TEXT NOT NULL,
      reviewer           TEXT NOT NULL,
      decided_at         TEXT NOT NULL,
      source             TEXT NOT NULL
    );
    CREATE INDEX decisions_by_annotation ON decisions (workflow_id, input_id, node_id, region_id, concept_id);
    CREATE TABLE leases (
      input_id    TEXT PRIMARY KEY NOT NULL,
      reviewer    TEXT NOT NULL,
      expires_at  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE VIEW labels AS
    SELECT a.workflow_id, a.input_id, a.node_id, a.region_id,
      COALESCE(d.label_concept_id, a.concept_id) AS concept_id,
      COALESCE(d.label_concept_name, a.concept_name) AS concept_name,
      CASE WHEN d.top_row IS NULL THEN a.top_row ELSE d.top_row END AS top_row,
      CASE WHEN d.top_row IS NULL THEN a.left_col ELSE d.left_col END AS left_col,
      CASE WHEN d.top_row IS NULL THEN a.bottom_row ELSE d.bottom_row END AS bottom_row,
      CASE WHEN d.top_row IS NULL THEN a.right_col ELSE d.right_col END AS right_col,
      a.confidence, COALESCE(d.status, a.status) AS status, a.user_id, a.task_id, a.run_id, a.written_at,
      a.concept_id AS predicted_concept_id, a.status AS predicted_status, a.decision_id, d.action AS decision_action,
      d.reviewer AS decision_reviewer, d.decided_at AS decision_at, d.source AS decision_source
    FROM annotations a LEFT JOIN decisions d ON d.id = a.decision_id;
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

  /// Version 4: indexes for the review queue (Documentation/Store.md, "Schema version 4").
  ///
  /// The queue is the annotations awaiting review with no decision in force. Each partial index
  /// holds only those rows, in the order of one of the queue's orders, so a claim walks the index
  /// from its start and stops at the last input it needs instead of grouping every row; a run that
  /// writes no review items pays nothing for them, and a decision takes its row out. The literal
  /// 24157 is `ANNOTATION_AWAITING_REVIEW`: SQLite uses a partial index only for a query that
  /// repeats its condition. `decisions_by_time` counts the recent decisions for the review rate.
  static let v4 = """
    CREATE INDEX review_queue_by_confidence ON annotations (confidence, input_id)
      WHERE status = 24157 AND decision_id IS NULL;
    CREATE INDEX review_queue_by_input ON annotations (input_id)
      WHERE status = 24157 AND decision_id IS NULL;
    CREATE INDEX review_queue_by_concept ON annotations (concept_name, confidence, input_id)
      WHERE status = 24157 AND decision_id IS NULL;
    CREATE INDEX decisions_by_time ON decisions (decided_at);
    """
}
