import Foundation
import PostgresNIO
import WeirCore

/// Writes outcomes into `inputs` and `annotations` on a connection already inside a transaction,
/// with the SQLite store's semantics (Documentation/Store.md, "Idempotence"): every annotation is
/// an upsert on its key, and an input that went through first loses its workflow's earlier rows.
enum OutcomeWriter {
  /// Rows per `INSERT`: 16 parameters each stays well under PostgreSQL's 65,535.
  static let rowsPerStatement = 2_000

  static func write(_ outcomes: [InputOutcome], on c: PostgresConnection, logger: Logger) async throws {
    guard !outcomes.isEmpty else { return }
    let now = Date()
    try await writeInputs(outcomes, now: now, on: c, logger: logger)
    // A row a reviewer decided is neither deleted nor overwritten: the decision stands.
    var countRows: [(workflow: String, input: String, node: String, count: Int, run: String)] = []
    for (runId, group) in Dictionary(grouping: outcomes.filter { $0.error == nil }, by: \.runId) {
      let ids = group.map(\.input.id)
      var workflow = ""
      let rows = try await c.query(
        """
        WITH w AS (SELECT workflow_id FROM runs WHERE id = \(runId)),
          gone AS (DELETE FROM annotations WHERE workflow_id = (SELECT workflow_id FROM w)
            AND input_id = ANY(\(ids)) AND decision_id IS NULL),
          counted AS (DELETE FROM counts WHERE workflow_id = (SELECT workflow_id FROM w) AND input_id = ANY(\(ids)))
        SELECT workflow_id FROM w
        """, logger: logger)
      for try await id in rows.decode(String.self) { workflow = id }
      for o in group {
        for n in o.counts { countRows.append((workflow, o.input.id, n.nodeId, n.count, runId)) }
      }
    }
    try await writeCounts(countRows, now: now, on: c, logger: logger)
    // The last write of a key wins, as in a sequence of upserts; one INSERT may not touch a
    // row twice, so duplicates within the batch are dropped first.
    var latest: [String: (AnnotationRecord, String)] = [:]
    var order: [String] = []
    for o in outcomes {
      for a in o.annotations {
        let key = [a.workflowId, a.inputId, a.nodeId, a.regionId, a.conceptId].joined(separator: "\u{1F}")
        if latest.updateValue((a, o.runId), forKey: key) == nil { order.append(key) }
      }
    }
    let rows = order.compactMap { latest[$0] }
    var start = 0
    while start < rows.count {
      let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
      try await writeAnnotations(chunk, now: now, on: c, logger: logger)
      start += rowsPerStatement
    }
  }

  private static func writeInputs(
    _ outcomes: [InputOutcome], now: Date, on c: PostgresConnection, logger: Logger
  )
    async throws
  {
    var seen: [String: InputOutcome] = [:]
    for o in outcomes { seen[o.runId + "\u{1F}" + o.input.id] = o }
    var binds = PostgresBindings()
    var values: [String] = []
    for o in seen.values.sorted(by: { ($0.runId, $0.input.id) < ($1.runId, $1.input.id) }) {
      let n = binds.count
      values.append("(" + (1...10).map { "$\(n + $0)" }.joined(separator: ", ") + ")")
      binds.append(o.runId)
      binds.append(o.input.id)
      binds.append(o.input.path)
      binds.append(o.input.url)
      binds.append(o.width)
      binds.append(o.height)
      binds.append(o.error == nil ? "ok" : "failed")
      binds.append(o.error?.message)
      binds.append(o.error?.node)
      binds.append(now)
    }
    let sql = """
      INSERT INTO inputs (run_id, input_id, path, url, width, height, status, error_message, error_node, recorded_at)
      VALUES \(values.joined(separator: ", "))
      ON CONFLICT (run_id, input_id) DO UPDATE SET path = excluded.path, url = excluded.url,
        width = coalesce(excluded.width, inputs.width), height = coalesce(excluded.height, inputs.height),
        status = excluded.status, error_message = excluded.error_message, error_node = excluded.error_node,
        recorded_at = excluded.recorded_at
      """
    try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
  }

  private static func writeAnnotations(
    _ rows: ArraySlice<(AnnotationRecord, String)>, now: Date, on c: PostgresConnection, logger: Logger
  ) async throws {
    var binds = PostgresBindings(capacity: rows.count * 16)
    var values: [String] = []
    values.reserveCapacity(rows.count)
    for (a, runId) in rows {
      let n = binds.count
      values.append("(" + (1...16).map { "$\(n + $0)" }.joined(separator: ",") + ")")
      binds.append(a.workflowId)
      binds.append(a.inputId)
      binds.append(a.nodeId)
      binds.append(a.regionId)
      binds.append(a.conceptId)
      binds.append(a.conceptName)
      binds.append(a.box?.topRow)
      binds.append(a.box?.leftCol)
      binds.append(a.box?.bottomRow)
      binds.append(a.box?.rightCol)
      binds.append(a.confidence)
      binds.append(a.status)
      binds.append(a.userId)
      binds.append(a.taskId)
      binds.append(runId)
      binds.append(now)
    }
    let sql = """
      INSERT INTO annotations (workflow_id, input_id, node_id, region_id, concept_id, concept_name, top_row,
        left_col, bottom_row, right_col, confidence, status, user_id, task_id, run_id, written_at)
      VALUES \(values.joined(separator: ", "))
      ON CONFLICT (workflow_id, input_id, node_id, region_id, concept_id) DO UPDATE SET
        concept_name = excluded.concept_name, top_row = excluded.top_row, left_col = excluded.left_col,
        bottom_row = excluded.bottom_row, right_col = excluded.right_col, confidence = excluded.confidence,
        status = excluded.status, user_id = excluded.user_id, task_id = excluded.task_id,
        run_id = excluded.run_id, written_at = excluded.written_at
      WHERE annotations.decision_id IS NULL
      """
    try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
  }

  /// What object-counters counted on the inputs that went through (their earlier counts are gone).
  private static func writeCounts(
    _ rows: [(workflow: String, input: String, node: String, count: Int, run: String)], now: Date,
    on c: PostgresConnection, logger: Logger
  ) async throws {
    // One INSERT may not touch a row twice: the last count of a key wins.
    var latest: [String: Int] = [:]
    for (i, r) in rows.enumerated() { latest[r.workflow + "\u{1F}" + r.input + "\u{1F}" + r.node] = i }
    let rows = latest.values.sorted().map { rows[$0] }
    guard !rows.isEmpty else { return }
    try await c.query(
      """
      INSERT INTO counts (workflow_id, input_id, node_id, count, run_id, written_at)
      SELECT w, i, n, k, r, \(now) FROM unnest(\(rows.map(\.workflow)), \(rows.map(\.input)), \(rows.map(\.node)),
        \(rows.map(\.count)), \(rows.map(\.run))) AS t(w, i, n, k, r)
      ON CONFLICT (workflow_id, input_id, node_id) DO UPDATE SET
        count = excluded.count, run_id = excluded.run_id, written_at = excluded.written_at
      """, logger: logger)
  }
}
