import Foundation

/// Where annotation writers put what they write (Design.md §6). WeirStore implements it on SQLite.
///
/// Writes are idempotent on (workflow, node, input, region, concept): running the same workflow on the
/// same inputs again, or resuming a killed run, neither duplicates nor loses an annotation.
public protocol AnnotationStore: AnyObject, Sendable {
  /// Records the start of a run.
  func beginRun(_ run: RunInfo) throws
  /// Records one input's outcome and its annotations. Implementations may buffer; `flush` and
  /// `finishRun` make everything durable.
  func record(_ outcome: InputOutcome) throws
  /// Makes buffered writes durable.
  func flush() throws
  /// Records the end of a run.
  func finishRun(id: String, status: RunStatus, endedAt: Date, summary: String?) throws
  /// The ids of the inputs that run `runId` recorded without error, so that resuming a killed run
  /// (beginning it again with the same id) can skip them. Writes stay idempotent either way.
  func completedInputs(runId: String) throws -> Set<String>
}

extension AnnotationStore {
  /// A store that keeps no record of inputs resumes nothing: every input runs again.
  public func completedInputs(runId: String) throws -> Set<String> { [] }
}

/// A run as the store keeps it.
public struct RunInfo: Sendable, Hashable, Codable {
  public var id: String
  public var workflowId: String
  /// A hash of the workflow file's bytes, so a later reader knows which version wrote the rows.
  public var workflowHash: String
  public var workflowPath: String
  /// Var values in force (after `--set`), as text.
  public var vars: [String: String]
  public var startedAt: Date

  public init(
    id: String, workflowId: String, workflowHash: String, workflowPath: String, vars: [String: String],
    startedAt: Date
  ) {
    self.id = id
    self.workflowId = workflowId
    self.workflowHash = workflowHash
    self.workflowPath = workflowPath
    self.vars = vars
    self.startedAt = startedAt
  }
}

/// How a run ended.
public enum RunStatus: String, Sendable, Codable {
  case running, completed, failed, interrupted
}

/// What happened to one input in a run, with the annotations written for it.
public struct InputOutcome: Sendable, Hashable {
  public var runId: String
  public var input: InputItem
  /// `nil` when the input went through; otherwise the error and the node where it happened.
  public var error: InputError?
  /// The annotations as records. When the outcome holds them as rows (`rows`), they are built
  /// here, on each call; a store that reads `rows` itself never builds them.
  public var annotations: [AnnotationRecord] {
    get { rows?.records(inputId: input.id) ?? recordAnnotations }
    set {
      recordAnnotations = newValue
      rows = nil
    }
  }
  private var recordAnnotations: [AnnotationRecord]
  /// The annotations as rows of the column evaluator's columns; `nil` when they are records.
  public private(set) var rows: (any AnnotationRows)?
  /// The number of annotations, without building them.
  public var annotationCount: Int { rows?.count ?? recordAnnotations.count }
  /// The image's size in pixels when known (read from the file, or given by replayed COCO `images`);
  /// COCO export needs it to turn normalized boxes into pixels.
  public var width: Int?
  public var height: Int?
  /// What the workflow's object-counters counted on this input, in plan order.
  public var counts: [NodeCount]

  public init(
    runId: String, input: InputItem, error: InputError?, annotations: [AnnotationRecord], width: Int? = nil,
    height: Int? = nil, counts: [NodeCount] = []
  ) {
    self.runId = runId
    self.input = input
    self.error = error
    self.recordAnnotations = annotations
    self.width = width
    self.height = height
    self.counts = counts
  }

  /// An outcome whose annotations are rows (the column evaluator's), built into records only
  /// when a store asks for `annotations`.
  public init(
    runId: String, input: InputItem, error: InputError?, rows: any AnnotationRows, width: Int? = nil,
    height: Int? = nil, counts: [NodeCount] = []
  ) {
    self.init(
      runId: runId, input: input, error: error, annotations: [], width: width, height: height, counts: counts)
    self.rows = rows
  }

  // Outcomes are equal when they say the same, however their annotations are held.
  public static func == (a: InputOutcome, b: InputOutcome) -> Bool {
    a.runId == b.runId && a.input == b.input && a.error == b.error && a.width == b.width
      && a.height == b.height && a.counts == b.counts && a.annotations == b.annotations
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(runId)
    hasher.combine(input)
    hasher.combine(error)
    hasher.combine(annotations)
    hasher.combine(width)
    hasher.combine(height)
    hasher.combine(counts)
  }
}

/// One object-counter's count on one input.
public struct NodeCount: Sendable, Hashable {
  public var nodeId: String
  public var count: Int

  public init(nodeId: String, count: Int) {
    self.nodeId = nodeId
    self.count = count
  }
}

/// An input's failure: the message and the node it failed at.
public struct InputError: Sendable, Hashable, Codable {
  public var node: String?
  public var message: String

  public init(node: String?, message: String) {
    self.node = node
    self.message = message
  }
}
