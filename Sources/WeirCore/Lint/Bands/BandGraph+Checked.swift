extension BandGraph {
  /// The graph of a checked workflow, with the values the checker resolved: vars substituted,
  /// comparator and status names or numbers normalized, concepts from declarations or the catalog.
  ///
  /// A node whose type is a workflow (`triage`) is expanded in place: its nodes join the graph as
  /// `node/inner`, reading what the node reads, and every range points at the using node, since
  /// the workflow type's own text is in another file.
  public init(checked: CheckedWorkflow, operators: OperatorRegistry = .standard) {
    var builder = CheckedGraphBuilder(operators: operators)
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
  public init(checked: CheckedWorkflow, operators: OperatorRegistry = .standard) {
    self.init(graph: BandGraph(checked: checked, operators: operators))
  }
}

extension Linter {
  /// The findings of the enabled rules on a checked workflow read from `file`.
  public func lint(_ checked: CheckedWorkflow, file: SourceFile) -> [Diagnostic] {
    lint(BandGraph(checked: checked, operators: operators), file: file)
  }
}

/// Turns checked nodes into band nodes, expanding workflow types.
struct CheckedGraphBuilder {
  /// What each operator type does: its descriptor gives its band role.
  let operators: OperatorRegistry
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
      var band = BandNode(
        id: id, type: node.type?.name ?? "node", inputs: inputs,
        role: role(node, reader, id.range, inside: usingRange != nil))
      if let type = node.type, type.role != .model,
        case .count = (try? operators.describe(type: type.name, params: reader)) ?? nil
      {
        band.recordsCount = true
      }
      nodes.append(band)
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
    let descriptor = (try? operators.describe(type: type.name, params: params)) ?? nil
    return descriptor.map { BandNode.Role($0, at: idRange) } ?? .passThrough
  }
}

/// The catalog's names of a model's concept ids, where they differ from the ids.
private func conceptNames(_ model: ResolvedModel?) -> [String: String] {
  guard model?.decl?.concepts == nil, let concepts = model?.catalogEntry?.concepts else { return [:] }
  return Dictionary(
    concepts.filter { $0.name != $0.id }.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
}

extension BandNode.Role {
  /// The band role of an operator described by `descriptor`; every range a descriptor does not
  /// know (a default value) is the node's.
  init(_ descriptor: OperatorDescriptor, at idRange: SourceRange) {
    func located<T>(_ p: Sourced<T>?) -> Located<T>? { p.map { Located($0.value, $0.range ?? idRange) } }
    switch descriptor {
    case .threshold(let t):
      self = .thresholder(
        ThresholdSpec(
          comparator: located(t.comparator),
          thresholds: t.thresholds.map {
            ConceptThreshold(
              concept: Located($0.concept.value, $0.concept.range ?? idRange),
              value: Located($0.value.value, $0.value.range ?? $0.concept.range ?? idRange))
          },
          fallback: located(t.defaultThreshold)))
    case .write(let w):
      self = .writer(
        WriterSpec(status: located(w.status), userId: located(w.userId), taskId: located(w.taskId)))
    case .sample(let s):
      self = .sampler(SamplerSpec(keepFraction: located(s.keepFraction)))
    case .count, .passThrough, .opaque:
      // A counter passes its regions on; an opaque operator is assumed to pass confidences on.
      self = .passThrough
    }
  }
}
