import GRDB
import WeirCore

/// An object-counter's count on one input, as the store holds it.
public struct StoredCount: Sendable, Hashable {
  public var workflowId: String
  public var inputId: String
  public var nodeId: String
  public var count: Int
  /// The run that last counted this input.
  public var runId: String

  public init(workflowId: String, inputId: String, nodeId: String, count: Int, runId: String) {
    self.workflowId = workflowId
    self.inputId = inputId
    self.nodeId = nodeId
    self.count = count
    self.runId = runId
  }
}

/// Reading the counts object-counters stored (schema version 3; a store of an older schema has none).
extension SQLiteAnnotationStore {
  /// The counts of the filter's workflows, counter nodes and runs (its statuses, concepts and
  /// tasks are about annotations and do not apply), sorted by input, workflow and node.
  public func counts(_ filter: AnnotationFilter = AnnotationFilter()) throws -> [StoredCount] {
    var conditions: [String] = []
    var arguments = StatementArguments()
    func any(_ column: String, _ values: [String]) {
      guard !values.isEmpty else { return }
      conditions.append("\(column) IN (\(placeholders(values.count)))")
      arguments += StatementArguments(values)
    }
    any("workflow_id", filter.workflows)
    any("node_id", filter.nodes)
    switch filter.runs {
    case .all: break
    case .latest:
      guard let latest = try latestRun(workflows: filter.workflows) else { return [] }
      any("run_id", [latest.info.id])
    case .ids(let ids): any("run_id", ids)
    }
    let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    var sql = "SELECT * FROM counts\(whereSQL) ORDER BY input_id, workflow_id, node_id"
    if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
    return try guarded {
      try dbQueue.read { db in
        guard try StoreSchema.hasTable(db, "counts") else { return [] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
          StoredCount(
            workflowId: $0["workflow_id"], inputId: $0["input_id"], nodeId: $0["node_id"], count: $0["count"],
            runId: $0["run_id"])
        }
      }
    }
  }

  /// Per counter node, how many inputs run `runId` counted and how many objects in all.
  func counterTotals(runId: String) throws -> [RunSummary.Counter] {
    try guarded {
      try dbQueue.read { db in
        guard try StoreSchema.hasTable(db, "counts") else { return [] }
        return try Row.fetchAll(
          db,
          sql:
            "SELECT node_id, count(*), sum(count) FROM counts WHERE run_id = ? GROUP BY node_id ORDER BY node_id",
          arguments: [runId]
        ).map { RunSummary.Counter(nodeId: $0[0], inputs: $0[1], objects: $0[2]) }
      }
    }
  }
}
