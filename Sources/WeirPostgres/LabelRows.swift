import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// Rows of the `labels` view and the `decisions` table read back into the stored types, by
/// column name, as the SQLite store reads its own.
enum LabelRows {
  /// A row of `labels` as one JSON array, which ``annotations(_:)`` reads. One text cell per row:
  /// decoding two dozen binary cells per row costs more than the rest of an export, and
  /// Foundation's JSON decoder reads the array at full speed in every build.
  static let json = """
    json_build_array(workflow_id, input_id, node_id, region_id, concept_id, concept_name, top_row, left_col,
      bottom_row, right_col, confidence, status, user_id, task_id, run_id, extract(epoch FROM written_at),
      predicted_concept_id, predicted_status, decision_id, decision_action, decision_reviewer,
      extract(epoch FROM decision_at), decision_source)::text
    """

  /// The annotations of rows selected as ``json``, in their order.
  static func annotations(_ rows: PostgresRowSequence) async throws -> [StoredAnnotation] {
    var text: [UInt8] = [UInt8(ascii: "[")]
    for try await row in rows.decode(String.self) {
      if text.count > 1 { text.append(UInt8(ascii: ",")) }
      text.append(contentsOf: row.utf8)
    }
    text.append(UInt8(ascii: "]"))
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try decoder.decode([LabelJSON].self, from: Data(text)).map(\.annotation)
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
    for (column, value) in zip(
      columns, [key.workflowId, key.inputId, key.nodeId, key.regionId, key.conceptId])
    {
      binds.append(value)
      parts.append("\(column) = $\(binds.count)")
    }
    return parts.joined(separator: " AND ")
  }
}

/// One row of ``LabelRows/json``, decoded in its column order.
private struct LabelJSON: Decodable {
  var annotation: StoredAnnotation

  init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    let workflowId = try c.decode(String.self)
    let inputId = try c.decode(String.self)
    let nodeId = try c.decode(String.self)
    let regionId = try c.decode(String.self)
    let conceptId = try c.decode(String.self)
    let conceptName = try c.decode(String.self)
    let edges = try (0..<4).map { _ in try c.decodeIfPresent(Double.self) }
    let confidence = try c.decode(Double.self)
    let status = try c.decode(Int.self)
    let userId = try c.decodeIfPresent(String.self)
    let taskId = try c.decodeIfPresent(String.self)
    let runId = try c.decode(String.self)
    let writtenAt = Date(timeIntervalSince1970: try c.decode(Double.self))
    let predictedConceptId = try c.decode(String.self)
    let predictedStatus = try c.decode(Int.self)
    let decisionId = try c.decodeIfPresent(Int64.self)
    let action = try c.decodeIfPresent(String.self).flatMap(DecisionAction.init(rawValue:))
    let reviewer = try c.decodeIfPresent(String.self)
    let decidedAt = try c.decodeIfPresent(Double.self).map(Date.init(timeIntervalSince1970:))
    let source = try c.decodeIfPresent(String.self)
    var box: BoundingBox?
    if let top = edges[0], let left = edges[1], let bottom = edges[2], let right = edges[3] {
      box = BoundingBox(topRow: top, leftCol: left, bottomRow: bottom, rightCol: right)
    }
    let record = AnnotationRecord(
      workflowId: workflowId, nodeId: nodeId, inputId: inputId, regionId: regionId, box: box,
      conceptId: conceptId, conceptName: conceptName, confidence: confidence, status: status, userId: userId,
      taskId: taskId)
    var decision: AppliedDecision?
    if let decisionId, let action, let reviewer, let decidedAt, let source {
      decision = AppliedDecision(
        id: decisionId, action: action, reviewer: reviewer, decidedAt: decidedAt, source: source,
        predictedConceptId: predictedConceptId, predictedStatus: predictedStatus)
    }
    annotation = StoredAnnotation(record: record, runId: runId, writtenAt: writtenAt, decision: decision)
  }
}
