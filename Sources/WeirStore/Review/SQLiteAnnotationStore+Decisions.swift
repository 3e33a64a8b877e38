import Foundation
import GRDB
import WeirCore

/// Review decisions: each one a transaction of its own, appended to `decisions` and put in force
/// on its annotation (Documentation/Store.md, "Review decisions"). Nothing is ever deleted.
extension SQLiteAnnotationStore {
  /// Records one decision and returns the annotation as it is labelled now.
  ///
  /// Throws `DecisionError.alreadyDecided` (with the current label) for a decision on an
  /// annotation that has one in force, `notDecided` for an undo with nothing to undo,
  /// `noSuchAnnotation` and `invalid`; nothing is written then.
  @discardableResult
  public func decide(_ decision: ReviewDecision) throws -> StoredAnnotation {
    try flushBeforeDeciding()
    return try guarded {
      var written: Written?
      try dbQueue.inTransaction(.immediate) { db in
        written = try Self.written(in: db) {
          [try Self.apply(decision, to: db, skipSame: false)].compactMap { $0 }
        }
        return .commit
      }
      written?.advance(reviewSummary)
      return try dbQueue.read { db in try Self.current(decision.key, in: db) }
    }
  }

  /// Records many decisions in one transaction: all of them or none. A decision equal to the one
  /// already in force (same action, concept and box) is skipped, so applying the same list twice
  /// changes nothing. Returns how many were written.
  public func decideAll(_ decisions: [ReviewDecision]) throws -> Int {
    try flushBeforeDeciding()
    return try guarded {
      var written: Written?
      try dbQueue.inTransaction(.immediate) { db in
        written = try Self.written(in: db) {
          try decisions.compactMap { try Self.apply($0, to: db, skipSame: true) }
        }
        return .commit
      }
      written?.advance(reviewSummary)
      return written?.changes.count ?? 0
    }
  }

  /// What a transaction of decisions did, and the versions of the file around it, for the review
  /// summary (`ReviewSummaryCache`) once it is committed.
  struct Written {
    var before: ReviewSummaryCache.Version
    var after: ReviewSummaryCache.Version
    var changes: [ReviewSummaryCache.Change]

    func advance(_ cache: ReviewSummaryCache) { cache.advance(from: before, to: after, changes) }
  }

  static func written(in db: Database, _ body: () throws -> [ReviewSummaryCache.Change]) throws -> Written {
    let before = try ReviewSummaryCache.Version.current(db)
    let changes = try body()
    return Written(before: before, after: try ReviewSummaryCache.Version.current(db), changes: changes)
  }

  /// Every decision made on `key`, oldest first, each with the prediction it was made on.
  public func decisions(for key: AnnotationKey) throws -> [StoredDecision] {
    try guarded {
      try dbQueue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT * FROM decisions WHERE workflow_id = ? AND input_id = ? AND node_id = ? AND region_id = ?
            AND concept_id = ? ORDER BY id
            """, arguments: StatementArguments(key.arguments)
        ).map(Self.decision(from:))
      }
    }
  }

  /// Every decision in the store, oldest first.
  public func allDecisions() throws -> [StoredDecision] {
    try guarded {
      try dbQueue.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM decisions ORDER BY id").map(Self.decision(from:))
      }
    }
  }

  /// The annotation with `key`, as labelled now.
  public func annotation(_ key: AnnotationKey) throws -> StoredAnnotation? {
    try guarded { try dbQueue.read { db in try Self.currentIfAny(key, in: db) } }
  }

  /// Outcomes this instance still buffers are written first, so a decision never races them.
  private func flushBeforeDeciding() throws {
    guard !options.readOnly else {
      throw StoreError.writeFailed(path: path, reason: "the store was opened read-only")
    }
    try drain()
  }

  /// Checks and writes one decision inside the caller's transaction (``DecisionRules`` says
  /// what), and says what it changed. Returns nil when `skipSame` found the same decision
  /// already in force.
  static func apply(_ d: ReviewDecision, to db: Database, skipSame: Bool) throws -> ReviewSummaryCache.Change?
  {
    let current = try current(d.key, in: db)
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT * FROM annotations WHERE \(keyCondition)", arguments: keyArguments(d.key))
    else { throw DecisionError.noSuchAnnotation(d.key) }
    let reviewItem = (row["status"] as Int?) == AnnotationStatus.awaitingReview.rawValue
    switch try DecisionRules.step(for: d, current: current, skipSame: skipSame) {
    case .skip:
      return nil
    case .write(let status, let undoes):
      try insert(d, status: status, undoes: undoes, prediction: row, into: db)
      let inForce: Int64? = undoes == nil ? db.lastInsertedRowID : nil
      try db.execute(
        sql: "UPDATE annotations SET decision_id = ? WHERE \(keyCondition)",
        arguments: StatementArguments([inForce]) + keyArguments(d.key))
      if undoes != nil {
        return ReviewSummaryCache.Change(
          reviewItem: reviewItem, decided: false, conceptBefore: current.record.conceptName,
          conceptAfter: row["concept_name"])
      }
      return ReviewSummaryCache.Change(
        reviewItem: reviewItem, decided: true, conceptBefore: current.record.conceptName,
        conceptAfter: d.concept?.name ?? current.record.conceptName)
    }
  }

  private static func insert(
    _ d: ReviewDecision, status: Int?, undoes: Int64?, prediction row: Row, into db: Database
  ) throws {
    let values: [DatabaseValueConvertible?] = [
      d.key.workflowId, d.key.inputId, d.key.nodeId, d.key.regionId, d.key.conceptId, d.action.rawValue,
      status,
      d.concept?.id, d.concept?.name, d.box?.topRow, d.box?.leftCol, d.box?.bottomRow, d.box?.rightCol,
      undoes,
      row["concept_name"] as String?, row["confidence"] as Double?, row["status"] as Int?,
      row["top_row"] as Double?, row["left_col"] as Double?, row["bottom_row"] as Double?,
      row["right_col"] as Double?, row["run_id"] as String?, d.reviewer, DatabaseTime.text(d.time), d.source,
    ]
    try db.execute(
      sql: """
        INSERT INTO decisions (workflow_id, input_id, node_id, region_id, concept_id, action, status,
          label_concept_id, label_concept_name, top_row, left_col, bottom_row, right_col, undoes,
          predicted_concept_name, predicted_confidence, predicted_status, predicted_top_row, predicted_left_col,
          predicted_bottom_row, predicted_right_col, predicted_run_id, reviewer, decided_at, source)
        VALUES (\(placeholders(values.count)))
        """, arguments: StatementArguments(values))
  }

  static let keyCondition =
    "workflow_id = ? AND input_id = ? AND node_id = ? AND region_id = ? AND concept_id = ?"

  static func keyArguments(_ key: AnnotationKey) -> StatementArguments { StatementArguments(key.arguments) }

  static func currentIfAny(_ key: AnnotationKey, in db: Database) throws -> StoredAnnotation? {
    try Row.fetchOne(
      db,
      sql: """
        SELECT * FROM labels WHERE workflow_id = ? AND input_id = ? AND node_id = ? AND region_id = ?
        AND predicted_concept_id = ?
        """, arguments: keyArguments(key)
    ).map(annotation(from:))
  }

  static func current(_ key: AnnotationKey, in db: Database) throws -> StoredAnnotation {
    guard let found = try currentIfAny(key, in: db) else { throw DecisionError.noSuchAnnotation(key) }
    return found
  }

  static func decision(from row: Row) -> StoredDecision {
    let key = AnnotationKey(
      workflowId: row["workflow_id"], inputId: row["input_id"], nodeId: row["node_id"],
      regionId: row["region_id"], conceptId: row["concept_id"])
    let box = boxColumns(row, prefix: "")
    var concept: ReviewDecision.Concept?
    if let id: String = row["label_concept_id"], let name: String = row["label_concept_name"] {
      concept = ReviewDecision.Concept(id: id, name: name)
    }
    let prediction = AnnotationRecord(
      workflowId: key.workflowId, nodeId: key.nodeId, inputId: key.inputId, regionId: key.regionId,
      box: boxColumns(row, prefix: "predicted_"), conceptId: key.conceptId,
      conceptName: row["predicted_concept_name"], confidence: row["predicted_confidence"],
      status: row["predicted_status"], userId: nil, taskId: nil)
    let actionText: String = row["action"]
    return StoredDecision(
      id: row["id"], key: key, action: DecisionAction(rawValue: actionText) ?? .undo, status: row["status"],
      concept: concept, box: box, undoes: row["undoes"], prediction: prediction,
      predictionRunId: row["predicted_run_id"], reviewer: row["reviewer"], decidedAt: row["decided_at"],
      source: row["source"])
  }

  static func boxColumns(_ row: Row, prefix: String) -> BoundingBox? {
    guard let top: Double = row[prefix + "top_row"], let left: Double = row[prefix + "left_col"],
      let bottom: Double = row[prefix + "bottom_row"], let right: Double = row[prefix + "right_col"]
    else { return nil }
    return BoundingBox(topRow: top, leftCol: left, bottomRow: bottom, rightCol: right)
  }
}
