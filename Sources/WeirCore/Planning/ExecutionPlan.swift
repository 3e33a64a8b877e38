/// A compiled workflow, ready to run: steps in dependency order, model calls identified for
/// batching and caching, outputs nothing reads marked so they are not kept (Design.md §4).
///
/// Plans are values; printing one (`PlanRenderer`) gives the same text on every run.
public struct ExecutionPlan: Sendable {
  public var workflowId: String
  /// Vars in force, after `--set` overrides.
  public var vars: [PlanVar]
  /// Distinct model configurations; two nodes calling the same configuration share one entry.
  public var models: [PlannedModel]
  /// Steps in the order they run for each input.
  public var steps: [PlanStep]

  public init(workflowId: String, vars: [PlanVar] = [], models: [PlannedModel] = [], steps: [PlanStep] = []) {
    self.workflowId = workflowId
    self.vars = vars
    self.models = models
    self.steps = steps
  }

  /// The step of a node.
  public func step(_ nodeId: String) -> PlanStep? { steps.first { $0.nodeId == nodeId } }

  /// Steps that write annotations.
  public var writers: [PlanStep] { steps.filter(\.writesAnnotations) }
}

/// A var and where its value came from.
public struct PlanVar: Sendable, Hashable {
  public var name: String
  public var value: JSONValue
  /// True when `--set` (or the REPL) changed it from what the file says.
  public var overridden: Bool

  public init(name: String, value: JSONValue, overridden: Bool = false) {
    self.name = name
    self.value = value
    self.overridden = overridden
  }
}

/// One model configuration the plan calls, and the nodes that call it.
public struct PlannedModel: Sendable, Hashable {
  public var spec: ModelSpec
  /// Node parameters that configure the call (a model node's `output_info.params`).
  public var params: [PlanParam]
  /// Nodes that call this model, in plan order.
  public var nodes: [String]

  public init(spec: ModelSpec, params: [PlanParam] = [], nodes: [String] = []) {
    self.spec = spec
    self.params = params
    self.nodes = nodes
  }

  public var name: String { spec.name }
}

/// Where a step's data comes from.
public enum StepInput: Sendable, Hashable {
  /// The workflow input (`IN`).
  case workflowInput
  /// The output of an earlier step, by index.
  case step(Int)
}

/// What a step does.
public enum StepAction: Sendable {
  /// Calls model `models[index]` on the data flowing in (batched across inputs, cached).
  case model(Int)
  /// Takes the output of an earlier step that makes the same model call on the same data, instead
  /// of calling the model again.
  case reuse(Int)
  /// Applies an operator.
  case `operator`(any Operator)
}

/// One node, compiled.
public struct PlanStep: Sendable {
  public var index: Int
  public var nodeId: String
  public var type: String
  public var inputs: [StepInput]
  public var action: StepAction
  /// Parameters as resolved (for printing; the operator holds its typed config).
  public var params: [PlanParam]
  /// Steps that read this one's output.
  public var readers: [Int]
  /// Independent branch this step belongs to (1-based; steps of different branches never read each
  /// other's outputs). A branch starts at the workflow input, after a fan-out or at a join.
  public var branch: Int
  /// The step this branch starts from (the fan-out point), if any.
  public var branchFrom: Int?
  /// Whether the step runs in a normal run: it writes annotations, or a running step reads it.
  public var isLive: Bool
  /// Whether its output is kept after its last reader ran (only with `--output`).
  public var isMaterialized: Bool
  /// The node's position in the source file (outputs are listed in this order, as Clarifai does).
  public var sourceIndex: Int

  public init(
    index: Int, nodeId: String, type: String, inputs: [StepInput], action: StepAction,
    params: [PlanParam] = [],
    readers: [Int] = [], branch: Int = 1, branchFrom: Int? = nil, isLive: Bool = true,
    isMaterialized: Bool = false,
    sourceIndex: Int = 0
  ) {
    self.sourceIndex = sourceIndex
    self.index = index
    self.nodeId = nodeId
    self.type = type
    self.inputs = inputs
    self.action = action
    self.params = params
    self.readers = readers
    self.branch = branch
    self.branchFrom = branchFrom
    self.isLive = isLive
    self.isMaterialized = isMaterialized
  }

  /// Whether this step is an annotation writer.
  public var writesAnnotations: Bool {
    if case .operator(let op) = action { return op.writesAnnotations }
    return false
  }

  /// Whether the run stores this step's count (an object-counter).
  public var recordsCount: Bool {
    if case .operator(let op) = action { return op.recordsCount }
    return false
  }

  /// The model index this step calls, if it is a model call.
  public var modelIndex: Int? {
    if case .model(let m) = action { return m }
    return nil
  }
}
