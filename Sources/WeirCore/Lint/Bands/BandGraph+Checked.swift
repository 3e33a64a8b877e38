extension BandGraph {
  /// The graph of a checked workflow, with the values the checker resolved: vars substituted,
  /// comparator and status names or numbers normalized, concepts from declarations or the catalog.
  ///
  /// A node whose type is a workflow (`triage`) is expanded in place: its nodes join the graph as
  /// `node/inner`, reading what the node reads, and every range points at the using node, since
  /// the workflow type's own text is in another file.
  public init(checked: CheckedWorkflow) {
    var builder = CheckedGraphBuilder()
    builder.add(checked, prefix: "", usingRange: nil, inputsOfIN: [])
    self.init(nodes: builder.nodes, inputBands: Self.bands(of: checked.inputKind))
  }

  /// What the workflow input brings: nothing for an image; concepts of unknown names when the input
  /// carries concepts (a workflow type used after a detector).
  static func bands(of kind: Kind?) -> ConceptBands {
    guard let kind else { return .none }
    return kind.includes(Kinds.concepts) || kind.includes(Kinds.regionConcepts)
      ? ConceptBands(others: .unit) : .none
  }
}

/// Kinds the adapter asks about, parsed once (parsing a path on every node showed in profiles).
enum Kinds {
  // The paths are constants of the `Data` schema; parsing them cannot fail.
  static let concepts = try! Kind(parsing: "concepts")
  static let regionConcepts = try! Kind(parsing: "regions[...].data.concepts")
}

extension BandAnalysis {
  /// The bands of a checked workflow (`weir bands`, the REPL).
  public init(checked: CheckedWorkflow) {
    self.init(graph: BandGraph(checked: checked))
  }
}

extension Linter {
  /// The findings of the enabled rules on a checked workflow read from `file`.
  public func lint(_ checked: CheckedWorkflow, file: SourceFile) -> [Diagnostic] {
    lint(BandGraph(checked: checked), file: file)
  }
}

/// Turns checked nodes into band nodes, expanding workflow types.
struct CheckedGraphBuilder {
  var nodes: [BandNode] = []

  mutating func add(
    _ checked: CheckedWorkflow, prefix: String, usingRange: SourceRange?, inputsOfIN: [Located<String>]
  ) {
    for node in checked.nodes {
      let id = Located(prefix + node.id, usingRange ?? node.syntax.id.range)
      let inputs = node.inputs.flatMap { ref -> [Located<String>] in
        switch ref {
        case .workflowInput: return inputsOfIN
        case .node(let name):
          let written = node.syntax.inputs.first { $0.value == name }?.range
          return [Located(prefix + name, usingRange ?? written ?? id.range)]
        }
      }
      if let expansion = node.expansion {
        add(expansion, prefix: id.value + "/", usingRange: id.range, inputsOfIN: inputs)
      }
      let reader = CheckedParams(node: node, fallback: usingRange)
      nodes.append(
        BandNode(
          id: id, type: node.type?.name ?? "node", inputs: inputs,
          role: role(node, reader, id.range, inside: usingRange != nil)))
    }
  }

  private func role(_ node: CheckedNode, _ params: CheckedParams, _ idRange: SourceRange, inside: Bool)
    -> BandNode.Role
  {
    guard let type = node.type else { return .passThrough }
    if type.role == .model {
      let output = type.output
      let concepts = output.includes(Kinds.concepts) || output.includes(Kinds.regionConcepts)
      let regions = output.includes(Kinds.regionConcepts) || node.scope != .whole
      let declared = node.model?.decl?.concepts
      let range =
        inside
        ? nil
        : declared.flatMap { $0.isEmpty ? nil : $0.dropFirst().reduce($0[0].range) { $0.union($1.range) } }
      return .model(
        BandModel(
          name: node.model?.clarifai?.modelId.value ?? node.model?.name ?? node.id,
          concepts: node.model?.concepts, predictsConcepts: concepts,
          predictsRegions: regions, conceptsRange: range, conceptNames: conceptNames(node.model)))
    }
    switch type.name {
    case "region-thresholder", "concept-thresholder":
      return .thresholder(params.thresholds(idRange))
    case "annotation-writer":
      return .writer(params.writer(idRange))
    case "random-sample":
      return .sampler(SamplerSpec(keepFraction: params.number("keep_fraction", idRange)))
    default:
      return .passThrough
    }
  }
}

/// The catalog's names of a model's concept ids, where they differ from the ids.
private func conceptNames(_ model: ResolvedModel?) -> [String: String] {
  guard model?.decl?.concepts == nil, let concepts = model?.catalogEntry?.concepts else { return [:] }
  return Dictionary(
    concepts.filter { $0.name != $0.id }.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
}

/// Reads a checked node's parameters with the ranges diagnostics should point at: where the value
/// is written, or where the `$var` giving it is used.
struct CheckedParams {
  let node: CheckedNode
  /// Inside an expanded workflow type, every range is the using node's.
  let fallback: SourceRange?

  func range(_ source: ValueSource) -> SourceRange? {
    if let fallback { return fallback }
    switch source {
    case .literal(let r): return r
    case .variable(_, let use): return use
    case .defaultValue, .model, .override: return nil
    }
  }

  func number(_ name: String, _ idRange: SourceRange) -> Located<Double>? {
    guard let p = node.param(name), let x = p.value.doubleValue else { return nil }
    return Located(x, range(p.source) ?? idRange)
  }

  func string(_ name: String, _ idRange: SourceRange) -> Located<String>? {
    guard let p = node.param(name), let s = p.value.stringValue else {
      // `task_id: $task` in a workflow type checked on its own: the var has no value yet, because
      // the node using the type gives it. The parameter is set, just not known here.
      if let written = node.syntax.param(name), case .varRef(let v) = written.value {
        return Located("$\(v.value)", fallback ?? v.range)
      }
      return nil
    }
    return Located(s, range(p.source) ?? idRange)
  }

  func thresholds(_ idRange: SourceRange) -> ThresholdSpec {
    var comparator: Located<ValueComparator>?
    if let p = node.param("concept_threshold_type"), let name = p.value.enumValue?.name,
      let c = ValueComparator(name: name)
    {
      comparator = Located(c, range(p.source) ?? idRange)
    }
    var entries: [ConceptThreshold] = []
    if let p = node.param("concepts") {
      if p.entries.isEmpty, let map = p.value.numberMap {
        let r = range(p.source) ?? idRange
        entries = map.keys.sorted().map {
          ConceptThreshold(concept: Located($0, r), value: Located(map[$0]!, r))
        }
      }
      for e in p.entries {
        guard let key = e.key, let x = e.value.doubleValue else { continue }
        let keyRange = fallback ?? e.keyRange ?? idRange
        entries.append(
          ConceptThreshold(concept: Located(key, keyRange), value: Located(x, range(e.source) ?? keyRange)))
      }
    }
    return ThresholdSpec(
      comparator: comparator, thresholds: entries, fallback: number("default_threshold", idRange))
  }

  func writer(_ idRange: SourceRange) -> WriterSpec {
    var status: Located<AnnotationStatus>?
    if let p = node.param("annotation_status"), let e = p.value.enumValue,
      let s = e.number.flatMap(AnnotationStatus.init(rawValue:)) ?? AnnotationStatus(name: e.name)
    {
      status = Located(s, range(p.source) ?? idRange)
    }
    return WriterSpec(
      status: status, userId: string("annotation_user_id", idRange), taskId: string("task_id", idRange))
  }
}
