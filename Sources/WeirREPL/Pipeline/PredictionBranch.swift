import WeirCore

/// Where a prediction ends up in a run: written as accepted, written for review, or dropped.
///
/// A prediction that reaches a writer with `ANNOTATION_SUCCESS` is accepted (even if another writer
/// also writes it for review: `lint.overlapping-writers` reports that case); one that reaches only
/// writers with a pending or review status is in review; one that reaches no writer is dropped.
public enum PredictionBranch: UInt8, Sendable, Hashable, Comparable, CaseIterable {
  case dropped = 0
  case review = 1
  case accepted = 2

  public var name: String {
    switch self {
    case .dropped: return "dropped"
    case .review: return "review"
    case .accepted: return "accepted"
    }
  }

  /// The branch a writer of this status puts its annotations in.
  public init(status: AnnotationStatus) {
    switch status {
    case .success: self = .accepted
    case .pending, .awaitingReview, .awaitingConsensusReview: self = .review
    // No writer writes it (only a reviewer's rejection does); it keeps nothing.
    case .reviewDenied: self = .dropped
    }
  }

  public static func < (a: PredictionBranch, b: PredictionBranch) -> Bool { a.rawValue < b.rawValue }
}
