/// What a run did, counted as the results come in: per writer, per concept, and the inputs that
/// failed. `weir run` prints it as the closing table; a dry run gives the same counts.
public struct RunSummary: Sendable, Hashable {
  /// Counts for one annotation-writer node.
  public struct Writer: Sendable, Hashable {
    public var nodeId: String
    public var status: AnnotationStatus?
    /// Annotations written, by status code.
    public var byStatus: [Int: Int]
    public var total: Int { byStatus.values.reduce(0, +) }
  }

  /// Counts for one concept, across writers.
  public struct ConceptCount: Sendable, Hashable {
    public var concept: String
    public var byStatus: [Int: Int]
    public var total: Int { byStatus.values.reduce(0, +) }
  }

  /// A failed input.
  public struct Failure: Sendable, Hashable {
    public var input: InputItem
    public var error: InputError
  }

  public var inputs = 0
  public var failures: [Failure] = []
  public var annotations = 0
  /// Regions the model steps produced.
  public var modelRegions = 0
  /// Writers in plan order.
  public var writers: [Writer]
  private var writerIndex: [String: Int]
  private var conceptCounts: [String: [Int: Int]] = [:]

  public init(plan: ExecutionPlan) {
    writers = plan.writers.map { step in
      var status: AnnotationStatus?
      if case .operator(let op) = step.action, let w = op as? AnnotationWriter { status = w.status }
      return Writer(nodeId: step.nodeId, status: status, byStatus: [:])
    }
    writerIndex = Dictionary(writers.enumerated().map { ($1.nodeId, $0) }, uniquingKeysWith: { a, _ in a })
  }

  public var succeeded: Int { inputs - failures.count }

  /// Concepts with their counts, most annotated first, then by name.
  public var concepts: [ConceptCount] {
    conceptCounts.map { ConceptCount(concept: $0.key, byStatus: $0.value) }
      .sorted { ($0.total, $1.concept) > ($1.total, $0.concept) }
  }

  /// Counts one input's result.
  public mutating func add(_ r: InputResult) {
    inputs += 1
    modelRegions += r.modelRegions
    if let e = r.error { failures.append(Failure(input: r.input, error: e)) }
    annotations += r.annotations.count
    for a in r.annotations {
      if let w = writerIndex[a.nodeId] { writers[w].byStatus[a.status, default: 0] += 1 }
      conceptCounts[a.conceptName, default: [:]][a.status, default: 0] += 1
    }
  }
}
