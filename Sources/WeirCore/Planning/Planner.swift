/// Compiles resolved nodes into an `ExecutionPlan` (Design.md §4, "Execution plan").
///
/// Steps come in dependency order, ties broken by source order, so a plan reads the way the file
/// does. Operators are built from their typed configs here: a node type weir cannot run, or a
/// parameter an operator cannot use, is an error now, before any input is touched.
public struct Planner: Sendable {
  public var registry: OperatorRegistry

  public init(registry: OperatorRegistry = .standard) {
    self.registry = registry
  }

  /// Plans nodes. Diagnostics have no source range (the checker has already pointed at the source
  /// for anything a user can write wrong); the plan is `nil` when there is an error.
  public func plan(workflowId: String, nodes: [PlanNodeSpec], vars: [PlanVar] = []) -> (
    ExecutionPlan?, [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    guard let order = dependencyOrder(nodes, &diagnostics) else { return (nil, diagnostics) }
    var plan = ExecutionPlan(workflowId: workflowId, vars: vars)
    var stepOfNode: [String: Int] = [:]
    for (position, nodeIndex) in order.enumerated() {
      let node = nodes[nodeIndex]
      // A node reading a refused node is skipped: the refusal is already an error, and one is enough.
      let steps = node.inputs.compactMap { stepOfNode[$0] }
      guard steps.count == node.inputs.count else { continue }
      let inputs: [StepInput] = node.inputs.isEmpty ? [.workflowInput] : steps.map { .step($0) }
      guard let action = action(for: node, inputs: inputs, in: &plan, &diagnostics) else { continue }
      stepOfNode[node.id] = position
      plan.steps.append(
        PlanStep(
          index: position, nodeId: node.id, type: node.type, inputs: inputs, action: action,
          params: node.params,
          sourceIndex: nodeIndex))
    }
    guard !diagnostics.hasErrors else { return (nil, diagnostics) }
    Self.link(&plan)
    return (plan, diagnostics)
  }

  /// Kahn's algorithm (`DependencyOrder`), taking the earliest node in source order among those ready.
  func dependencyOrder(_ nodes: [PlanNodeSpec], _ diagnostics: inout [Diagnostic]) -> [Int]? {
    var index: [String: Int] = [:]
    for (i, n) in nodes.enumerated() {
      if index[n.id] != nil {
        diagnostics.append(.error("plan.duplicate-node", "two nodes are named '\(n.id)'", at: nil))
      }
      index[n.id] = i
    }
    for n in nodes {
      for input in Set(n.inputs) where index[input] == nil {
        diagnostics.append(
          .error("plan.unknown-input", "node '\(n.id)' reads '\(input)', which is not a node", at: nil))
      }
    }
    guard !diagnostics.hasErrors else { return nil }
    let order = DependencyOrder.of(nodes.map { $0.inputs.compactMap { index[$0] } }, ties: .sourceOrder)
    if order.count < nodes.count {
      let placed = Set(order)
      let stuck = nodes.indices.filter { !placed.contains($0) }.map { "'\(nodes[$0].id)'" }.joined(
        separator: ", ")
      diagnostics.append(.error("plan.cycle", "nodes \(stuck) read each other in a cycle", at: nil))
      return nil
    }
    return order
  }

  private func action(
    for node: PlanNodeSpec, inputs: [StepInput], in plan: inout ExecutionPlan,
    _ diagnostics: inout [Diagnostic]
  ) -> StepAction? {
    switch node.kind {
    case .model(let spec):
      let model = PlannedModel(spec: spec, params: node.params)
      let m: Int
      if let existing = plan.models.firstIndex(where: { $0.spec == model.spec && $0.params == model.params })
      {
        m = existing
      } else {
        m = plan.models.count
        plan.models.append(model)
      }
      plan.models[m].nodes.append(node.id)
      // Same model, same data in: one call (the earlier step's output is reused).
      if let twin = plan.steps.first(where: { $0.modelIndex == m && $0.inputs == inputs }) {
        return .reuse(twin.index)
      }
      return .model(m)
    case .passThrough:
      return .operator(PassThrough())
    case .operator:
      switch makeOperator(node) {
      case .success(let op): return .operator(op)
      case .failure(let refusal):
        diagnostics.append(refusal.diagnostic)
        return nil
      }
    }
  }

  /// Builds the operator of an operator node, or says why weir cannot: its type has no behaviour
  /// (`plan.unsupported-node`), or its parameters cannot build it (`plan.bad-parameter`).
  func makeOperator(_ node: PlanNodeSpec) -> Result<any Operator, Refusal> {
    guard registry.implements(node.type) else {
      return .failure(unsupported(id: node.id, type: node.type, at: node.range))
    }
    do {
      let params = OperatorParams(
        Dictionary(node.params.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }))
      return .success(try registry.make(type: node.type, params: params))
    } catch {
      return .failure(badParameter(id: node.id, error, at: node.range))
    }
  }

  /// What `makeOperator` refuses, without building the operator (`OperatorRegistry.refusal`).
  func operatorRefusal(id: String, type: String, params: OperatorParams, at range: SourceRange?) -> Refusal? {
    guard registry.implements(type) else { return unsupported(id: id, type: type, at: range) }
    return registry.refusal(type: type, params: params).map { badParameter(id: id, $0, at: range) }
  }

  private func unsupported(id: String, type: String, at range: SourceRange?) -> Refusal {
    Refusal(
      .error(
        "plan.unsupported-node", "node '\(id)' has type '\(type)', which weir cannot run yet", at: range,
        notes: [Note("weir runs: \(registry.types.joined(separator: ", "))")]))
  }

  private func badParameter(id: String, _ error: any Error, at range: SourceRange?) -> Refusal {
    Refusal(.error("plan.bad-parameter", "node '\(id)': \(error)", at: range))
  }

  /// Why the planner cannot build a node, as the diagnostic it reports.
  struct Refusal: Error {
    var diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
  }

  /// Fills in readers, branches, liveness and what is materialized.
  static func link(_ plan: inout ExecutionPlan) {
    let steps = plan.steps
    // Steps reading each output: as data (`inputReaders`, which shape branches), or also to reuse a
    // model call (`readers`, which keep the output alive).
    var inputReaders = [[Int]](repeating: [], count: steps.count)
    for s in steps {
      for case .step(let j) in s.inputs where !inputReaders[j].contains(s.index) {
        inputReaders[j].append(s.index)
      }
    }
    var readers = inputReaders
    for s in steps {
      if case .reuse(let twin) = s.action, !readers[twin].contains(s.index) {
        readers[twin].append(s.index)
        readers[twin].sort()
      }
    }
    // Liveness, backwards: a step runs if it writes (annotations, or a count the run stores) or a
    // running step reads it.
    var live = [Bool](repeating: false, count: steps.count)
    for s in steps.reversed() {
      live[s.index] = s.writesAnnotations || s.recordsCount || readers[s.index].contains { live[$0] }
      if case .reuse(let twin) = s.action, live[s.index] { live[twin] = true }
    }
    var branch = [Int](repeating: 0, count: steps.count)
    var branchFrom = [Int?](repeating: nil, count: steps.count)
    var nextBranch = 1
    for s in steps {
      if s.inputs.count == 1, case .step(let j) = s.inputs[0], inputReaders[j].count == 1 {
        branch[s.index] = branch[j]
        branchFrom[s.index] = branchFrom[j]
      } else {
        branch[s.index] = nextBranch
        nextBranch += 1
        if s.inputs.count == 1, case .step(let j) = s.inputs[0] { branchFrom[s.index] = j }
      }
    }
    for i in plan.steps.indices {
      plan.steps[i].readers = readers[i]
      plan.steps[i].isLive = live[i]
      plan.steps[i].branch = branch[i]
      plan.steps[i].branchFrom = branchFrom[i]
      plan.steps[i].isMaterialized = !readers[i].isEmpty && live[i]
    }
  }
}
