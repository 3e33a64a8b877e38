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
    )
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
