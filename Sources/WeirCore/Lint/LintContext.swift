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
  func sourceModels(of id: String) -> [(node: BandNode, model: ModelSpec)] {
    let ids = bands.sources[id] ?? []
    return graph.nodes.compactMap { n in
      guard ids.contains(n.id.value), let m = n.model else { return nil }
      return (n, m)
    }
  }

  /// "regions" when what reaches `id` comes from a detector, "predictions" otherwise.
  func noun(at id: String) -> String {
    let models = sourceModels(of: id)
    return models.isEmpty || models.contains { $0.model.predictsRegions } ? "regions" : "predictions"
  }
}
