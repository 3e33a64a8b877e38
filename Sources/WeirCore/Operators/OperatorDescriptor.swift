/// What an operator does to the data flowing through it, as data: the one description that the
/// runtime builds its operator from (and the column evaluator its loop), and the band analysis its
/// band roles.
///
/// An operator's registration (`OperatorRegistry.standard`) reads the descriptor from a node's
/// parameters through an `OperatorParamReader`, so the same code serves a plan's plain parameters
/// and a checked node's parameters with their source ranges. Nothing else in weir asks what a
/// node type is called to decide what it does.
public enum OperatorDescriptor: Sendable {
  /// Keeps, per concept, the confidences its comparator accepts against that concept's threshold.
  case threshold(ThresholdDescriptor)
  /// Writes what reaches it as annotations, and passes it on.
  case write(WriteDescriptor)
  /// Keeps a fraction of the inputs, the same ones on every run.
  case sample(SampleDescriptor)
  /// Counts regions into `metadata.object_count`; the regions themselves pass on.
  case count(CountDescriptor)
  /// Passes its input on unchanged.
  case passThrough
  /// Does something the other cases do not describe (crops, renames): the runtime runs it, the band
  /// analysis treats confidences as passing through, the REPL runs the workflow in its interpreter.
  case opaque

  /// The threshold settings, for a thresholder.
  public var threshold: ThresholdDescriptor? {
    if case .threshold(let t) = self { return t }
    return nil
  }

  /// The write settings, for an annotation writer.
  public var write: WriteDescriptor? {
    if case .write(let w) = self { return w }
    return nil
  }
}

/// A parameter value with where it is written, when the reader knows (a checked node's reader
/// does; a plan's plain parameters do not).
public struct Sourced<Value: Sendable>: Sendable {
  public var value: Value
  public var range: SourceRange?

  public init(_ value: Value, _ range: SourceRange? = nil) {
    self.value = value
    self.range = range
  }

  /// The same place, another value.
  public func map<T>(_ transform: (Value) -> T) -> Sourced<T> { Sourced<T>(transform(value), range) }
}

/// A thresholder: which predictions it filters, how it compares, and its thresholds.
public struct ThresholdDescriptor: Sendable {
  /// Which concepts the thresholder looks at.
  public enum Scope: Sendable, Hashable {
    /// The concepts inside each region; a region left with none is dropped.
    case regions
    /// The input-level concepts; an input left with none leaves the branch.
    case concepts
  }

  public var scope: Scope
  /// `nil` when missing or not understood (the checker reports that; the runtime then compares
  /// with `GREATER_THAN`, the default Clarifai's examples use).
  public var comparator: Sourced<ValueComparator>?
  /// Per-concept thresholds in the order written (a mapping read from plain parameters: by key).
  public var thresholds: [(concept: Sourced<String>, value: Sourced<Double>)]
  /// The threshold of concepts `thresholds` does not name; without it they are removed.
  public var defaultThreshold: Sourced<Double>?

  public init(
    scope: Scope, comparator: Sourced<ValueComparator>?,
    thresholds: [(concept: Sourced<String>, value: Sourced<Double>)], defaultThreshold: Sourced<Double>? = nil
  ) {
    self.scope = scope
    self.comparator = comparator
    self.thresholds = thresholds
    self.defaultThreshold = defaultThreshold
  }

  /// The comparator and thresholds as the runtime applies them.
  public var conceptThresholds: ConceptThresholds {
    ConceptThresholds(
      comparator: comparator?.value ?? .greaterThan,
      thresholds: thresholds.map { ($0.concept.value, $0.value.value) },
      defaultThreshold: defaultThreshold?.value)
  }
}

/// An annotation writer: the status it writes with, and on whose behalf.
public struct WriteDescriptor: Sendable {
  /// `nil` when missing or not understood (the runtime then writes `ANNOTATION_SUCCESS`).
  public var status: Sourced<AnnotationStatus>?
  public var userId: Sourced<String>?
  public var taskId: Sourced<String>?

  public init(
    status: Sourced<AnnotationStatus>?, userId: Sourced<String>? = nil, taskId: Sourced<String>? = nil
  ) {
    self.status = status
    self.userId = userId
    self.taskId = taskId
  }
}

/// A random sample: the fraction of inputs kept, and the seed of the draw.
public struct SampleDescriptor: Sendable {
  /// `nil` when missing or not understood.
  public var keepFraction: Sourced<Double>?
  public var seed: Sourced<UInt64>?

  public init(keepFraction: Sourced<Double>?, seed: Sourced<UInt64>? = nil) {
    self.keepFraction = keepFraction
    self.seed = seed
  }
}

/// A counter: which regions it counts (`nil`: every region).
public struct CountDescriptor: Sendable {
  public var concepts: [String]?

  public init(concepts: [String]? = nil) {
    self.concepts = concepts
  }
}
