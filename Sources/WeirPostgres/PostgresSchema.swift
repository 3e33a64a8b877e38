import PostgresNIO

/// The PostgreSQL store's tables, built by versioned migrations recorded in `schema_migrations`
/// (Documentation/Scale.md, "Schema"). A shipped migration is never edited; a new one is appended
/// with the next version.
enum PostgresSchema {
  /// Each migration: its version and its statements.
  static let migrations: [(version: Int, statements: [String])] = [
    (
      1,
      [
        """
        CREATE TABLE runs (
          id text PRIMARY KEY, workflow_id text NOT NULL, workflow_hash text NOT NULL,
          workflow_path text NOT NULL, vars text NOT NULL DEFAULT '{}',
          started_at timestamptz NOT NULL, ended_at timestamptz, status text NOT NULL, summary text,
          settings text NOT NULL DEFAULT '{}', models_hash text NOT NULL DEFAULT '',
          shard_size integer NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE inputs (
          run_id text NOT NULL REFERENCES runs(id), input_id text NOT NULL, path text, url text,
          width integer, height integer, status text NOT NULL, error_message text, error_node text,
          recorded_at timestamptz NOT NULL, PRIMARY KEY (run_id, input_id))
        """,
        """
        CREATE TABLE annotations (
          workflow_id text NOT NULL, input_id text NOT NULL, node_id text NOT NULL,
          region_id text NOT NULL, concept_id text NOT NULL, concept_name text NOT NULL,
          top_row double precision, left_col double precision, bottom_row double precision,
          right_col double precision, confidence double precision NOT NULL, status integer NOT NULL,
          user_id text, task_id text, run_id text NOT NULL, written_at timestamptz NOT NULL,
          PRIMARY KEY (workflow_id, input_id, node_id, region_id, concept_id))
        """,
        """
        CREATE TABLE shards (
          run_id text NOT NULL REFERENCES runs(id), shard integer NOT NULL, inputs text NOT NULL,
          size integer NOT NULL, state text NOT NULL DEFAULT 'todo', worker text, lease_token text,
          lease_until timestamptz, claims integer NOT NULL DEFAULT 0, done_at timestamptz,
          PRIMARY KEY (run_id, shard))
        """,
        "CREATE INDEX shards_todo ON shards (run_id, shard) WHERE state = 'todo'",
      ]
    ),
    (2, decisions),
    (3, counts),
  ]

  /// Version 2: review decisions and reviewers' leases, as in the SQLite store's version 2
  /// (Documentation/Store.md, "Review decisions"): `decisions` is append-only,
  /// `annotations.decision_id` points at the decision in force, and every query reads the view
  /// `labels` (the annotation as decided, or as predicted when undecided).
  static let decisions = [
    "ALTER TABLE annotations ADD COLUMN decision_id bigint",
    "CREATE INDEX annotations_by_status ON annotations (status, decision_id)",
    "CREATE INDEX annotations_by_input ON annotations (input_id)",
    "CREATE INDEX inputs_by_input ON inputs (input_id)",
    """
    CREATE TABLE decisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, workflow_id text NOT NULL, input_id text NOT NULL,
      node_id text NOT NULL, region_id text NOT NULL, concept_id text NOT NULL,
      action text NOT NULL CHECK (action IN ('accept', 'reject', 'relabel', 'correct', 'undo')),
      status integer, label_concept_id text, label_concept_name text, top_row double precision,
      left_col double precision, bottom_row double precision, right_col double precision,
      undoes bigint REFERENCES decisions(id), predicted_concept_name text NOT NULL,
      predicted_confidence double precision NOT NULL, predicted_status integer NOT NULL,
      predicted_top_row double precision, predicted_left_col double precision,
      predicted_bottom_row double precision, predicted_right_col double precision,
      predicted_run_id text NOT NULL, reviewer text NOT NULL, decided_at timestamptz NOT NULL,
      source text NOT NULL)
    """,
    "CREATE INDEX decisions_by_annotation ON decisions (workflow_id, input_id, node_id, region_id, concept_id)",
    "CREATE TABLE leases (input_id text PRIMARY KEY, reviewer text NOT NULL, expires_at timestamptz NOT NULL)",
    """
    CREATE VIEW labels AS
    SELECT a.workflow_id, a.input_id, a.node_id, a.region_id,
      coalesce(d.label_concept_id, a.concept_id) AS concept_id,
      coalesce(d.label_concept_name, a.concept_name) AS concept_name,
      CASE WHEN d.top_row IS NULL THEN a.top_row ELSE d.top_row END AS top_row,
      CASE WHEN d.top_row IS NULL THEN a.left_col ELSE d.left_col END AS left_col,
      CASE WHEN d.top_row IS NULL THEN a.bottom_row ELSE d.bottom_row END AS bottom_row,
      CASE WHEN d.top_row IS NULL THEN a.right_col ELSE d.right_col END AS right_col,
      a.confidence, coalesce(d.status, a.status) AS status, a.user_id, a.task_id, a.run_id, a.written_at,
      a.concept_id AS predicted_concept_id, a.status AS predicted_status, a.decision_id,
      d.action AS decision_action, d.reviewer AS decision_reviewer, d.decided_at AS decision_at,
      d.source AS decision_source
    FROM annotations a LEFT JOIN decisions d ON d.id = a.decision_id
    """,
  ]

  /// Version 3: what object-counters counted, one row per (workflow, input, counter node), keyed
  /// and replaced on a re-run like annotations (the SQLite store's version 3).
  static let counts = [
    """
    CREATE TABLE counts (
      workflow_id text NOT NULL, input_id text NOT NULL, node_id text NOT NULL, count integer NOT NULL,
      run_id text NOT NULL, written_at timestamptz NOT NULL, PRIMARY KEY (workflow_id, input_id, node_id))
    """
  ]

  static var version: Int { migrations.last?.version ?? 0 }

  /// Brings the database to ``version`` in one transaction, under an advisory lock so that
  /// workers starting together migrate once. Refuses a newer schema, and a database holding
  /// tables named like ours that weir did not make.
  static func migrate(_ db: PostgresDatabase, readOnly: Bool = false) async throws {
    try await db.transaction { c in
      try await c.query("SELECT pg_advisory_xact_lock(7340155)", logger: db.logger)
      let tracked = try await exists("schema_migrations", c, db)
      let foreign = tracked ? false : try await exists("runs", c, db)
      if foreign { throw PostgresStoreError.notWeirs(db.location) }
      if !tracked {
        try await c.query(
          "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
          logger: db.logger)
      }
      var current = 0
      for try await v in try await c.query(
        "SELECT coalesce(max(version), 0) FROM schema_migrations", logger: db.logger
      )
      .decode(Int.self) {
        current = v
      }
      if current > version {
        throw PostgresStoreError.newerSchema(db.location, version: current, known: version)
      }
      for m in migrations where m.version > current {
        for s in m.statements { try await c.query(PostgresQuery(unsafeSQL: s), logger: db.logger) }
        try await c.query("INSERT INTO schema_migrations (version) VALUES (\(m.version))", logger: db.logger)
      }
    }
  }

  private static func exists(_ table: String, _ c: PostgresConnection, _ db: PostgresDatabase) async throws
    -> Bool
  {
    let rows = try await c.query("SELECT to_regclass(\(table))::text", logger: db.logger).decode(String?.self)
    for try await name in rows { return name != nil }
    return false
  }
}
