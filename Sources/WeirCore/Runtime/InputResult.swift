/// What running the plan on one input gave.
public struct InputResult: Sendable {
  public var input: InputItem
  /// `nil` when the input went through; otherwise what failed and where. A failed input writes no
  /// annotations (all or nothing per input), so re-running it later cannot leave half of it.
  public var error: InputError?
  /// Annotations its writers produced, in plan order. The column evaluator keeps them as rows of
  /// its columns (`columnAnnotations`) and builds the records here, when asked.
  public var annotations: [AnnotationRecord] {
    get { columnAnnotations?.records(inputId: input.id) ?? recordAnnotations }
    set {
      recordAnnotations = newValue
      columnAnnotations = nil
    }
  }
  private var recordAnnotations: [AnnotationRecord]
  /// The annotations as rows of the column evaluator's columns; `nil` when they are records.
  public internal(set) var columnAnnotations: ColumnAnnotations?
  /// The number of annotations, without building them.
  public var annotationCount: Int { columnAnnotations?.count ?? recordAnnotations.count }
  /// Each step's output, indexed by step, when the run keeps outputs (`--output`, the REPL); `nil`
  /// where a step removed the data point, did not run, or the input failed before it.
  public var outputs: [DataRecord?]
  /// Regions the model steps produced for this input (what flowed into the operators).
  public var modelRegions: Int
  /// The image's size in pixels, when a model output gave it (the built-in detector reads it; COCO
  /// replay knows it).
  public var width: Int?
  public var height: Int?
  /// What its object-counters counted, in plan order (none when the input failed).
  public var counts: [NodeCount]

  public init(
    input: InputItem, error: InputError? = nil, annotations: [AnnotationRecord] = [],
    outputs: [DataRecord?] = [],
    modelRegions: Int = 0, width: Int? = nil, height: Int? = nil, counts: [NodeCount] = []
  ) {
    self.counts = counts
    self.input = input
    self.error = error
    self.recordAnnotations = annotations
    self.outputs = outputs
    self.modelRegions = modelRegions
    self.width = width
    self.height = height
  }

  /// The store's view of it.
  /// Rows of the column evaluator stay rows: the store reads them in place or builds the records.
  public func outcome(runId: String) -> InputOutcome {
    if let columnAnnotations {
      return InputOutcome(
        runId: runId, input: input, error: error, rows: columnAnnotations, width: width, height: height,
        counts: counts)
    }
    return InputOutcome(
      runId: runId, input: input, error: error, annotations: annotations, width: width, height: height,
      counts: counts)
  }
}
