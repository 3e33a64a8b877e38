import Foundation
import PostgresNIO
import WeirCore

/// A run's inputs split into shards that workers claim (`SELECT … FOR UPDATE SKIP LOCKED`) under a
/// lease, renew while working, and finish by writing the shard's outcomes and marking it done in
/// one transaction fenced by the lease token (Documentation/Scale.md).
public struct ShardQueue: Sendable {
  public let database: PostgresDatabase

  public init(_ database: PostgresDatabase) {
    self.database = database
  }

  /// A claimed shard: its inputs and the token that proves the lease is still this worker's.
  public struct Claim: Sendable, Hashable {
    public var runId: String
    public var shard: Int
    public var inputs: [InputItem]
    public var token: String
  }

  /// Records the run and its shards in one transaction (a run id already there keeps its shards:
  /// the run is resumed).
  public func create(
    _ run: RunInfo, settings: RunSettings, modelsHash: String, inputs: [InputItem], shardSize: Int
  ) async throws {
    let size = max(1, shardSize)
    try await database.retrying { db in
      try await db.transaction { c in
        let existing = try await c.query(
          "SELECT 1 FROM shards WHERE run_id = \(run.id) LIMIT 1", logger: db.logger)
        var known = false
        for try await _ in existing { known = true }
        try await RunRows.begin(
          run, settings: settings.json, modelsHash: modelsHash, shardSize: size, on: c, logger: db.logger)
        guard !known else { return }
        let encoder = JSONEncoder()
        var start = 0
        var index = 0
        while start < inputs.count {
          // Up to 1,000 shards per statement (4 parameters each).
          var binds = PostgresBindings()
          var values: [String] = []
          while start < inputs.count && values.count < 1_000 {
            let slice = Array(inputs[start..<min(start + size, inputs.count)])
            let n = binds.count
            values.append("($\(n + 1), $\(n + 2), $\(n + 3), $\(n + 4))")
            binds.append(run.id)
            binds.append(index)
            binds.append(String(decoding: try encoder.encode(slice), as: UTF8.self))
            binds.append(slice.count)
            start += size
            index += 1
          }
          let sql =
            "INSERT INTO shards (run_id, shard, inputs, size) VALUES " + values.joined(separator: ", ")
          try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: db.logger)
        }
      }
    }
  }

  /// Runs that are `running` and still have shards not done, oldest first.
  public func joinableRuns() async throws -> [ShardedRun] {
    try await database.retrying { db in
      try await db.run { c in
        let rows = try await c.query(
          """
          SELECT id, workflow_id, workflow_hash, workflow_path, vars, started_at, settings, models_hash FROM runs r
          WHERE status = 'running' AND EXISTS (SELECT 1 FROM shards s WHERE s.run_id = r.id AND s.state = 'todo')
          ORDER BY started_at, id
          """, logger: db.logger)
        var out: [ShardedRun] = []
        for try await row in rows {
          let (id, workflow, hash, path, vars, started, settings, models) = try row.decode(
            (String, String, String, String, String, Date, String, String).self)
          let info = RunInfo(
            id: id, workflowId: workflow, workflowHash: hash, workflowPath: path, vars: RunRows.parse(vars),
            startedAt: started)
          out.append(ShardedRun(info: info, settings: RunSettings.parse(settings), modelsHash: models))
        }
        return out
      }
    }
  }

  /// Claims the first free shard of `runIds` (never claimed, or its lease ran out), or nil.
  public func claim(runIds: [String], worker: String, lease: Double) async throws -> Claim? {
    guard !runIds.isEmpty else { return nil }
    let token = UUID().uuidString
    return try await database.retrying { db in
      try await db.transaction { c in
        let rows = try await c.query(
          """
          UPDATE shards s SET worker = \(worker), lease_token = \(token),
            lease_until = now() + make_interval(secs => \(lease)), claims = s.claims + 1
          FROM (SELECT run_id, shard FROM shards
                WHERE run_id = ANY(\(runIds)) AND state = 'todo' AND (lease_until IS NULL OR lease_until < now())
                ORDER BY run_id, shard LIMIT 1 FOR UPDATE SKIP LOCKED) free
          WHERE s.run_id = free.run_id AND s.shard = free.shard
          RETURNING s.run_id, s.shard, s.inputs
          """, logger: db.logger)
        for try await (runId, shard, inputs) in rows.decode((String, Int, String).self) {
          let items = try JSONDecoder().decode([InputItem].self, from: Data(inputs.utf8))
          return Claim(runId: runId, shard: shard, inputs: items, token: token)
        }
        return nil
      }
    }
  }

  /// Extends the lease; false when it is no longer this worker's (it ran out and another worker
  /// claimed the shard, or the run was cancelled).
  public func renew(_ claim: Claim, lease: Double) async throws -> Bool {
    try await database.retrying { db in
      try await db.run { c in
        let rows = try await c.query(
          """
          UPDATE shards SET lease_until = now() + make_interval(secs => \(lease))
          WHERE run_id = \(claim.runId) AND shard = \(claim.shard) AND lease_token = \(claim.token)
            AND state = 'todo' AND lease_until > now()
            AND EXISTS (SELECT 1 FROM runs WHERE id = \(claim.runId) AND status = 'running')
          RETURNING shard
          """, logger: db.logger)
        for try await _ in rows { return true }
        return false
      }
    }
  }

  /// Writes the shard's outcomes and marks it done, in one transaction, only while the lease is
  /// still this worker's; false (and nothing written) when it is not.
  public func complete(_ claim: Claim, outcomes: [InputOutcome]) async throws -> Bool {
    try await database.retrying { db in
      try await db.transaction { c in
        let rows = try await c.query(
          """
          UPDATE shards SET state = 'done', done_at = now(), lease_until = NULL
          WHERE run_id = \(claim.runId) AND shard = \(claim.shard) AND lease_token = \(claim.token)
            AND state = 'todo' AND lease_until > now()
            AND EXISTS (SELECT 1 FROM runs WHERE id = \(claim.runId) AND status = 'running')
          RETURNING shard
          """, logger: db.logger)
        var fenced = true
        for try await _ in rows { fenced = false }
        guard !fenced else { return false }
        try await OutcomeWriter.write(outcomes, on: c, logger: db.logger)
        return true
      }
    }
  }

  /// Marks the run completed when every shard is done; true when it is (now or already).
  @discardableResult
  public func finishIfDone(runId: String) async throws -> Bool {
    try await database.retrying { db in
      try await db.run { c in
        try await c.query(
          """
          UPDATE runs SET status = 'completed', ended_at = now(),
            summary = (SELECT count(*) || ' inputs' FROM inputs WHERE run_id = \(runId))
          WHERE id = \(runId) AND status = 'running'
            AND NOT EXISTS (SELECT 1 FROM shards WHERE run_id = \(runId) AND state <> 'done')
          """, logger: db.logger)
        let rows = try await c.query("SELECT status FROM runs WHERE id = \(runId)", logger: db.logger)
        for try await status in rows.decode(String.self) { return status != "running" }
        return true
      }
    }
  }

  /// Shards of `runIds` not done yet (free, or leased by a worker).
  public func unfinished(runIds: [String]) async throws -> Int {
    guard !runIds.isEmpty else { return 0 }
    return try await database.retrying { db in
      try await db.run { c in
        let rows = try await c.query(
          """
          SELECT count(*) FROM shards s JOIN runs r ON r.id = s.run_id
          WHERE s.run_id = ANY(\(runIds)) AND s.state = 'todo' AND r.status = 'running'
          """, logger: db.logger)
        for try await n in rows.decode(Int.self) { return n }
        return 0
      }
    }
  }

  /// Cancels a running run: workers stop claiming its shards and drop the one they hold.
  public func cancel(runId: String) async throws {
    try await database.run { c in
      let rows = try await c.query(
        "UPDATE runs SET status = 'cancelled', ended_at = now(), summary = 'cancelled' WHERE id = \(runId) RETURNING status",
        logger: database.logger)
      var found = false
      for try await _ in rows { found = true }
      if !found { throw PostgresStoreError.noSuchRun(database.location, id: runId) }
    }
  }
}
