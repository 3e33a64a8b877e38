import Foundation
import GRDB
import WeirCore

/// Reading the store back: runs, filtered annotations, image sizes. Queries see what has been
/// written; call `flush` first to include outcomes still buffered by this instance.
extension SQLiteAnnotationStore {
  /// Every run, oldest first.
  public func runs() throws -> [StoredRun] {
    try guarded {
      try dbQueue.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY started_at, rowid").map(Self.run(from:))
      }
    }
  }

  /// The most recently started run, of any of `workflows` when given.
  public func latestRun(workflows: [String] = []) throws -> StoredRun? {
    var sql = "SELECT * FROM runs"
    if !workflows.isEmpty { sql += " WHERE workflow_id IN (\(placeholders(workflows.count)))" }
    sql += " ORDER BY started_at DESC, rowid DESC LIMIT 1"
    return try guarded {
      try dbQueue.read { db in
        try Row.fetchOne(db, sql: sql, arguments: StatementArguments(workflows)).map(Self.run(from:))
      }
    }
  }

  /// The annotations `filter` takes, as labelled now (decided or predicted), sorted by input, region, concept, workflow and node.
  public func annotations(_ filter: AnnotationFilter = AnnotationFilter()) throws -> [StoredAnnotation] {
    guard let (whereSQL, arguments) = try whereClause(filter) else { return [] }
    var sql =
      "SELECT \(Self.labelColumns) FROM labels\(whereSQL) ORDER BY input_id, region_id, concept_id, workflow_id, node_id"
    if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
    return try guarded {
      try dbQueue.read { db in
        // A cursor reuses one row and columns are read by position: an export of a million rows
        // spent more time copying rows and finding columns by name than in SQLite.
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var annotations: [StoredAnnotation] = []
        while let row = try rows.next() { annotations.append(Self.annotation(fromLabelColumns: row)) }
        return annotations
      }
    }
  }

  /// The columns of `labels` that `annotation(fromLabelColumns:)` reads, in its order.
  static let labelColumns =
    "workflow_id, input_id, node_id, region_id, concept_id, concept_name, top_row, left_col, bottom_row, "
    + "right_col, confidence, status, user_id, task_id, run_id, written_at, predicted_concept_id, "
    + "predicted_status, decision_id, decision_action, decision_reviewer, decision_at, decision_source"

  /// `annotation(from:)` for a row of `labelColumns`, by position.
  static func annotation(fromLabelColumns row: Row) -> StoredAnnotation {
    var box: BoundingBox?
    if let top: Double = row[6], let left: Double = row[7], let bottom: Double = row[8],
      let right: Double = row[9]
    {
      box = BoundingBox(topRow: top, leftCol: left, bottomRow: bottom, rightCol: right)
    }
    let record = AnnotationRecord(
      workflowId: row[0], nodeId: row[2], inputId: row[1], regionId: row[3], box: box, conceptId: row[4],
      conceptName: row[5], confidence: row[10], status: row[11], userId: row[12], taskId: row[13])
    var decision: AppliedDecision?
    if let id: Int64 = row[18], let actionText: String = row[19],
      let action = DecisionAction(rawValue: actionText)
    {
      decision = AppliedDecision(
        id: id, action: action, reviewer: row[20], decidedAt: row[21], source: row[22],
        predictedConceptId: row[16], predictedStatus: row[17])
    }
    return StoredAnnotation(record: record, runId: row[14], writtenAt: row[15], decision: decision)
  }

  /// How many annotations `filter` takes, ignoring its limit.
  public func count(_ filter: AnnotationFilter = AnnotationFilter()) throws -> Int {
    guard let (whereSQL, arguments) = try whereClause(filter) else { return 0 }
    return try guarded {
      try dbQueue.read { db in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM labels\(whereSQL)", arguments: arguments) ?? 0
      }
    }
  }

  /// What the store knows of each input (of `inputIds`, or every one when nil): its latest path and
  /// URL, and the latest known size.
  public func images(inputIds: Set<String>?) throws -> [String: StoredImage] {
    let rows = try guarded {
      try dbQueue.read { db in
        try Row.fetchAll(
          db, sql: "SELECT input_id, path, url, width, height FROM inputs ORDER BY recorded_at, run_id")
      }
    }
    var images: [String: StoredImage] = [:]
    for row in rows {
      let id: String = row["input_id"]
      if let inputIds, !inputIds.contains(id) { continue }
      var image = images[id] ?? StoredImage(inputId: id)
      image.path = row["path"] ?? image.path
      image.url = row["url"] ?? image.url
      if let w: Int = row["width"], let h: Int = row["height"] {
        image.width = w
        image.height = h
      }
      images[id] = image
    }
    return images
  }

  /// The WHERE clause for `filter`, or nil when it can match nothing (`.latest` with no run).
  func whereClause(_ filter: AnnotationFilter) throws -> (String, StatementArguments)? {
    var conditions: [String] = []
    var arguments = StatementArguments()
    func any(_ column: String, _ values: [DatabaseValueConvertible]) {
      guard !values.isEmpty else { return }
      conditions.append("\(column) IN (\(placeholders(values.count)))")
      arguments += StatementArguments(values)
    }
    any("status", filter.statuses)
    if !filter.concepts.isEmpty {
      let marks = placeholders(filter.concepts.count)
      conditions.append("(concept_id IN (\(marks)) OR concept_name IN (\(marks)))")
      arguments += StatementArguments(filter.concepts + filter.concepts)
    }
    any("task_id", filter.tasks)
    any("workflow_id", filter.workflows)
    any("node_id", filter.nodes)
    switch filter.runs {
    case .all: break
    case .latest:
      guard let latest = try latestRun(workflows: filter.workflows) else { return nil }
      any("run_id", [latest.info.id])
    case .ids(let ids):
      let known = try runs().map(\.info.id)
      if let missing = ids.first(where: { !known.contains($0) }) {
        throw StoreError.noSuchRun(id: missing, known: known)
      }
      any("run_id", ids)
    }
    let sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    return (sql, arguments)
  }

  static func annotation(from row: Row) -> StoredAnnotation {
    var box: BoundingBox?
    if let top: Double = row["top_row"], let left: Double = row["left_col"],
      let bottom: Double = row["bottom_row"],
      let right: Double = row["right_col"]
    {
      box = BoundingBox(topRow: top, leftCol: left, bottomRow: bottom, rightCol: right)
    }
    let record = AnnotationRecord(
      workflowId: row["workflow_id"], nodeId: row["node_id"], inputId: row["input_id"],
      regionId: row["region_id"],
      box: box, conceptId: row["concept_id"], conceptName: row["concept_name"], confidence: row["confidence"],
      status: row["status"], userId: row["user_id"], taskId: row["task_id"])
    var decision: AppliedDecision?
    if let id: Int64 = row["decision_id"], let actionText: String = row["decision_action"],
      let action = DecisionAction(rawValue: actionText)
    {
      decision = AppliedDecision(
        id: id, action: action, reviewer: row["decision_reviewer"], decidedAt: row["decision_at"],
        source: row["decision_source"], predictedConceptId: row["predicted_concept_id"],
        predictedStatus: row["predicted_status"])
    }
    return StoredAnnotation(
      record: record, runId: row["run_id"], writtenAt: row["written_at"], decision: decision)
  }

  static func run(from row: Row) -> StoredRun {
    let varsText: String = row["vars"]
    let vars = (try? JSONDecoder().decode([String: String].self, from: Data(varsText.utf8))) ?? [:]
    let info = RunInfo(
      id: row["id"], workflowId: row["workflow_id"], workflowHash: row["workflow_hash"],
      workflowPath: row["workflow_path"], vars: vars, startedAt: row["started_at"])
    let status = RunStatus(rawValue: row["status"]) ?? .failed
    return StoredRun(info: info, endedAt: row["ended_at"], status: status, summary: row["summary"])
  }
}

func placeholders(_ count: Int) -> String {
  Array(repeating: "?", count: count).joined(separator: ", ")
}
