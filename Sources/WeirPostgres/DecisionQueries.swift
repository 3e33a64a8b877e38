import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// Review decisions on PostgreSQL: the annotation's row is locked (`FOR UPDATE`), read as labelled
/// now, and ``DecisionRules`` says what to write, exactly as in the SQLite store; the decision is
/// appended to `decisions` and put in force in the same transaction.
enum DecisionQueries {
  /// Checks and writes one decision inside the caller's transaction; false when `skipSame` found
  /// the same decision already in force.
  static func apply(_ d: ReviewDecision, skipSame: Bool, on c: PostgresConnection, logger: Logger)
    async throws
    -> Bool
  {
    var binds = PostgresBindings()
    let condition = LabelRows.keyCondition(d.key, binds: &binds)
    let locked = try await c.query(
      PostgresQuery(
        unsafeSQL: """
          SELECT concept_name, confidence, status, top_row, left_col, bottom_row, right_col, run_id
          FROM annotations WHERE \(condition) FOR UPDATE
          """, binds: binds), logger: logger)
    var prediction: (String, Double, Int, Double?, Double?, Double?, Double?, String)?
    for try await row in locked.decode((String, Double, Int, Double?, Double?, Double?, Double?, String).self)
    {
      prediction = row
    }
    guard let prediction, let current = try await label(d.key, on: c, logger: logger) else {
      throw DecisionError.noSuchAnnotation(d.key)
    }
    switch try DecisionRules.step(for: d, current: current, skipSame: skipSame) {
    case .skip:
      return false
    case .write(let status, let undoes):
      var insert = PostgresBindings()
      for text in [
        d.key.workflowId, d.key.inputId, d.key.nodeId, d.key.regionId, d.key.conceptId, d.action.rawValue,
      ] {
        insert.append(text)
      }
      insert.append(status)
      insert.append(d.concept?.id)
      insert.append(d.concept?.name)
      insert.append(d.box?.topRow)
      insert.append(d.box?.leftCol)
      insert.append(d.box?.bottomRow)
      insert.append(d.box?.rightCol)
      insert.append(undoes)
      insert.append(prediction.0)
      insert.append(prediction.1)
      insert.append(prediction.2)
      insert.append(prediction.3)
      insert.append(prediction.4)
      insert.append(prediction.5)
      insert.append(prediction.6)
      insert.append(prediction.7)
      insert.append(d.reviewer)
      insert.append(d.time)
      insert.append(d.source)
      let rows = try await c.query(
        PostgresQuery(
          unsafeSQL: """
            INSERT INTO decisions (workflow_id, input_id, node_id, region_id, concept_id, action, status,
              label_concept_id, label_concept_name, top_row, left_col, bottom_row, right_col, undoes,
              predicted_concept_name, predicted_confidence, predicted_status, predicted_top_row,
              predicted_left_col, predicted_bottom_row, predicted_right_col, predicted_run_id, reviewer,
              decided_at, source)
            VALUES (\((1...insert.count).map { "$\($0)" }.joined(separator: ", ")))
            RETURNING id
            """, binds: insert), logger: logger)
      var id: Int64?
      for try await n in rows.decode(Int64.self) { id = n }
      var update = PostgresBindings()
      update.append(undoes == nil ? id : nil)
      let keyCondition = LabelRows.keyCondition(d.key, binds: &update)
      try await c.query(
        PostgresQuery(
          unsafeSQL: "UPDATE annotations SET decision_id = $1 WHERE \(keyCondition)", binds: update),
        logger: logger)
      return true
    }
  }

  /// The annotation with `key` as labelled now, or nil.
  static func label(_ key: AnnotationKey, on c: PostgresConnection, logger: Logger) async throws
    -> StoredAnnotation?
  {
    var binds = PostgresBindings()
    let condition = LabelRows.keyCondition(key, conceptColumn: "predicted_concept_id", binds: &binds)
    let rows = try await c.query(
      PostgresQuery(unsafeSQL: "SELECT \(LabelRows.json) FROM labels WHERE \(condition)", binds: binds),
      logger: logger)
    return try await LabelRows.annotations(rows).first
  }

  /// Every decision on `key`, oldest first (every decision when `key` is nil).
  static func decisions(_ key: AnnotationKey?, on c: PostgresConnection, logger: Logger) async throws
    -> [StoredDecision]
  {
    var binds = PostgresBindings()
    let condition = key.map { " WHERE " + LabelRows.keyCondition($0, binds: &binds) } ?? ""
    let rows = try await c.query(
      PostgresQuery(unsafeSQL: "SELECT * FROM decisions\(condition) ORDER BY id", binds: binds),
      logger: logger)
    var out: [StoredDecision] = []
    for try await row in rows { out.append(try LabelRows.decision(row)) }
    return out
  }
}
