import GRDB
import WeirCore

extension SQLiteAnnotationStore {
  /// Writes one batch inside the caller's transaction, with cached (prepared-once) statements.
  ///
  /// Per input that went through, the workflow's earlier annotations for that input are deleted
  /// before the new ones are inserted, so a re-run with stricter thresholds leaves no stale region
  /// behind (Documentation/Store.md, "Re-runs and stale annotations"). A row a reviewer decided is
  /// neither deleted nor overwritten: the decision stands until it is undone. A failed input keeps what
  /// earlier runs wrote: its outcome is incomplete, and a failure must not lose work.
  static func write(_ batch: [PendingOutcome], to db: Database) throws {
    var input = StatementBinder(try db.cachedStatement(sql: insertInput))
    var clear = StatementBinder(
      try db.cachedStatement(
        sql: "DELETE FROM annotations WHERE workflow_id = ? AND input_id = ? AND decision_id IS NULL"))
    var annotation = StatementBinder(try db.cachedStatement(sql: upsertAnnotation))
    var clearCounts = StatementBinder(
      try db.cachedStatement(sql: "DELETE FROM counts WHERE workflow_id = ? AND input_id = ?"))
    var count = StatementBinder(try db.cachedStatement(sql: upsertCount))
    for entry in batch {
      let o = entry.outcome
      input.bind(o.runId)
      input.bind(o.input.id)
      input.bind(o.input.path)
      input.bind(o.input.url)
      input.bind(o.width)
      input.bind(o.height)
      input.bind(o.error == nil ? "ok" : "failed")
      input.bind(o.error?.message)
      input.bind(o.error?.node)
      input.bind(entry.recordedAt)
      try input.execute()
      if o.error == nil {
        // Nearly always the run's one workflow: a short list, not a set per input.
        var workflows = [entry.workflowId]
        if let rows = o.rows {
          if rows.workflowId != entry.workflowId { workflows.append(rows.workflowId) }
        } else {
          for a in o.annotations where !workflows.contains(a.workflowId) { workflows.append(a.workflowId) }
        }
        for w in workflows {
          clear.bind(w)
          clear.bind(o.input.id)
          try clear.execute()
          clearCounts.bind(w)
          clearCounts.bind(o.input.id)
          try clearCounts.execute()
        }
      }
      if let rows = o.rows {
        try write(rows, inputId: o.input.id, runId: o.runId, at: entry.recordedAt, with: &annotation)
      } else {
        for a in o.annotations {
          try write(a, runId: o.runId, at: entry.recordedAt, with: &annotation)
        }
      }
      for c in o.error == nil ? o.counts : [] {
        count.bind(entry.workflowId)
        count.bind(o.input.id)
        count.bind(c.nodeId)
        count.bind(c.count)
        count.bind(o.runId)
        count.bind(entry.recordedAt)
        try count.execute()
      }
    }
  }

  /// Binds the 16 columns of `upsertAnnotation`, in its order, and runs it.
  private static func write(
    _ a: AnnotationRecord, runId: String, at time: String, with statement: inout StatementBinder
  ) throws {
    statement.bind(a.workflowId)
    statement.bind(a.inputId)
    statement.bind(a.nodeId)
    statement.bind(a.regionId)
    statement.bind(a.conceptId)
    statement.bind(a.conceptName)
    statement.bind(a.box?.topRow)
    statement.bind(a.box?.leftCol)
    statement.bind(a.box?.bottomRow)
    statement.bind(a.box?.rightCol)
    statement.bind(a.confidence)
    statement.bind(a.status)
    statement.bind(a.userId)
    statement.bind(a.taskId)
    statement.bind(runId)
    statement.bind(time)
    try statement.execute()
  }

  /// Binds and runs `upsertAnnotation` for each row of one input's outcome, the same columns as
  /// `write(_:runId:at:with:)` gives its record. SQLite keeps a statement's values from one run to
  /// the next, so within the outcome only what changed is bound again: the workflow, input, run and
  /// time once, the writer's node, status, user and task when the writer changes, the concept when
  /// it changes. Each text bound is a copy SQLite makes, so this saves most of them.
  private static func write(
    _ rows: any AnnotationRows, inputId: String, runId: String, at time: String,
    with statement: inout StatementBinder
  ) throws {
    var writer = -1
    var concept = -1
    try rows.forEachRow { row in
      if writer < 0 {
        statement.bind(at: 1, rows.workflowId)
        statement.bind(at: 2, inputId)
        statement.bind(at: 15, runId)
        statement.bind(at: 16, time)
      }
      if row.writer != writer {
        statement.bind(at: 3, row.nodeId)
        statement.bind(at: 12, row.status)
        statement.bind(at: 13, optional: row.userId)
        statement.bind(at: 14, optional: row.taskId)
      }
      statement.bind(at: 4, row.regionId)
      if row.concept != concept {
        statement.bind(at: 5, row.conceptId)
        statement.bind(at: 6, row.conceptName)
      }
      statement.bind(at: 7, row.box?.topRow)
      statement.bind(at: 8, row.box?.leftCol)
      statement.bind(at: 9, row.box?.bottomRow)
      statement.bind(at: 10, row.box?.rightCol)
      statement.bind(at: 11, row.confidence)
      writer = row.writer
      concept = row.concept
      try statement.execute()
    }
  }

  static let insertInput = """
    INSERT INTO inputs (run_id, input_id, path, url, width, height, status, error_message, error_node, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, input_id) DO UPDATE SET
      path = excluded.path, url = excluded.url, width = excluded.width, height = excluded.height,
      status = excluded.status, error_message = excluded.error_message, error_node = excluded.error_node,
      recorded_at = excluded.recorded_at
    """

  static let upsertCount = """
    INSERT INTO counts (workflow_id, input_id, node_id, count, run_id, written_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (workflow_id, input_id, node_id) DO UPDATE SET
      count = excluded.count, run_id = excluded.run_id, written_at = excluded.written_at
    """

  static let upsertAnnotation = """
    INSERT INTO annotations (
      workflow_id, input_id, node_id, region_id, concept_id, concept_name, top_row, left_col, bottom_row,
      right_col, confidence, status, user_id, task_id, run_id, written_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (workflow_id, input_id, node_id, region_id, concept_id) DO UPDATE SET
      concept_name = excluded.concept_name, top_row = excluded.top_row, left_col = excluded.left_col,
      bottom_row = excluded.bottom_row, right_col = excluded.right_col, confidence = excluded.confidence,
      status = excluded.status, user_id = excluded.user_id, task_id = excluded.task_id,
      run_id = excluded.run_id, written_at = excluded.written_at
    WHERE annotations.decision_id IS NULL
    """
}
