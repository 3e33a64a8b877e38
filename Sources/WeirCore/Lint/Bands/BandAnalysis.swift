/// Which confidences, per concept, can reach and leave every node of a workflow (Design.md §3,
/// "Refinement by thresholds"), and what each annotation writer therefore writes.
///
/// Propagation, node by node in dependency order:
/// - a model gives `[0, 1]` for each concept it predicts (unknown concepts are tracked as "others");
/// - a thresholder keeps, for each concept it names, the confidences its comparator accepts, and
///   removes every concept it names no threshold for: the runtime does the same;
/// - a sampler with `keep_fraction` 0 lets nothing through; any other node passes what it gets on;
/// - a node reading several nodes gets the union of what they give.
public struct BandAnalysis: Sendable {
  public let graph: BandGraph
  /// What can reach each node, by node id.
  public let incoming: [String: ConceptBands]
  /// What can leave each node, by node id.
  public let outgoing: [String: ConceptBands]
  /// The model nodes whose predictions can reach each node, by node id.
  public let sources: [String: Set<String>]
  /// Whether each node gets regions or concepts at all, whatever the thresholds (by node id).
  public let carriesPredictions: [String: Bool]
  /// Every annotation writer with the bands it writes, in source order.
  public private(set) var writers: [WriterBand] = []
  /// Per concept some writer writes, what happens to its confidences (see `ConceptCoverage`).
  public private(set) var coverage: [ConceptCoverage] = []

  public init(graph: BandGraph) {
    self.graph = graph
    var incoming: [String: ConceptBands] = [:]
    var outgoing: [String: ConceptBands] = [:]
    var sources: [String: Set<String>] = [:]
    var carries: [String: Bool] = [:]
    for node in graph.dependencyOrder {
      let id = node.id.value
      let inputs = node.inputs.map(\.value).filter { outgoing[$0] != nil }
      let reachesInput = node.inputs.isEmpty
      let bandsIn = inputs.reduce(reachesInput ? graph.inputBands : .none) { $0.union(outgoing[$1]!) }
      let sourcesIn = inputs.reduce(into: Set<String>()) { $0.formUnion(sources[$1]!) }
      let carriesIn = reachesInput ? !graph.inputBands.isEmpty : inputs.contains { carries[$0]! }
      incoming[id] = bandsIn
      outgoing[id] = Self.transfer(node, bandsIn)
      if let model = node.model {
        sources[id] = model.predictsConcepts ? [id] : []
        carries[id] = model.predictsConcepts
      } else {
        sources[id] = sourcesIn
        carries[id] = carriesIn
      }
    }
    self.incoming = incoming
    self.outgoing = outgoing
    self.sources = sources
    self.carriesPredictions = carries
    self.writers = graph.nodes.compactMap { node in
      node.writer.map {
        WriterBand(
          node: node, status: $0.status?.value, bands: incoming[node.id.value] ?? .none,
          sources: sources[node.id.value] ?? [])
      }
    }
    self.coverage = computeCoverage()
  }

  /// What leaves `node` when `bands` reach it.
  static func transfer(_ node: BandNode, _ bands: ConceptBands) -> ConceptBands {
    switch node.role {
    case .model(let m):
      return m.predictsConcepts ? .predicted(m.concepts) : .none
    case .thresholder(let t):
      // Without a comparator the checker has reported an error; assume nothing about the node.
      guard let comparator = t.comparator?.value else { return bands }
      return bands.thresholded(by: comparator, thresholds: t.values, fallback: t.fallback?.value)
    case .sampler(let s):
      if let f = s.keepFraction?.value, f <= 0 { return .none }
      return bands
    case .writer, .passThrough:
      return bands
    }
  }

  /// What reaches `id` (nothing for an unknown id).
  public func incoming(_ id: String) -> ConceptBands { incoming[id] ?? .none }

  /// What leaves `id` (nothing for an unknown id).
  public func outgoing(_ id: String) -> ConceptBands { outgoing[id] ?? .none }

  /// The confidences a model node predicts for `concept` (the union over all model nodes and the input).
  public func predicted(_ concept: String?) -> IntervalSet {
    var out = concept.map { graph.inputBands.band($0) } ?? graph.inputBands.others
    for node in graph.nodes where node.model != nil {
      let bands = outgoing(node.id.value)
      out = out.union(concept.map { bands.band($0) } ?? bands.others)
    }
    return out
  }
}

/// An annotation writer and what it writes.
public struct WriterBand: Sendable {
  public var node: BandNode
  public var status: AnnotationStatus?
  public var bands: ConceptBands
  /// The model nodes whose predictions it writes.
  public var sources: Set<String>

  public var id: String { node.id.value }
}

extension BandGraph {
  /// Nodes so that each comes after the nodes it reads (`DependencyOrder`, as the checker orders
  /// them). Nodes on a cycle, or repeating an earlier id, are left out (the checker reports both).
  public var dependencyOrder: [BandNode] {
    var index: [String: Int] = [:]
    for (i, n) in nodes.enumerated() where index[n.id.value] == nil { index[n.id.value] = i }
    let reads = nodes.enumerated().map { i, node in
      index[node.id.value] == i ? node.inputs.compactMap { index[$0.value] } : nil
    }
    return DependencyOrder.of(reads).map { nodes[$0] }
  }
}
