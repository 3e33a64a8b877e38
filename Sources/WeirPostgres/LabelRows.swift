import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// Rows of the `labels` view and the `decisions` table read back into the stored types, by
/// column name, as the SQLite store reads its own.
enum LabelRows {
  /// The columns of `labels` that ``annotation(_:)`` reads.
  static let columns = """
    workflow_id, input_id, node_id, region_id, concept_id, concept_name, top_row, left_col, bottom_row,
    right_col, confidence, status, user_id, task_id, run_id, written_at, predicted_concept_id, predicted_status,
    decision_id, decision_action, decision_reviewer, decision_at, decision_source
    """

  /// An annotation as labelled now (a row of `labels`).
  static func annotation(_ row: PostgresRow) throws -> StoredAnnotation {
    let r = row.makeRandomAccess()
    let record = AnnotationRecord(
      workflowId: try r["workflow_id"].decode(String.self), nodeId: try r["node_id"].decode(String.self),
      inputId: try r["input_id"].decode(String.self), regionId: try r["region_id"].decode(String.self),
      box: try box(r, prefix: ""), conceptId: try r["concept_id"].decode(String.self),
      conceptName: try r["concept_name"].decode(String.self), confidence: try r["confidence"].decode(Double.self),
      status: try r["status"].decode(Int.self), userId: try r["user_id"].decode(String?.self),
      taskId: try r["task_id"].decode(String?.self))
    var decision: AppliedDecision?
    if let id = try r["decision_id"].decode(Int64?.self),
      let action = try r["decision_action"].decode(String?.self).flatMap(DecisionAction.init(rawValue:))
    {
      decision = AppliedDecision(
        id: id, action: action, reviewer: try r["decision_reviewer"].decode(String.self),
        decidedAt: try r["decision_at"].decode(Date.self), source: try r["decision_source"].decode(String.self),
        predictedConceptId: try r["predicted_concept_id"].decode(String.self),
        predictedStatus: try r["predicted_status"].decode(Int.self))
    }
    return StoredAnnotation(
      record: record, runId: try r["run_id"].decode(String.self), writtenAt: try r["written_at"].decode(Date.self),
      decision: decision)
  }

  /// A decision as recorded (a row of `decisions`).
  static func decision(_ row: PostgresRow) throws -> StoredDecision {
    let r = row.makeRandomAccess()
    let key = AnnotationKey(
      workflowId: try r["workflow_id"].decode(String.self), inputId: try r["input_id"].decode(String.self),
      nodeId: try r["node_id"].decode(String.self), regionId: try r["region_id"].decode(String.self),
      conceptId: try r["concept_id"].decode(String.self))
    var concept: ReviewDecision.Concept?
    if let id = try r["label_concept_id"].decode(String?.self),
      let name = try r["label_concept_name"].decode(String?.self)
    {
      concept = ReviewDecision.Concept(id: id, name: name)
    }
    let prediction = AnnotationRecord(
      workflowId: key.workflowId, nodeId: key.nodeId, inputId: key.inputId, regionId: key.regionId,
      box: try box(r, prefix: "predicted_"), conceptId: key.conceptId,
      conceptName: try r["predicted_concept_name"].decode(String.self),
      confidence: try r["predicted_confidence"].decode(Double.self),
      status: try r["predicted_status"].decode(Int.self), userId: nil, taskId: nil)
    return StoredDecision(
      number: try r["id"].decode(Int64.self), key: key,
      action: DecisionAction(rawValue: try r["action"].decode(String.self)) ?? .undo,
      status: try r["status"].decode(Int?.self), concept: concept, box: try box(r, prefix: ""),
      undoes: try r["undoes"].decode(Int64?.self), prediction: prediction,
      predictionRunId: try r["predicted_run_id"].decode(String.self),
      reviewer: try r["reviewer"].decode(String.self), decidedAt: try r["decided_at"].decode(Date.self),
      source: try r["source"].decode(String.self))
  }

  private static func box(_ r: PostgresRandomAccessRow, prefix: String) throws -> BoundingBox? {
    guard let top = try r[prefix + "top_row"].decode(Double?.self),
      let left = try r[prefix + "left_col"].decode(Double?.self),
      let bottom = try r[prefix + "bottom_row"].decode(Double?.self),
      let right = try r[prefix + "right_col"].decode(Double?.self)
    else { return nil }
    return BoundingBox(topRow: top, leftCol: left, bottomRow: bottom, rightCol: right)
  }

  /// The condition on an annotation's key, with its five parameters appended to `binds`; in
  /// `labels` the key's concept is `predicted_concept_id`.
  static func keyCondition(
    _ key: AnnotationKey, conceptColumn: String = "concept_id", binds: inout PostgresBindings
  ) -> String {
    let columns = ["workflow_id", "input_id", "node_id", "region_id", conceptColumn]
    var parts: [String] = []
    for (column, value) in zip(columns, [key.workflowId, key.inputId, key.nodeId, key.regionId, key.conceptId]) {
      binds.append(value)
      parts.append("\(column) = $\(binds.count)")
    }
    return parts.joined(separator: " AND ")
  }
}
