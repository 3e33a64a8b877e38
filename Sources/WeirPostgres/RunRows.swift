import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// The `runs` table: starting a run and reading runs back.
enum RunRows {
  /// Inserts the run, or resets an existing one with the same id to `running` (a resumed run).
  static func begin(
    _ run: RunInfo, settings: String, modelsHash: String, shardSize: Int, in db: PostgresDatabase
  )
    async throws
  {
    try await db.run { c in
      try await begin(
        run, settings: settings, modelsHash: modelsHash, shardSize: shardSize, on: c, logger: db.logger)
    }
  }

  static func begin(
    _ run: RunInfo, settings: String, modelsHash: String, shardSize: Int, on c: PostgresConnection,
    logger: Logger
  ) async throws {
    let vars = json(run.vars)
    try await c.query(
      """
      INSERT INTO runs (id, workflow_id, workflow_hash, workflow_path, vars, started_at, status, settings,
        models_hash, shard_size)
      VALUES (\(run.id), \(run.workflowId), \(run.workflowHash), \(run.workflowPath), \(vars), \(run.startedAt),
        'running', \(settings), \(modelsHash), \(shardSize))
      ON CONFLICT (id) DO UPDATE SET status = 'running', ended_at = NULL, summary = NULL
      """, logger: logger)
  }

  static let columns =
    "id, workflow_id, workflow_hash, workflow_path, vars, started_at, ended_at, status, summary"

  /// Every run, oldest first.
  static func all(in db: PostgresDatabase, where condition: String = "") async throws -> [StoredRun] {
    try await db.run { c in
      let sql = "SELECT \(columns) FROM runs \(condition) ORDER BY started_at, id"
      var runs: [StoredRun] = []
      let rows = try await c.query(PostgresQuery(unsafeSQL: sql), logger: db.logger)
      for try await row in rows {
        let (id, workflow, hash, path, vars, started, ended, status, summary) = try row.decode(
          (String, String, String, String, String, Date, Date?, String, String?).self)
        let info = RunInfo(
          id: id, workflowId: workflow, workflowHash: hash, workflowPath: path, vars: parse(vars),
          startedAt: started)
        runs.append(StoredRun(info: info, endedAt: ended, status: runStatus(status), summary: summary))
      }
      return runs
    }
  }

  /// A cancelled run reads as interrupted: it stopped before its end, by a user's decision.
  static func runStatus(_ text: String) -> RunStatus {
    text == "cancelled" ? .interrupted : RunStatus(rawValue: text) ?? .failed
  }

  static func json(_ vars: [String: String]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(vars)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  static func parse(_ text: String) -> [String: String] {
    (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
  }
}
