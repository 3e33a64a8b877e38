import Foundation

/// Which review items a reviewer is shown, and in what order: the annotations awaiting review
/// (`ANNOTATION_AWAITING_REVIEW`) with no decision in force, grouped by input.
public struct ReviewQueueQuery: Sendable, Hashable {
  /// How inputs are ordered.
  public enum Order: String, Sendable, Hashable, CaseIterable {
    /// The most doubtful first: by the lowest confidence among the input's review items.
    case confidence
    /// By input id.
    case input
    /// By the first concept name among the input's review items, then by the lowest confidence of
    /// that concept's items on the input.
    case concept
  }

  /// Concept ids or names; empty: all.
  public var concepts: [String]
  public var runs: [String]
  public var tasks: [String]
  /// Confidence range, both ends included.
  public var minConfidence: Double?
  public var maxConfidence: Double?
  public var order: Order

  public init(
    concepts: [String] = [], runs: [String] = [], tasks: [String] = [], minConfidence: Double? = nil,
    maxConfidence: Double? = nil, order: Order = .confidence
  ) {
    self.concepts = concepts
    self.runs = runs
    self.tasks = tasks
    self.minConfidence = minConfidence
    self.maxConfidence = maxConfidence
    self.order = order
  }
}

/// How far the review is: review items decided and left, over the whole store.
public struct ReviewProgress: Sendable, Hashable, Codable {
  /// Review items (predicted `ANNOTATION_AWAITING_REVIEW`) with a decision in force.
  public var done: Int
  /// Review items still awaiting a decision.
  public var left: Int
  /// Decisions made in the last ten minutes, per minute.
  public var perMinute: Double
}

/// One decided review item, for the accepted-versus-rejected statistics.
public struct ReviewOutcome: Sendable, Hashable {
  public var key: AnnotationKey
  public var conceptName: String
  /// The confidence the model gave.
  public var confidence: Double
  public var action: DecisionAction
  public var status: Int
}
