import Foundation
import WeirCore

/// A store that reviewers work on: decisions, the review queue with its leases, and what the
/// review page and `weir annotations import|stats` read. `SQLiteAnnotationStore` conforms, and so
/// does the PostgreSQL store (WeirPostgres); `weir review` and the importers only see this.
public protocol ReviewStore: AnnotationReader {
  /// Records one decision and returns the annotation as labelled now; throws a
  /// ``DecisionError`` (and writes nothing) when ``DecisionRules`` refuses it.
  @discardableResult
  func decide(_ decision: ReviewDecision) throws -> StoredAnnotation
  /// Records many decisions in one transaction, all or none, skipping those already in force;
  /// returns how many were written.
  func decideAll(_ decisions: [ReviewDecision]) throws -> Int
  /// Every decision made on `key`, oldest first.
  func decisions(for key: AnnotationKey) throws -> [StoredDecision]
  /// The annotation with `key`, as labelled now.
  func annotation(_ key: AnnotationKey) throws -> StoredAnnotation?
  /// Claims up to `limit` inputs of the queue for `reviewer` for `lease` seconds and returns them
  /// in queue order; the reviewer's other leases end. Two reviewers never get the same input.
  func claim(reviewer: String, limit: Int, lease: TimeInterval, query: ReviewQueueQuery, now: Date) throws
    -> [String]
  /// Ends `reviewer`'s leases now.
  func release(reviewer: String, now: Date) throws
  /// Who holds a lease on `inputId` that has not expired at `now`.
  func leaseHolder(inputId: String, now: Date) throws -> String?
  /// Every annotation on `inputId`, of every workflow, as labelled now.
  func labels(ofInput inputId: String) throws -> [StoredAnnotation]
  /// Review items decided and left, and the rate of the last ten minutes.
  func reviewProgress(now: Date) throws -> ReviewProgress
  /// The decided review items (predicted `ANNOTATION_AWAITING_REVIEW`, decision in force).
  func reviewOutcomes() throws -> [ReviewOutcome]
  /// What the store last recorded of one input: its path or URL and size.
  func image(inputId: String) throws -> StoredImage?
  /// The concept names in the store (as labelled now), sorted.
  func conceptNames() throws -> [String]
  /// The folder that relative paths in the store (workflow files, image paths) are read from:
  /// the SQLite file's folder, or the current folder for a database server.
  var baseFolder: String { get }
}

extension ReviewStore {
  /// ``claim(reviewer:limit:lease:query:now:)`` now, with the whole queue.
  public func claim(reviewer: String, limit: Int, lease: TimeInterval) throws -> [String] {
    try claim(reviewer: reviewer, limit: limit, lease: lease, query: ReviewQueueQuery(), now: Date())
  }

  /// ``claim(reviewer:limit:lease:query:now:)`` now.
  public func claim(reviewer: String, limit: Int, lease: TimeInterval, query: ReviewQueueQuery) throws
    -> [String]
  {
    try claim(reviewer: reviewer, limit: limit, lease: lease, query: query, now: Date())
  }

  /// ``reviewProgress(now:)`` now.
  public func reviewProgress() throws -> ReviewProgress { try reviewProgress(now: Date()) }

  /// ``leaseHolder(inputId:now:)`` now.
  public func leaseHolder(inputId: String) throws -> String? {
    try leaseHolder(inputId: inputId, now: Date())
  }

  /// ``release(reviewer:now:)`` now.
  public func release(reviewer: String) throws { try release(reviewer: reviewer, now: Date()) }
}

extension SQLiteAnnotationStore: ReviewStore {
  public var baseFolder: String { (path as NSString).deletingLastPathComponent }
}

extension StoredDecision {
  /// A decision read by another store; `number` is its ``id``.
  public init(
    number id: Int64, key: AnnotationKey, action: DecisionAction, status: Int?,
    concept: ReviewDecision.Concept?,
    box: BoundingBox?, undoes: Int64?, prediction: AnnotationRecord, predictionRunId: String,
    reviewer: String,
    decidedAt: Date, source: String
  ) {
    self.id = id
    self.key = key
    self.action = action
    self.status = status
    self.concept = concept
    self.box = box
    self.undoes = undoes
    self.prediction = prediction
    self.predictionRunId = predictionRunId
    self.reviewer = reviewer
    self.decidedAt = decidedAt
    self.source = source
  }
}

extension ReviewProgress {
  /// Progress counted by another store.
  public init(done: Int, left: Int, decisionsInLastTenMinutes recent: Int) {
    self.done = done
    self.left = left
    perMinute = Double(recent) / 10
  }
}

extension ReviewOutcome {
  /// The outcome of `decision`, the one in force on a review item.
  public init(_ decision: StoredDecision) {
    self.init(
      key: decision.key, conceptName: decision.prediction.conceptName,
      confidence: decision.prediction.confidence, action: decision.action,
      status: decision.status ?? decision.prediction.status)
  }
}
