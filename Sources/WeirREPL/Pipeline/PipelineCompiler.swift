import WeirCore

/// Reduces a checked workflow (with the session's settings applied) to a `PipelineSpec`, or says
/// why the fast path cannot run it.
///
/// Values come from the checker: parameters with vars substituted, enums normalized and defaults
/// filled in, so the fast path reads a workflow exactly as `weir run` does. Nodes whose type is a
/// workflow (`triage`) are inlined, their nodes named `node/inner`. What each operator does comes
/// from its descriptor (`OperatorRegistry`): thresholders and writers have a fast form.
public struct PipelineCompiler {
  /// What each operator type does.
  public var operators: OperatorRegistry

  public init(operators: OperatorRegistry = .standard) {
    self.operators = operators
  }

  /// A node of the workflow with workflow-typed nodes inlined.
  struct FlatNode {
    var id: String
    var node: CheckedNode
    /// Flat ids of the nodes it reads; empty for the workflow input.
    var inputs: [String]
  }

  public func compile(_ checked: CheckedWorkflow) -> Result<PipelineSpec, PipelineUnsupported> {
    var flat: [FlatNode] = []
    Self.flatten(checked, prefix: "", input: [], into: &flat)
    let byId = Dictionary(flat.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var order: [String] = []
    var state: [String: Bool] = [:]  // false: on the DFS stack; true: done
    func visit(_ id: String) -> PipelineUnsupported? {
      if let done = state[id] {
        return done ? nil : PipelineUnsupported("the graph has a cycle through '\(id)'")
      }
      state[id] = false
      for input in byId[id]?.inputs ?? [] {
        if let problem = visit(input) { return problem }
      }
      state[id] = true
      order.append(id)
      return nil
    }
    for node in flat where descriptor(node.node)?.write != nil {
      if let problem = visit(node.id) { return .failure(problem) }
    }
    var steps: [PipelineSpec.Step] = []
    var index: [String: Int] = [:]
    for id in order {
      guard let node = byId[id] else { return .failure(PipelineUnsupported("no node is named '\(id)'")) }
      switch step(node, index) {
      case .success(let step):
        index[id] = steps.count
        steps.append(step)
      case .failure(let problem):
        return .failure(problem)
      }
    }
    return .success(PipelineSpec(steps: steps))
  }

  /// Appends the nodes of `checked` in dependency order, inlining workflow-typed nodes. `input`
  /// is what the workflow's `IN` stands for; a workflow-typed node passes its input on, so its
  /// readers read what it reads.
  static func flatten(
    _ checked: CheckedWorkflow, prefix: String, input: [String], into flat: inout [FlatNode]
  ) {
    var output: [String: [String]] = [:]
    for node in checked.orderedNodes {
      let inputs = node.inputs.flatMap { ref -> [String] in
        switch ref {
        case .workflowInput: return input
        case .node(let id): return output[id] ?? [prefix + id]
        }
      }
      if let expansion = node.expansion {
        flatten(expansion, prefix: prefix + node.id + "/", input: inputs, into: &flat)
        output[node.id] = inputs
      } else {
        flat.append(FlatNode(id: prefix + node.id, node: node, inputs: inputs))
        output[node.id] = [prefix + node.id]
      }
    }
  }

  private func step(_ flat: FlatNode, _ index: [String: Int]) -> Result<
    PipelineSpec.Step, PipelineUnsupported
  > {
    let node = flat.node
    let id = flat.id
    let typeText = node.type.map { " (\($0.name))" } ?? ""
    if flat.inputs.isEmpty {
      guard node.isModel else {
        return .failure(PipelineUnsupported("'\(id)'\(typeText) reads the workflow input but is not a model"))
      }
      return .success(.init(node: id, parent: nil, operation: .model))
    }
    guard flat.inputs.count == 1, let parent = index[flat.inputs[0]] else {
      return .failure(PipelineUnsupported("'\(id)' reads several nodes"))
    }
    switch descriptor(node) {
    case .threshold(let t)?:
      return thresholds(t, id).map {
        switch t.scope {
        case .regions: return .init(node: id, parent: parent, operation: .regionThreshold($0))
        case .concepts: return .init(node: id, parent: parent, operation: .conceptThreshold($0))
        }
      }
    case .write(let w)?:
      guard let status = w.status?.value else {
        return .failure(PipelineUnsupported("'\(id)' has no valid annotation_status"))
      }
      return .success(.init(node: id, parent: parent, operation: .write(status)))
    default:
      return .failure(
        PipelineUnsupported("'\(id)'\(typeText) is neither a thresholder nor an annotation-writer"))
    }
  }

  private func thresholds(_ t: ThresholdDescriptor, _ id: String) -> Result<
    PipelineSpec.Thresholds, PipelineUnsupported
  > {
    guard let comparison = t.comparator?.value else {
      return .failure(PipelineUnsupported("'\(id)' has no valid concept_threshold_type"))
    }
    return .success(
      PipelineSpec.Thresholds(
        comparison: comparison,
        perConcept: Dictionary(
          t.thresholds.map { ($0.concept.value, $0.value.value) }, uniquingKeysWith: { _, b in b }),
        fallback: t.defaultThreshold?.value))
  }

  /// What a checked operator node does; `nil` for a model, an unknown type or one weir cannot run.
  func descriptor(_ node: CheckedNode) -> OperatorDescriptor? {
    guard let type = node.type, type.role == .operator else { return nil }
    return (try? operators.describe(type: type.name, params: CheckedParams(node: node))) ?? nil
  }
}

/// Why a workflow cannot run on the fast path.
public struct PipelineUnsupported: Error, Equatable, Sendable {
  public var reason: String

  public init(_ reason: String) {
    self.reason = reason
  }
}
