import Foundation
import WeirCore

/// What a reviewer did to an annotation.
public enum DecisionAction: String, Sendable, Hashable, Codable, CaseIterable {
  /// The prediction is right: `ANNOTATION_SUCCESS`.
  case accept
  /// The prediction is wrong: `ANNOTATION_REVIEW_DENIED` (24158, Clarifai's status for it).
  case reject
  /// Right box, other concept: `ANNOTATION_SUCCESS` with the new concept.
  case relabel
  /// Right concept, other box: `ANNOTATION_SUCCESS` with the new box (and a new concept if given).
  case correct
  /// Takes back the decision in force; the annotation is as predicted again.
  case undo

  /// The status the action gives the annotation; nil for `undo`.
  public var status: AnnotationStatus? {
    switch self {
    case .accept, .relabel, .correct: return .success
    case .reject: return .reviewDenied
    case .undo: return nil
    }
  }
}

/// A decision to record: which annotation, what was decided, by whom, when and from where.
public struct ReviewDecision: Sendable, Hashable {
  public var key: AnnotationKey
  public var action: DecisionAction
  /// The new concept (relabel; optional for correct).
  public var concept: Concept?
  /// The new box (correct; optional for relabel).
  public var box: BoundingBox?
  public var reviewer: String
  public var time: Date
  /// `review`, or `import:<format>:<file>`.
  public var source: String

  /// A concept as a decision names it.
  public struct Concept: Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  public init(
    key: AnnotationKey, action: DecisionAction, concept: Concept? = nil, box: BoundingBox? = nil,
    reviewer: String, time: Date, source: String = "review"
  ) {
    self.key = key
    self.action = action
    self.concept = concept
    self.box = box
    self.reviewer = reviewer
    self.time = time
    self.source = source
  }
}

/// A decision as the store keeps it (one row of the append-only `decisions` table).
public struct StoredDecision: Sendable, Hashable {
  /// The decision's number: decisions are numbered in the order they were made.
  public var id: Int64
  public var key: AnnotationKey
  public var action: DecisionAction
  /// The status it gave; nil for an undo.
  public var status: Int?
  public var concept: ReviewDecision.Concept?
  public var box: BoundingBox?
  /// For an undo, the decision it took back.
  public var undoes: Int64?
  /// The annotation as the workflow predicted it when the decision was made.
  public var prediction: AnnotationRecord
  public var predictionRunId: String
  public var reviewer: String
  public var decidedAt: Date
  public var source: String
}

/// The decision in force on an annotation, as the store's queries show it beside the label.
public struct AppliedDecision: Sendable, Hashable {
  public var id: Int64
  public var action: DecisionAction
  public var reviewer: String
  public var decidedAt: Date
  public var source: String
  /// The concept the model predicted (the key's concept); the record shows the decided one.
  public var predictedConceptId: String
  /// The status the workflow wrote (`ANNOTATION_AWAITING_REVIEW` for a review item).
  public var predictedStatus: Int

  public init(
    id: Int64, action: DecisionAction, reviewer: String, decidedAt: Date, source: String,
    predictedConceptId: String,
    predictedStatus: Int
  ) {
    self.predictedStatus = predictedStatus
    self.id = id
    self.action = action
    self.reviewer = reviewer
    self.decidedAt = decidedAt
    self.source = source
    self.predictedConceptId = predictedConceptId
  }
}
