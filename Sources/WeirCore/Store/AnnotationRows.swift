/// An input's annotations held as rows of the columns they were written from, not as records.
///
/// The column evaluator writes annotations this way (`ColumnAnnotations`). A store that can read the
/// rows in place (the SQLite store) writes them field by field, with no `AnnotationRecord` per row;
/// any other store asks `InputOutcome.annotations`, which builds the records from the rows.
public protocol AnnotationRows: Sendable {
  /// The workflow every row belongs to.
  var workflowId: String { get }
  /// The number of annotations.
  var count: Int { get }
  /// The annotations as records, in the order they were written.
  func records(inputId: String) -> [AnnotationRecord]
  /// Calls `body` with each annotation, in the order they were written. The row's writer and concept
  /// numbers let a store skip what did not change since the previous row.
  func forEachRow(_ body: (AnnotationRow) throws -> Void) rethrows
}

/// One annotation of `AnnotationRows`: the fields of an `AnnotationRecord` that vary within one
/// input's outcome (the workflow and the input are the outcome's).
public struct AnnotationRow: Sendable {
  /// Which writer of the outcome wrote it: equal numbers have equal `nodeId`, `status`, `userId` and
  /// `taskId`.
  public var writer: Int
  public var nodeId: String
  public var status: Int
  public var userId: String?
  public var taskId: String?
  /// Which concept it is: equal numbers (within one outcome) have equal `conceptId` and `conceptName`.
  public var concept: Int
  public var conceptId: String
  public var conceptName: String
  /// The region's id, or empty for an image-level concept annotation.
  public var regionId: String
  public var box: BoundingBox?
  public var confidence: Double

  public init(
    writer: Int, nodeId: String, status: Int, userId: String?, taskId: String?, concept: Int,
    conceptId: String, conceptName: String, regionId: String, box: BoundingBox?, confidence: Double
  ) {
    self.writer = writer
    self.nodeId = nodeId
    self.status = status
    self.userId = userId
    self.taskId = taskId
    self.concept = concept
    self.conceptId = conceptId
    self.conceptName = conceptName
    self.regionId = regionId
    self.box = box
    self.confidence = confidence
  }
}
