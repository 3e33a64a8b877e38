import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// `weir review`, `weir annotations import` and `stats` on PostgreSQL: the ``ReviewStore`` the
/// review page and the importers use, with the SQLite store's rules (``DecisionRules``).
extension PostgresAnnotationStore: ReviewStore {
  /// Relative paths (workflow files, images) are read from the folder weir was started in, as the
  /// workers read them.
  public var baseFolder: String { FileManager.default.currentDirectoryPath }

  @discardableResult
  public func decide(_ decision: ReviewDecision) throws -> StoredAnnotation {
    try flush()
    let db = database
    return try blocking {
      try await db.retrying { db in
        try await db.transaction { c in
          _ = try await DecisionQueries.apply(decision, skipSame: false, on: c, logger: db.logger)
          guard let now = try await DecisionQueries.label(decision.key, on: c, logger: db.logger) else {
            throw DecisionError.noSuchAnnotation(decision.key)
          }
          return now
        }
      }
    }
  }

  public func decideAll(_ decisions: [ReviewDecision]) throws -> Int {
    try flush()
    let db = database
    return try blocking {
      try await db.retrying { db in
        try await db.transaction { c in
          var written = 0
          for d in decisions
          where try await DecisionQueries.apply(d, skipSame: true, on: c, logger: db.logger) {
            written += 1
          }
          return written
        }
      }
    }
  }

  public func decisions(for key: AnnotationKey) throws -> [StoredDecision] {
    try reading { c, logger in try await DecisionQueries.decisions(key, on: c, logger: logger) }
  }

  /// Every decision in the store, oldest first.
  public func allDecisions() throws -> [StoredDecision] {
    try reading { c, logger in try await DecisionQueries.decisions(nil, on: c, logger: logger) }
  }

  public func annotation(_ key: AnnotationKey) throws -> StoredAnnotation? {
    try reading { c, logger in try await DecisionQueries.label(key, on: c, logger: logger) }
  }

  public func claim(reviewer: String, limit: Int, lease: TimeInterval, query: ReviewQueueQuery, now: Date)
    throws -> [String]
  {
    let db = database
    return try blocking {
      try await db.retrying { db in
        try await ReviewQueueQueries.claim(
          reviewer: reviewer, limit: limit, lease: lease, query: query, now: now, in: db)
      }
    }
  }

  public func release(reviewer: String, now: Date) throws {
    try reading { c, logger in
      try await c.query(
        "UPDATE leases SET expires_at = \(now) WHERE reviewer = \(reviewer) AND expires_at > \(now)",
        logger: logger)
      return ()
    }
  }

  public func leaseHolder(inputId: String, now: Date) throws -> String? {
    try reading { c, logger in
      let rows = try await c.query(
        "SELECT reviewer FROM leases WHERE input_id = \(inputId) AND expires_at > \(now)", logger: logger)
      for try await reviewer in rows.decode(String.self) { return reviewer }
      return nil
    }
  }

  public func labels(ofInput inputId: String) throws -> [StoredAnnotation] {
    try reading { c, logger in
      let rows = try await c.query(
        PostgresQuery(
          unsafeSQL: """
            SELECT \(LabelRows.json) FROM labels WHERE input_id = $1
            ORDER BY region_id, concept_id, workflow_id, node_id
            """, binds: Self.binds(inputId)), logger: logger)
      return try await LabelRows.annotations(rows)
    }
  }

  public func reviewProgress(now: Date) throws -> ReviewProgress {
    let db = database
    return try blocking {
      try await db.retrying { db in try await ReviewQueueQueries.progress(now: now, in: db) }
    }
  }

  public func reviewOutcomes() throws -> [ReviewOutcome] {
    let review = AnnotationStatus.awaitingReview.rawValue
    return try reading { c, logger in
      let rows = try await c.query(
        """
        SELECT d.* FROM annotations a JOIN decisions d ON d.id = a.decision_id
        WHERE a.status = \(review) ORDER BY d.id
        """, logger: logger)
      var out: [ReviewOutcome] = []
      for try await row in rows { out.append(ReviewOutcome(try LabelRows.decision(row))) }
      return out
    }
  }

  public func image(inputId: String) throws -> StoredImage? {
    try reading { c, logger in
      let rows = try await c.query(
        """
        SELECT input_id, path, url, width, height FROM inputs WHERE input_id = \(inputId)
        ORDER BY recorded_at DESC, run_id DESC LIMIT 1
        """, logger: logger)
      for try await (id, path, url, width, height) in rows.decode((String, String?, String?, Int?, Int?).self)
      {
        return StoredImage(inputId: id, path: path, url: url, width: width, height: height)
      }
      return nil
    }
  }

  public func conceptNames() throws -> [String] {
    try reading { c, logger in
      var out: [String] = []
      let rows = try await c.query(
        "SELECT DISTINCT concept_name FROM labels ORDER BY concept_name", logger: logger)
      for try await name in rows.decode(String.self) { out.append(name) }
      return out
    }
  }

  /// One statement or a few on the connection, retried through a lost connection.
  func reading<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws
    -> T
  {
    let db = database
    return try blocking {
      try await db.retrying { db in try await db.run { c in try await body(c, db.logger) } }
    }
  }

  static func binds(_ values: String...) -> PostgresBindings {
    var binds = PostgresBindings()
    for v in values { binds.append(v) }
    return binds
  }
}
