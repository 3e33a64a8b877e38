import Foundation
import PostgresNIO
import WeirCore

/// Writes outcomes into `inputs`, `annotations` and `counts` on a connection already inside a
/// transaction, with the SQLite store's semantics (Documentation/Store.md, "Idempotence"): every
/// annotation is an upsert on its key, an input that went through first loses its workflow's
/// earlier rows and counts, and a row a reviewer decided is neither deleted nor overwritten.
///
/// Each table's rows go to the server as one JSON array in one parameter, which
/// `json_to_recordset` turns back into rows: one statement per table and batch, whatever its
/// size, and the client encodes one string instead of sixteen parameters per row (which cost more
/// than everything else a worker does; Documentation/Scale.md, "Benchmarks").
enum OutcomeWriter {
  static func write(_ outcomes: [InputOutcome], on c: PostgresConnection, logger: Logger) async throws {
    guard !outcomes.isEmpty else { return }
    let now = Date()
    try await writeInputs(outcomes, now: now, on: c, logger: logger)
    var counts: [CountRow] = []
    for (runId, group) in Dictionary(grouping: outcomes.filter { $0.error == nil }, by: \.runId) {
      let workflow = try await clear(group.map(\.input.id), runId: runId, on: c, logger: logger)
      for o in group {
        for n in o.counts {
          counts.append(
            CountRow(
              workflowId: workflow, inputId: o.input.id, nodeId: n.nodeId, count: n.count, runId: runId))
        }
      }
    }
    try await writeCounts(counts, now: now, on: c, logger: logger)
    try await writeAnnotations(outcomes, now: now, on: c, logger: logger)
  }

  /// Deletes the undecided annotations and the counts of run `runId`'s workflow on `inputs`;
  /// returns the workflow's id.
  private static func clear(_ inputs: [String], runId: String, on c: PostgresConnection, logger: Logger)
    async throws -> String
  {
    let rows = try await c.query(
      """
      WITH w AS (SELECT workflow_id FROM runs WHERE id = \(runId)),
        gone AS (DELETE FROM annotations WHERE workflow_id = (SELECT workflow_id FROM w)
          AND input_id = ANY(\(inputs)) AND decision_id IS NULL),
        uncounted AS (DELETE FROM counts WHERE workflow_id = (SELECT workflow_id FROM w)
          AND input_id = ANY(\(inputs)))
      SELECT workflow_id FROM w
      """, logger: logger)
    var workflow = ""
    for try await id in rows.decode(String.self) { workflow = id }
    return workflow
  }

  private static func writeInputs(
    _ outcomes: [InputOutcome], now: Date, on c: PostgresConnection, logger: Logger
  ) async throws {
    var rows = Latest<InputRow>()
    for o in outcomes {
      rows.add(
        InputRow(
          runId: o.runId, inputId: o.input.id, path: o.input.path, url: o.input.url, width: o.width,
          height: o.height, status: o.error == nil ? "ok" : "failed", errorMessage: o.error?.message,
          errorNode: o.error?.node), key: [o.runId, o.input.id])
    }
    let json = try jsonArray(rows.values)
    try await c.query(
      """
      INSERT INTO inputs (run_id, input_id, path, url, width, height, status, error_message, error_node, recorded_at)
      SELECT run_id, input_id, path, url, width, height, status, error_message, error_node, \(now)
      FROM json_to_recordset(\(json)::json) AS r(run_id text, input_id text, path text, url text,
        width integer, height integer, status text, error_message text, error_node text)
      ON CONFLICT (run_id, input_id) DO UPDATE SET path = excluded.path, url = excluded.url,
        width = coalesce(excluded.width, inputs.width), height = coalesce(excluded.height, inputs.height),
        status = excluded.status, error_message = excluded.error_message, error_node = excluded.error_node,
        recorded_at = excluded.recorded_at
      """, logger: logger)
  }

  private static func writeAnnotations(
    _ outcomes: [InputOutcome], now: Date, on c: PostgresConnection, logger: Logger
  ) async throws {
    // The last write of a key wins, as in a sequence of upserts (one INSERT may not touch a row twice).
    var rows = Latest<AnnotationRow>()
    for o in outcomes {
      for a in o.annotations {
        rows.add(
          AnnotationRow(
            workflowId: a.workflowId, inputId: a.inputId, nodeId: a.nodeId, regionId: a.regionId,
            conceptId: a.conceptId, conceptName: a.conceptName, topRow: a.box?.topRow,
            leftCol: a.box?.leftCol,
            bottomRow: a.box?.bottomRow, rightCol: a.box?.rightCol, confidence: a.confidence,
            status: a.status,
            userId: a.userId, taskId: a.taskId, runId: o.runId),
          key: [a.workflowId, a.inputId, a.nodeId, a.regionId, a.conceptId])
      }
    }
    guard !rows.values.isEmpty else { return }
    let json = try jsonArray(rows.values)
    try await c.query(
      """
      INSERT INTO annotations (workflow_id, input_id, node_id, region_id, concept_id, concept_name, top_row,
        left_col, bottom_row, right_col, confidence, status, user_id, task_id, run_id, written_at)
      SELECT workflow_id, input_id, node_id, region_id, concept_id, concept_name, top_row, left_col, bottom_row,
        right_col, confidence, status, user_id, task_id, run_id, \(now)
      FROM json_to_recordset(\(json)::json) AS r(workflow_id text, input_id text, node_id text, region_id text,
        concept_id text, concept_name text, top_row double precision, left_col double precision,
        bottom_row double precision, right_col double precision, confidence double precision, status integer,
        user_id text, task_id text, run_id text)
      ON CONFLICT (workflow_id, input_id, node_id, region_id, concept_id) DO UPDATE SET
        concept_name = excluded.concept_name, top_row = excluded.top_row, left_col = excluded.left_col,
        bottom_row = excluded.bottom_row, right_col = excluded.right_col, confidence = excluded.confidence,
        status = excluded.status, user_id = excluded.user_id, task_id = excluded.task_id,
        run_id = excluded.run_id, written_at = excluded.written_at
      WHERE annotations.decision_id IS NULL
      """, logger: logger)
  }

  /// What object-counters counted on the inputs that went through (their earlier counts are gone).
  private static func writeCounts(_ counts: [CountRow], now: Date, on c: PostgresConnection, logger: Logger)
    async throws
  {
    var rows = Latest<CountRow>()
    for r in counts { rows.add(r, key: [r.workflowId, r.inputId, r.nodeId]) }
    guard !rows.values.isEmpty else { return }
    let json = try jsonArray(rows.values)
    try await c.query(
      """
      INSERT INTO counts (workflow_id, input_id, node_id, count, run_id, written_at)
      SELECT workflow_id, input_id, node_id, count, run_id, \(now)
      FROM json_to_recordset(\(json)::json) AS r(workflow_id text, input_id text, node_id text, count integer,
        run_id text)
      ON CONFLICT (workflow_id, input_id, node_id) DO UPDATE SET
        count = excluded.count, run_id = excluded.run_id, written_at = excluded.written_at
      """, logger: logger)
  }

  /// Rows as one JSON array; `nil` columns are left out (NULL), and non-finite numbers are
  /// written as the strings PostgreSQL reads them from.
  static func jsonArray<Row: Encodable>(_ rows: [Row]) throws -> String {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return String(decoding: try encoder.encode(rows), as: UTF8.self)
  }
}

/// Rows in first-seen order, each key's last value kept.
private struct Latest<Row> {
  private var index: [[String]: Int] = [:]
  private(set) var values: [Row] = []

  mutating func add(_ row: Row, key: [String]) {
    if let i = index[key] {
      values[i] = row
    } else {
      index[key] = values.count
      values.append(row)
    }
  }
}

/// A row of `inputs` as JSON (`recorded_at` is the batch's time).
private struct InputRow: Encodable {
  var runId: String
  var inputId: String
  var path: String?
  var url: String?
  var width: Int?
  var height: Int?
  var status: String
  var errorMessage: String?
  var errorNode: String?

  enum CodingKeys: String, CodingKey {
    case runId = "run_id", inputId = "input_id", path, url, width, height, status
    case errorMessage = "error_message", errorNode = "error_node"
  }
}

/// A row of `annotations` as JSON (`written_at` is the batch's time).
private struct AnnotationRow: Encodable {
  var workflowId: String
  var inputId: String
  var nodeId: String
  var regionId: String
  var conceptId: String
  var conceptName: String
  var topRow: Double?
  var leftCol: Double?
  var bottomRow: Double?
  var rightCol: Double?
  var confidence: Double
  var status: Int
  var userId: String?
  var taskId: String?
  var runId: String

  enum CodingKeys: String, CodingKey {
    case workflowId = "workflow_id", inputId = "input_id", nodeId = "node_id", regionId = "region_id"
    case conceptId = "concept_id", conceptName = "concept_name", topRow = "top_row", leftCol = "left_col"
    case bottomRow = "bottom_row", rightCol = "right_col", confidence, status, userId = "user_id"
    case taskId = "task_id", runId = "run_id"
  }
}

/// A row of `counts` as JSON (`written_at` is the batch's time).
private struct CountRow: Encodable {
  var workflowId: String
  var inputId: String
  var nodeId: String
  var count: Int
  var runId: String

  enum CodingKeys: String, CodingKey {
    case workflowId = "workflow_id", inputId = "input_id", nodeId = "node_id", count, runId = "run_id"
  }
}
