import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// The review queue and reviewers' leases on PostgreSQL. A claim takes its inputs' lease rows with
/// `FOR UPDATE SKIP LOCKED`, so reviewers claiming at the same moment never wait for each other
/// and never get the same input (Documentation/Scale.md, "Review").
enum ReviewQueueQueries {
  /// Claims up to `limit` inputs of the queue for `reviewer` (see ``ReviewStore/claim``).
  static func claim(
    reviewer: String, limit: Int, lease: TimeInterval, query: ReviewQueueQuery, now: Date,
    in db: PostgresDatabase
  ) async throws -> [String] {
    guard limit > 0 else { return [] }
    // More candidates than asked for: some may be taken by a reviewer claiming at the same time.
    let candidates = try await db.run { c in
      let ids = try await queue(
        query, reviewer: reviewer, now: now, limit: limit * 2 + 16, on: c, logger: db.logger)
      // A lease row for every candidate (expired at once), so that there is a row to lock; on its
      // own and in a fixed order, so that claims never wait on each other's new rows.
      if !ids.isEmpty {
        try await c.query(
          """
          INSERT INTO leases (input_id, reviewer, expires_at)
          SELECT unnest(\(ids.sorted())::text[]), '', '-infinity'::timestamptz ON CONFLICT (input_id) DO NOTHING
          """, logger: db.logger)
      }
      return ids
    }
    let until = now.addingTimeInterval(lease)
    return try await db.transaction { c in
      var free = Set<String>()
      let rows = try await c.query(
        """
        SELECT input_id FROM leases WHERE input_id = ANY(\(candidates))
          AND (reviewer = \(reviewer) OR expires_at <= \(now)) FOR UPDATE SKIP LOCKED
        """, logger: db.logger)
      for try await id in rows.decode(String.self) { free.insert(id) }
      let claimed = Array(candidates.filter(free.contains).prefix(limit))
      try await c.query(
        """
        UPDATE leases SET expires_at = \(now)
        WHERE reviewer = \(reviewer) AND expires_at > \(now) AND NOT (input_id = ANY(\(claimed)))
        """, logger: db.logger)
      try await c.query(
        """
        UPDATE leases SET reviewer = \(reviewer), expires_at = \(until) WHERE input_id = ANY(\(claimed))
        """, logger: db.logger)
      return claimed
    }
  }

  /// The inputs of the queue, in order, that no other reviewer holds at `now`.
  static func queue(
    _ query: ReviewQueueQuery, reviewer: String, now: Date, limit: Int, on c: PostgresConnection,
    logger: Logger
  ) async throws -> [String] {
    var binds = PostgresBindings()
    binds.append(AnnotationStatus.awaitingReview.rawValue)
    var conditions = ["a.status = $1", "a.decision_id IS NULL"]
    func any(_ column: String, _ values: [String]) {
      guard !values.isEmpty else { return }
      binds.append(values)
      conditions.append("\(column) = ANY($\(binds.count))")
    }
    if !query.concepts.isEmpty {
      binds.append(query.concepts)
      conditions.append("(a.concept_id = ANY($\(binds.count)) OR a.concept_name = ANY($\(binds.count)))")
    }
    any("a.run_id", query.runs)
    any("a.task_id", query.tasks)
    if let low = query.minConfidence {
      binds.append(low)
      conditions.append("a.confidence >= $\(binds.count)")
    }
    if let high = query.maxConfidence {
      binds.append(high)
      conditions.append("a.confidence <= $\(binds.count)")
    }
    binds.append(reviewer)
    binds.append(now)
    conditions.append(
      "NOT EXISTS (SELECT 1 FROM leases l WHERE l.input_id = a.input_id AND l.reviewer <> $\(binds.count - 1) AND l.expires_at > $\(binds.count))"
    )
    let order: String
    switch query.order {
    case .confidence: order = "min(a.confidence), a.input_id"
    case .input: order = "a.input_id"
    case .concept: order = "min(a.concept_name), min(a.confidence), a.input_id"
    }
    let sql = """
      SELECT a.input_id FROM annotations a WHERE \(conditions.joined(separator: " AND "))
      GROUP BY a.input_id ORDER BY \(order) LIMIT \(max(0, limit))
      """
    var out: [String] = []
    for try await id in try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
      .decode(String.self)
    {
      out.append(id)
    }
    return out
  }

  /// Review items decided and left, and decisions of the last ten minutes.
  static func progress(now: Date, in db: PostgresDatabase) async throws -> ReviewProgress {
    let review = AnnotationStatus.awaitingReview.rawValue
    let since = now.addingTimeInterval(-600)
    return try await db.run { c in
      let rows = try await c.query(
        """
        SELECT (SELECT count(*) FROM annotations WHERE status = \(review) AND decision_id IS NOT NULL),
          (SELECT count(*) FROM annotations WHERE status = \(review) AND decision_id IS NULL),
          (SELECT count(*) FROM decisions WHERE decided_at > \(since) AND action <> 'undo')
        """, logger: db.logger)
      for try await (done, left, recent) in rows.decode((Int, Int, Int).self) {
        return ReviewProgress(done: done, left: left, decisionsInLastTenMinutes: recent)
      }
      return ReviewProgress(done: 0, left: 0, decisionsInLastTenMinutes: 0)
    }
  }
}
