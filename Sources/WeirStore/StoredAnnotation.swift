import Foundation
import WeirCore

/// An annotation as the store holds it: its current label, plus which run last wrote it.
///
/// When a reviewer has decided it, `record` is the label as decided (the decided status, the
/// relabelled concept, the corrected box) and `decision` says who decided what; the prediction it
/// was made on stays in the decisions table (`SQLiteAnnotationStore.decisions(for:)`).
public struct StoredAnnotation: Sendable, Hashable {
  public var record: AnnotationRecord
  /// The run that last wrote this key (a re-run takes over the rows it writes again).
  public var runId: String
  public var writtenAt: Date
  /// The decision in force, if any.
  public var decision: AppliedDecision?

  public init(record: AnnotationRecord, runId: String, writtenAt: Date, decision: AppliedDecision? = nil) {
    self.record = record
    self.runId = runId
    self.writtenAt = writtenAt
    self.decision = decision
  }

  /// The annotation's identity: its concept is the predicted one, also after a relabel.
  public var key: AnnotationKey {
    AnnotationKey(
      workflowId: record.workflowId, inputId: record.inputId, nodeId: record.nodeId,
      regionId: record.regionId,
      conceptId: decision?.predictedConceptId ?? record.conceptId)
  }
}

/// An input as the store last saw it: where it is and its size, when known.
public struct StoredImage: Sendable, Hashable {
  public var inputId: String
  public var path: String?
  public var url: String?
  public var width: Int?
  public var height: Int?

  public init(inputId: String, path: String? = nil, url: String? = nil, width: Int? = nil, height: Int? = nil)
  {
    self.inputId = inputId
    self.path = path
    self.url = url
    self.width = width
    self.height = height
  }

  /// The image's file name for exports: the path's (or URL's) last component, else the input id.
  public var fileName: String {
    if let path, !path.isEmpty { return (path as NSString).lastPathComponent }
    if let url, let last = URL(string: url)?.lastPathComponent, !last.isEmpty, last != "/" { return last }
    return inputId
  }
}

/// A run as the store holds it.
public struct StoredRun: Sendable, Hashable {
  public var info: RunInfo
  public var endedAt: Date?
  public var status: RunStatus
  public var summary: String?

  public init(info: RunInfo, endedAt: Date?, status: RunStatus, summary: String?) {
    self.info = info
    self.endedAt = endedAt
    self.status = status
    self.summary = summary
  }
}
