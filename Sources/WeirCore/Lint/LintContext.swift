/// What a rule looks at: the workflow as a `BandGraph` and the bands flowing through it.
public struct LintContext: Sendable {
  public let graph: BandGraph
  public let bands: BandAnalysis

  public init(graph: BandGraph) {
    self.graph = graph
    self.bands = BandAnalysis(graph: graph)
  }

  public init(bands: BandAnalysis) {
    self.graph = bands.graph
    self.bands = bands
  }

  /// The model nodes whose predictions reach `id`, in source order.
  func sourceModels(of id: String) -> [(node: BandNode, model: BandModel)] {
    let positions = (bands.sources[id] ?? []).compactMap { graph.position(of: $0) }.sorted()
    return positions.compactMap { i in
      let n = graph.nodes[i]
      return n.model.map { (n, $0) }
    }
  }

  /// "regions" when what reaches `id` comes from a detector, "predictions" otherwise.
  func noun(at id: String) -> String {
    let models = sourceModels(of: id)
    return models.isEmpty || models.contains { $0.model.predictsRegions } ? "regions" : "predictions"
  }
}

/// A threshold a thresholder applies to a concept that can reach it: one named in its `concepts`
/// map, or its `default_threshold` for a concept the map does not name (`concept == nil`: every
/// concept not tracked by name).
struct AppliedThreshold {
  var concept: String?
  var value: Located<Double>
  /// Where the concept is named, or the `default_threshold` value.
  var range: SourceRange
  var isFallback: Bool

  /// `cat`, or `other concepts`.
  var label: String { concept ?? "other concepts" }
}

extension LintContext {
  /// The thresholds `node` applies to what reaches it (a repeated concept once: the last wins).
  func appliedThresholds(_ node: BandNode) -> [AppliedThreshold] {
    guard let spec = node.thresholder else { return [] }
    let named = uniqueEntries(spec)
    var out = named.map {
      AppliedThreshold(concept: $0.concept.value, value: $0.value, range: $0.concept.range, isFallback: false)
    }
    guard let fallback = spec.fallback else { return out }
    let arriving = bands.incoming(node.id.value)
    let names = Set(named.map(\.concept.value))
    for concept in arriving.presentConcepts where !names.contains(concept) {
      out.append(AppliedThreshold(concept: concept, value: fallback, range: fallback.range, isFallback: true))
    }
    if !arriving.others.isEmpty {
      out.append(AppliedThreshold(concept: nil, value: fallback, range: fallback.range, isFallback: true))
    }
    return out
  }

  /// The band of `concept` (`nil`: other concepts) in `bands`.
  func band(_ bands: ConceptBands, _ concept: String?) -> IntervalSet {
    concept.map { bands.band($0) } ?? bands.others
  }
}
