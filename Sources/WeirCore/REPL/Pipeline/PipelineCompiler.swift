/// Reduces a workflow (with the session's settings applied) to a `PipelineSpec`, or says why the
/// fast path cannot run it.
public struct PipelineCompiler {
  /// The node's type id: the node's own `type`, else its model's type (the checker's answer once
  /// the workflow checked, so catalog models are known too).
  public var nodeType: (WorkflowNode) -> String?

  public init(nodeType: @escaping (WorkflowNode) -> String?) {
    self.nodeType = nodeType
  }

  /// A compiler that reads types straight from the AST: `type:` on the node, else its model's type.
  public init(workflow: Workflow) {
    self.nodeType = { node in
      node.type?.value ?? node.model.flatMap { workflow.model($0.value)?.type?.value }
    }
  }

  static let regionThresholders: Set<String> = ["region-thresholder"]
  static let conceptThresholders: Set<String> = ["concept-thresholder", "concept-threshold"]
  static let writers: Set<String> = ["annotation-writer"]
  /// Operator node types (reference §3.3): nodes of these types are not models, so no model output
  /// is cached for them.
  static let operatorTypes: Set<String> = regionThresholders.union(conceptThresholders).union(writers).union([
    "random-sample", "input-filter", "keyword-filter-operator", "image-crop", "image-tiling-operator",
    "concept-synonym-mapper", "image-align", "prompter", "rag-prompter", "custom-code-operator",
    "tiling-region-aggregator-operator", "object-counter", "text-aggregation-operator", "isolation-operator",
    "tokens-to-entity-operator", "email", "sms", "aws-lambda", "results-push", "status-push",
  ])

  public func compile(_ workflow: Workflow) -> Result<PipelineSpec, PipelineUnsupported> {
    let writers = workflow.nodes.filter { nodeType($0).map(Self.writers.contains) ?? false }
    var order: [String] = []
    var state: [String: Bool] = [:]  // false: on the DFS stack; true: done
    func visit(_ id: String) -> PipelineUnsupported? {
      if let done = state[id] { return done ? nil : PipelineUnsupported("the graph has a cycle through '\(id)'") }
      state[id] = false
      for input in workflow.node(id)?.inputs ?? [] {
        if let problem = visit(input.value) { return problem }
      }
      state[id] = true
      order.append(id)
      return nil
    }
    for writer in writers {
      if let problem = visit(writer.id.value) { return .failure(problem) }
    }
    var steps: [PipelineSpec.Step] = []
    var index: [String: Int] = [:]
    for id in order {
      guard let node = workflow.node(id) else { return .failure(PipelineUnsupported("no node is named '\(id)'")) }
      switch step(node, workflow, index) {
      case .success(let step):
        index[id] = steps.count
        steps.append(step)
      case .failure(let problem):
        return .failure(problem)
      }
    }
    return .success(PipelineSpec(steps: steps))
  }

  private func step(_ node: WorkflowNode, _ workflow: Workflow, _ index: [String: Int])
    -> Result<PipelineSpec.Step, PipelineUnsupported>
  {
    let id = node.id.value
    let type = nodeType(node)
    let typeText = type.map { " (\($0))" } ?? ""
    if node.inputs.isEmpty {
      if let type, Self.regionThresholders.contains(type) || Self.conceptThresholders.contains(type) || Self.writers.contains(type) {
        return .failure(PipelineUnsupported("'\(id)'\(typeText) reads the workflow input directly"))
      }
      return .success(.init(node: id, parent: nil, operation: .model))
    }
    guard node.inputs.count == 1, let parent = index[node.inputs[0].value] else {
      return .failure(PipelineUnsupported("'\(id)' reads several nodes"))
    }
    let resolver = ValueResolver(workflow: workflow)
    switch type {
    case let t? where Self.regionThresholders.contains(t):
      return thresholds(node, resolver).map { .init(node: id, parent: parent, operation: .regionThreshold($0, $1)) }
    case let t? where Self.conceptThresholders.contains(t):
      return thresholds(node, resolver).map { .init(node: id, parent: parent, operation: .conceptThreshold($0, $1)) }
    case let t? where Self.writers.contains(t):
      // TODO: take the default status from the stdlib declaration once the checker gives it.
      guard let written = node.param("annotation_status").flatMap({ resolver.scalar($0.value) }),
        let status = AnnotationStatus(written)
      else {
        return .failure(PipelineUnsupported("'\(id)' has no valid annotation_status"))
      }
      return .success(.init(node: id, parent: parent, operation: .write(status)))
    default:
      return .failure(PipelineUnsupported("'\(id)'\(typeText) is neither a thresholder nor an annotation-writer"))
    }
  }

  private func thresholds(_ node: WorkflowNode, _ resolver: ValueResolver)
    -> Result<(ThresholdComparison, [String: Double]), PipelineUnsupported>
  {
    let id = node.id.value
    var comparison = ThresholdComparison.greaterThan
    if let written = node.param("concept_threshold_type") {
      guard let c = resolver.scalar(written.value).flatMap(ThresholdComparison.init) else {
        return .failure(PipelineUnsupported("'\(id)' has no valid concept_threshold_type"))
      }
      comparison = c
    }
    var thresholds: [String: Double] = [:]
    if let concepts = node.param("concepts") {
      guard case .map(let entries, _) = resolver.resolved(concepts.value) else {
        return .failure(PipelineUnsupported("'\(id)' has concepts that are not a mapping"))
      }
      for entry in entries {
        guard let value = resolver.scalar(entry.value)?.number else {
          return .failure(PipelineUnsupported("'\(id)' has a threshold for '\(entry.name.value)' that is not a number"))
        }
        thresholds[entry.name.value] = value
      }
    }
    return .success((comparison, thresholds))
  }
}

/// Why a workflow runs through the interpreter rather than the fast path.
public struct PipelineUnsupported: Error, Equatable, Sendable {
  public var reason: String

  public init(_ reason: String) {
    self.reason = reason
  }
}

/// Follows `$var` references to the values they stand for.
struct ValueResolver {
  var workflow: Workflow

  /// The value with var references followed (up to a depth that stops reference cycles).
  func resolved(_ value: ParamValue, depth: Int = 0) -> ParamValue {
    guard case .varRef(let name) = value, depth < 32, let v = workflow.variable(name.value) else { return value }
    return resolved(v.value, depth: depth + 1)
  }

  /// The scalar a value stands for, if it is one.
  func scalar(_ value: ParamValue) -> ScalarValue? {
    if case .scalar(let s) = resolved(value) { return s.resolved }
    return nil
  }
}
