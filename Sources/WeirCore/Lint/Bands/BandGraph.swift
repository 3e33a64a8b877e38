/// The workflow as the band analysis and the lint rules see it: nodes with what each one does to
/// confidences, values resolved (vars substituted, enum names and numbers normalized) and every value
/// keeping the range a diagnostic should point at.
///
/// Built from a checked workflow (`BandGraph(checked:)`); tests build it directly.
public struct BandGraph: Sendable {
  /// Nodes in source order.
  public var nodes: [BandNode] { didSet { index = NodeIndex(nodes) } }
  /// What the workflow input carries: `.none` for an image; unknown concepts when the workflow is used
  /// as a node type over regions.
  public var inputBands: ConceptBands
  /// Nodes by id and readers by id, so that rules walking the graph cost a lookup per step rather
  /// than a scan of every node.
  private var index: NodeIndex

  public init(nodes: [BandNode], inputBands: ConceptBands = .none) {
    self.nodes = nodes
    self.inputBands = inputBands
    self.index = NodeIndex(nodes)
  }

  /// The first node with this id.
  public func node(_ id: String) -> BandNode? { index.first[id].map { nodes[$0] } }

  /// Whether any node writes annotations (then the workflow's results are its annotations, not its outputs).
  public var writesAnnotations: Bool { nodes.contains { $0.writer != nil } }

  /// Ids of the nodes that read `id`, in source order.
  public func consumers(of id: String) -> [BandNode] {
    (index.readers[id] ?? []).map { nodes[$0] }
  }

  /// The position of the first node with this id.
  public func position(of id: String) -> Int? { index.first[id] }
}

/// Positions in `BandGraph.nodes`, by node id.
private struct NodeIndex: Sendable {
  /// The first node with each id.
  var first: [String: Int] = [:]
  /// The nodes reading each id, in source order, each once.
  var readers: [String: [Int]] = [:]

  init(_ nodes: [BandNode]) {
    for (i, node) in nodes.enumerated() {
      if first[node.id.value] == nil { first[node.id.value] = i }
      var seen = Set<String>()
      for input in node.inputs where seen.insert(input.value).inserted {
        readers[input.value, default: []].append(i)
      }
    }
  }
}

/// One node of a `BandGraph`.
public struct BandNode: Sendable {
  public var id: Located<String>
  /// The resolved node type (`visual-detector`, `region-thresholder`), for messages.
  public var type: String
  /// The nodes it reads, with where it names them; empty means the workflow input.
  public var inputs: [Located<String>]
  public var role: Role
  /// Whether a run stores what the node counts (an object-counter), so it runs unread.
  public var recordsCount = false

  public init(id: Located<String>, type: String, inputs: [Located<String>] = [], role: Role) {
    self.id = id
    self.type = type
    self.inputs = inputs
    self.role = role
  }

  /// What a node does to the confidences flowing through it.
  public enum Role: Sendable {
    /// Calls a model, which gives new predictions.
    case model(BandModel)
    /// Keeps, per concept, the confidences its comparator accepts, and removes unnamed concepts.
    case thresholder(ThresholdSpec)
    /// Writes what reaches it as annotations, and passes it on.
    case writer(WriterSpec)
    /// Keeps a random fraction of what reaches it.
    case sampler(SamplerSpec)
    /// Passes confidences on unchanged (crops, mappers, trackers, workflows used as nodes).
    case passThrough
  }

  public var model: BandModel? {
    if case .model(let m) = role { return m }
    return nil
  }

  public var thresholder: ThresholdSpec? {
    if case .thresholder(let t) = role { return t }
    return nil
  }

  public var writer: WriterSpec? {
    if case .writer(let w) = role { return w }
    return nil
  }

  public var sampler: SamplerSpec? {
    if case .sampler(let s) = role { return s }
    return nil
  }
}

/// A model node's predictions.
public struct BandModel: Sendable {
  /// The model's name (its declaration, or the Clarifai `model_id`).
  public var name: String
  /// Concepts it predicts, when known from its declaration or the catalog; `nil` when unknown.
  public var concepts: [String]?
  /// Whether it gives concepts at all (a detector or classifier does; an embedder does not).
  public var predictsConcepts: Bool
  /// Whether its concepts sit on regions (a detector) rather than on the whole input (a classifier).
  public var predictsRegions: Bool
  /// Where its concepts are declared (the model's `concepts:`), when they are declared in this file.
  public var conceptsRange: SourceRange?
  /// Names people read for concept ids, when they differ (the catalog's `ai_b1b1b1b1` is
  /// `BINARY_POSITIVE`); thresholds match ids.
  public var conceptNames: [String: String]

  public init(
    name: String, concepts: [String]?, predictsConcepts: Bool = true, predictsRegions: Bool = true,
    conceptsRange: SourceRange? = nil, conceptNames: [String: String] = [:]
  ) {
    self.name = name
    self.concepts = concepts
    self.predictsConcepts = predictsConcepts
    self.predictsRegions = predictsRegions
    self.conceptsRange = conceptsRange
    self.conceptNames = conceptNames
  }
}

/// A thresholder's settings (`concept_threshold_type` and the per-concept `concepts` map).
public struct ThresholdSpec: Sendable {
  /// `nil` when the comparator is missing or not understood (the checker reports that).
  public var comparator: Located<ValueComparator>?
  public var thresholds: [ConceptThreshold]
  /// A threshold for concepts the map does not name, when the node type has one.
  public var fallback: Located<Double>?

  public init(
    comparator: Located<ValueComparator>?, thresholds: [ConceptThreshold],
    fallback: Located<Double>? = nil
  ) {
    self.comparator = comparator
    self.thresholds = thresholds
    self.fallback = fallback
  }

  /// The threshold values by concept (the last one wins when a concept repeats).
  public var values: [String: Double] {
    Dictionary(thresholds.map { ($0.concept.value, $0.value.value) }, uniquingKeysWith: { _, b in b })
  }
}

/// `cat: 0.95` in a thresholder's concept map; the value's range is that of the `$var` when it uses one.
public struct ConceptThreshold: Sendable {
  public var concept: Located<String>
  public var value: Located<Double>

  public init(concept: Located<String>, value: Located<Double>) {
    self.concept = concept
    self.value = value
  }
}

/// An annotation writer's settings.
public struct WriterSpec: Sendable {
  /// `nil` when missing or not understood.
  public var status: Located<AnnotationStatus>?
  public var userId: Located<String>?
  public var taskId: Located<String>?

  public init(
    status: Located<AnnotationStatus>?, userId: Located<String>? = nil, taskId: Located<String>? = nil
  ) {
    self.status = status
    self.userId = userId
    self.taskId = taskId
  }
}

/// A random sampler's settings.
public struct SamplerSpec: Sendable {
  public var keepFraction: Located<Double>?

  public init(keepFraction: Located<Double>?) {
    self.keepFraction = keepFraction
  }
}
