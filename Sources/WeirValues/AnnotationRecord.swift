/// One annotation as written by an annotation-writer node.
public struct AnnotationRecord: Sendable, Hashable, Codable {
  public var workflowId: String
  public var nodeId: String
  public var inputId: String
  /// The region's id, or empty for an image-level concept annotation.
  public var regionId: String
  public var box: BoundingBox?
  public var conceptId: String
  public var conceptName: String
  public var confidence: Double
  /// Clarifai's status code: 24150 success, 24151 pending, 24157 awaiting review, 24158 review denied,
  /// 24159 consensus review.
  public var status: Int
  public var userId: String?
  public var taskId: String?

  public init(
    workflowId: String, nodeId: String, inputId: String, regionId: String, box: BoundingBox?,
    conceptId: String, conceptName: String, confidence: Double, status: Int, userId: String?, taskId: String?
  ) {
    self.workflowId = workflowId
    self.nodeId = nodeId
    self.inputId = inputId
    self.regionId = regionId
    self.box = box
    self.conceptId = conceptId
    self.conceptName = conceptName
    self.confidence = confidence
    self.status = status
    self.userId = userId
    self.taskId = taskId
  }
}

/// Clarifai's annotation statuses: the four an annotation-writer may write, and the one a reviewer's
/// rejection gives (`reviewDenied`, which no writer writes: the standard library's writer lists only
/// the first four).
public enum AnnotationStatus: Int, Sendable, CaseIterable, Codable {
  case success = 24150
  case pending = 24151
  case awaitingReview = 24157
  /// A reviewer rejected the annotation (`weir review`, `weir annotations import`).
  case reviewDenied = 24158
  case awaitingConsensusReview = 24159

  /// The statuses an annotation-writer may write: every one but `reviewDenied`.
  public static let writable: [AnnotationStatus] = allCases.filter { $0 != .reviewDenied }

  /// Clarifai's name, e.g. `ANNOTATION_SUCCESS`.
  public var name: String {
    switch self {
    case .success: return "ANNOTATION_SUCCESS"
    case .pending: return "ANNOTATION_PENDING"
    case .awaitingReview: return "ANNOTATION_AWAITING_REVIEW"
    case .reviewDenied: return "ANNOTATION_REVIEW_DENIED"
    case .awaitingConsensusReview: return "ANNOTATION_AWAITING_CONSENSUS_REVIEW"
    }
  }

  public init?(name: String) {
    guard let s = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = s
  }
}
