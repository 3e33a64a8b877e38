import WeirCore

/// How the predictions of one run compare with the ground truth.
///
/// Accepted predictions are matched to true objects first (greedy by confidence, per concept, at
/// the IoU threshold); the true objects left are then matched by predictions in review; the rest
/// are missed. So each true object is counted once: accepted, in review, or missed.
public struct TruthScore: Equatable, Sendable {
  /// Accepted predictions on inputs that have ground truth.
  public var accepted: Int = 0
  /// Those that matched a true object.
  public var acceptedCorrect: Int = 0
  /// True objects on the inputs of the session that the ground truth covers.
  public var objects: Int = 0
  public var objectsAccepted: Int = 0
  public var objectsInReview: Int = 0
  /// Inputs of the session the ground-truth file says nothing about (left out of these figures).
  public var inputsWithoutTruth: Int = 0

  public init() {}

  public var objectsMissed: Int { objects - objectsAccepted - objectsInReview }

  /// Correct accepted predictions over accepted predictions; `nil` when nothing is accepted.
  public var precision: Double? { accepted > 0 ? Double(acceptedCorrect) / Double(accepted) : nil }

  /// True objects accepted over true objects; `nil` when there are none.
  public var recall: Double? { share(objectsAccepted) }

  /// A count of true objects as a fraction of all of them.
  public func share(_ count: Int) -> Double? { objects > 0 ? Double(count) / Double(objects) : nil }
}
