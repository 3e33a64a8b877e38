import Foundation
import WeirCore
import WeirStore

/// The JSON shapes of the review API (Documentation/Review.md, "The JSON API").
struct KeyView: Codable, Sendable {
  var workflow: String
  var input: String
  var node: String
  var region: String
  var concept: String

  init(_ key: AnnotationKey) {
    workflow = key.workflowId
    input = key.inputId
    node = key.nodeId
    region = key.regionId
    concept = key.conceptId
  }

  var key: AnnotationKey {
    AnnotationKey(workflowId: workflow, inputId: input, nodeId: node, regionId: region, conceptId: concept)
  }
}

struct BoxView: Codable, Sendable, Equatable {
  var top: Double
  var left: Double
  var bottom: Double
  var right: Double

  init(_ b: BoundingBox) {
    top = b.topRow
    left = b.leftCol
    bottom = b.bottomRow
    right = b.rightCol
  }

  var box: BoundingBox { BoundingBox(topRow: top, leftCol: left, bottomRow: bottom, rightCol: right) }
}

struct DecisionView: Codable, Sendable {
  var action: String
  var reviewer: String
  var decidedAt: Date
  var source: String
}

struct AnnotationView: Codable, Sendable {
  var key: KeyView
  var conceptId: String
  var conceptName: String
  var confidence: Double
  var status: Int
  var statusName: String
  var box: BoxView?
  /// Predicted `ANNOTATION_AWAITING_REVIEW`: an item of the queue (decided or not).
  var review: Bool
  var band: String?
  var decision: DecisionView?

  init(_ a: StoredAnnotation, bands: WorkflowBands) {
    key = KeyView(a.key)
    conceptId = a.record.conceptId
    conceptName = a.record.conceptName
    confidence = a.record.confidence
    status = a.record.status
    statusName = AnnotationStatus(rawValue: a.record.status)?.name ?? String(a.record.status)
    box = a.record.box.map(BoxView.init)
    review = (a.decision?.predictedStatus ?? a.record.status) == AnnotationStatus.awaitingReview.rawValue
    band = bands.label(for: a)
    decision = a.decision.map {
      DecisionView(
        action: $0.action.rawValue, reviewer: $0.reviewer, decidedAt: $0.decidedAt, source: $0.source)
    }
  }
}

struct InputView: Codable, Sendable {
  var id: String
  var fileName: String
  var width: Int?
  var height: Int?
  /// `/api/images/{id}` when the store has a local file for it.
  var image: String?
  var url: String?
  var annotations: [AnnotationView]
}

struct QueueView: Codable, Sendable {
  var reviewer: String
  var inputs: [InputView]
  var progress: ReviewProgress
  var concepts: [String]
  var leaseSeconds: Int
}

struct DecisionRequest: Codable, Sendable {
  var key: KeyView
  var action: String
  var concept: String?
  var box: BoxView?
}

struct DecidedView: Codable, Sendable {
  var annotation: AnnotationView
  var progress: ReviewProgress
}

struct ConflictView: Codable, Sendable {
  var error: String
  var current: AnnotationView?
}
