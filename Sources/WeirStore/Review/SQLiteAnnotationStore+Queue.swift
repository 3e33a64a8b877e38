import Foundation
import GRDB
import WeirCore

/// The review queue and reviewers' leases (Documentation/Store.md, "Leases").
extension SQLiteAnnotationStore {
  /// Claims up to `limit` inputs for `reviewer` and returns them in queue order.
  ///
  /// An input is claimable when it has review items with no decision and no other reviewer holds a
  /// lease on it that has not expired. The reviewer's leases on the returned inputs are set (or
  /// renewed) to expire `lease` seconds after `now`; the reviewer's other leases end now, so what a
  /// reviewer no longer sees is free for others at once. One transaction: two reviewers claiming at
  /// the same time never get the same input.
  public func claim(
    reviewer: String, limit: Int, lease: TimeInterval, query: ReviewQueueQuery = ReviewQueueQuery(),
    now: Date = Date()
  ) throws -> [String] {
    guard !options.readOnly else {
      throw StoreError.writeFailed(path: path, reason: "the store was opened read-only")
    }
    try drain()
    let nowText = DatabaseTime.text(now)
    let until = DatabaseTime.text(now.addingTimeInterval(lease))
    return try guarded {
      var claimed: [String] = []
      var versions: (ReviewSummaryCache.Version, ReviewSummaryCache.Version)?
      try dbQueue.inTransaction(.immediate) { db in
        let before = try ReviewSummaryCache.Version.current(db)
        claimed = try Self.queue(query, reviewer: reviewer, now: nowText, limit: limit, in: db)
        try db.execute(
          sql: "UPDATE leases SET expires_at = ? WHERE reviewer = ? AND expires_at > ?",
          arguments: [nowText, reviewer, nowText])
        let upsert = try db.cachedStatement(
          sql: """
            INSERT INTO leases (input_id, reviewer, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (input_id) DO UPDATE SET reviewer = excluded.reviewer, expires_at = excluded.expires_at
            """)
        for input in claimed { try upsert.execute(arguments: [input, reviewer, until]) }
        versions = (before, try ReviewSummaryCache.Version.current(db))
        return .commit
      }
      // Leases count no review item.
      if let (before, after) = versions { reviewSummary.advance(from: before, to: after, []) }
      return claimed
    }
  }

  /// Ends `reviewer`'s leases now.
  public func release(reviewer: String, now: Date = Date()) throws {
    let nowText = DatabaseTime.text(now)
    try guarded {
      var versions: (ReviewSummaryCache.Version, ReviewSummaryCache.Version)?
      try dbQueue.inTransaction(.immediate) { db in
        let before = try ReviewSummaryCache.Version.current(db)
        try db.execute(
          sql: "UPDATE leases SET expires_at = ? WHERE reviewer = ? AND expires_at > ?",
          arguments: [nowText, reviewer, nowText])
        versions = (before, try ReviewSummaryCache.Version.current(db))
        return .commit
      }
      if let (before, after) = versions { reviewSummary.advance(from: before, to: after, []) }
    }
  }

  /// Who holds a lease on `inputId` that has not expired at `now`.
  public func leaseHolder(inputId: String, now: Date = Date()) throws -> String? {
    try guarded {
      try dbQueue.read { db in
        try String.fetchOne(
          db, sql: "SELECT reviewer FROM leases WHERE input_id = ? AND expires_at > ?",
          arguments: [inputId, DatabaseTime.text(now)])
      }
    }
  }

  /// Every annotation on `inputId`, of every workflow, as labelled now.
  public func labels(ofInput inputId: String) throws -> [StoredAnnotation] {
    try guarded {
      try dbQueue.read { db in
        try Row.fetchAll(
          db,
          sql: "SELECT * FROM labels WHERE input_id = ? ORDER BY region_id, concept_id, workflow_id, node_id",
          arguments: [inputId]
        ).map(Self.annotation(from:))
      }
    }
  }

  /// Review items decided and left, and the rate of the last ten minutes.
  public func reviewProgress(now: Date = Date()) throws -> ReviewProgress {
    try guarded {
      try dbQueue.read { db in
        let summary = try reviewSummary(in: db)
        let recent =
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM decisions WHERE decided_at > ? AND action <> 'undo'",
            arguments: [DatabaseTime.text(now.addingTimeInterval(-600))]) ?? 0
        return ReviewProgress(done: summary.done, left: summary.left, perMinute: Double(recent) / 10)
      }
    }
  }

  /// The review summary of the file as it is now: kept since the last write, or counted.
  func reviewSummary(in db: Database) throws -> ReviewSummaryCache.Summary {
    try reviewSummary.summary(at: try ReviewSummaryCache.Version.current(db), in: db)
  }

  /// The decided review items (predicted `ANNOTATION_AWAITING_REVIEW`, decision in force).
  public func reviewOutcomes() throws -> [ReviewOutcome] {
    try guarded {
      try dbQueue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT d.* FROM annotations a JOIN decisions d ON d.id = a.decision_id
            WHERE a.status = ? ORDER BY d.id
            """, arguments: [AnnotationStatus.awaitingReview.rawValue]
        ).map { row in
          let d = Self.decision(from: row)
          return ReviewOutcome(
            key: d.key, conceptName: d.prediction.conceptName, confidence: d.prediction.confidence,
            action: d.action, status: d.status ?? d.prediction.status)
        }
      }
    }
  }

  /// The inputs of the queue, in order, that no other reviewer holds.
  ///
  /// Walks the review items (awaiting review, no decision in force) that pass the filters in the
  /// order of the queue, along the partial index kept in that order (schema v4), and stops at the
  /// `limit`th input: an input's first row in the walk is the one that places it (its lowest
  /// confidence, its first concept name), so the rest of the queue is never read.
  static func queue(
    _ query: ReviewQueueQuery, reviewer: String, now: String, limit: Int, in db: Database
  ) throws -> [String] {
    guard limit > 0 else { return [] }
    let (sql, arguments) = queueWalk(query, reviewer: reviewer, now: now)
    let rows = try String.fetchCursor(db, sql: sql, arguments: arguments)
    var inputs: [String] = []
    var seen: Set<String> = []
    while inputs.count < limit, let input = try rows.next() {
      if seen.insert(input).inserted { inputs.append(input) }
    }
    return inputs
  }

  /// The walk's SQL: the queue's rows in order, one per review item, leased inputs left out.
  static func queueWalk(_ query: ReviewQueueQuery, reviewer: String, now: String) -> (
    sql: String, arguments: StatementArguments
  ) {
    // The literal status repeats the partial indexes' condition, which is what lets SQLite use them.
    var conditions = ["a.status = \(AnnotationStatus.awaitingReview.rawValue)", "a.decision_id IS NULL"]
    var arguments: [DatabaseValueConvertible] = []
    func any(_ column: String, _ values: [String]) {
      guard !values.isEmpty else { return }
      conditions.append("\(column) IN (\(placeholders(values.count)))")
      arguments += values.map { $0 as DatabaseValueConvertible }
    }
    if !query.concepts.isEmpty {
      let marks = placeholders(query.concepts.count)
      conditions.append("(a.concept_id IN (\(marks)) OR a.concept_name IN (\(marks)))")
      arguments += (query.concepts + query.concepts).map { $0 as DatabaseValueConvertible }
    }
    any("a.run_id", query.runs)
    any("a.task_id", query.tasks)
    if let low = query.minConfidence {
      conditions.append("a.confidence >= ?")
      arguments.append(low)
    }
    if let high = query.maxConfidence {
      conditions.append("a.confidence <= ?")
      arguments.append(high)
    }
    conditions.append(
      "NOT EXISTS (SELECT 1 FROM leases l WHERE l.input_id = a.input_id AND l.reviewer <> ? AND l.expires_at > ?)"
    )
    arguments += [reviewer, now]
    let (index, order): (String, String)
    switch query.order {
    case .confidence: (index, order) = ("review_queue_by_confidence", "a.confidence, a.input_id")
    case .input: (index, order) = ("review_queue_by_input", "a.input_id")
    case .concept:
      (index, order) = ("review_queue_by_concept", "a.concept_name, a.confidence, a.input_id")
    }
    // INDEXED BY: the walk must never become a sort of every row; SQLite refuses the statement
    // rather than plan it another way.
    let sql = """
      SELECT a.input_id FROM annotations a INDEXED BY \(index)
      WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order)
      """
    return (sql, StatementArguments(arguments))
  }
}

extension SQLiteAnnotationStore {
  /// What the store last recorded of one input: its path or URL and size.
  public func image(inputId: String) throws -> StoredImage? {
    try guarded {
      try dbQueue.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT input_id, path, url, width, height FROM inputs WHERE input_id = ?
            ORDER BY recorded_at DESC, run_id DESC LIMIT 1
            """, arguments: [inputId]
        ).map { row in
          StoredImage(
            inputId: row["input_id"], path: row["path"], url: row["url"], width: row["width"],
            height: row["height"])
        }
      }
    }
  }

  /// The concept names of the labels in the store, sorted.
  public func conceptNames() throws -> [String] {
    try guarded { try dbQueue.read { db in try reviewSummary(in: db).conceptNames } }
  }
}
