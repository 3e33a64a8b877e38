/// An operator node's behaviour: a pure function from the data flowing in to the data flowing out.
///
/// Operators are values built once per plan from typed configs (see `OperatorRegistry`) and called
/// once per input. They never print, never touch the store and never share mutable state, so the
/// interpreter can call them from any task without locks.
public protocol Operator: Sendable {
  /// Applies the operator to one input's data.
  ///
  /// - Returns: the refined data, or `nil` when the operator removes the data point from this branch
  ///   (a concept-thresholder that filtered every concept, a random-sample that did not draw it);
  ///   nodes downstream then do not run for this input.
  /// - Parameter annotations: where annotation writers append what they write.
  func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord]) throws
    -> DataRecord?

  /// Whether the operator writes annotations (its step runs even when nothing reads its output).
  var writesAnnotations: Bool { get }

  /// Whether the run stores the operator's `metadata.object_count` per input (an object-counter):
  /// its step runs even when nothing reads its output, as a writer's does.
  var recordsCount: Bool { get }
}

extension Operator {
  public var writesAnnotations: Bool { false }
  public var recordsCount: Bool { false }
}

/// What an operator may know about the call besides its data.
public struct OperatorContext: Sendable {
  public var workflowId: String
  public var nodeId: String
  public var input: InputItem
  /// The workflow input's image, for operators that look back along the graph (image-crop).
  public var sourceImage: ImageRef?

  public init(workflowId: String, nodeId: String, input: InputItem, sourceImage: ImageRef? = nil) {
    self.workflowId = workflowId
    self.nodeId = nodeId
    self.input = input
    self.sourceImage = sourceImage
  }
}

/// An operator's failure on one input; the interpreter records it with the input and node.
public struct OperatorError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
