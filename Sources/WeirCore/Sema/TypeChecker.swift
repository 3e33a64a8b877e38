/// Checks a workflow against a node-type library (Design.md §3): resolves every node's type and
/// model, checks every edge by kinds (structural, with pass-through, per-region scopes and
/// look-back), checks and types every parameter, and resolves vars.
///
/// ```swift
/// let (checked, diagnostics) = TypeChecker().check(workflow)
/// checked.node("sure")?.conceptThresholds()      // ["cat": 0.95, "dog": 0.95]
/// let (tuned, _) = checked.with(Overrides(vars: ["accept": .float(0.9)]))
/// ```
///
/// The cost is linear in the number of nodes (and parameters): each node is resolved once, kinds
/// flow once in dependency order, and look-back searches are memoized per node.
public struct TypeChecker: Sendable {
  public var library: NodeTypeLibrary

  public init(library: NodeTypeLibrary = .standard) {
    self.library = library
  }

  /// Checks `workflow`, with `overrides` applied to its vars and parameters. Returns the checked
  /// workflow (complete as far as it could be resolved) and every problem found, sorted.
  public func check(_ workflow: Workflow, overrides: Overrides = Overrides()) -> (
    CheckedWorkflow, [Diagnostic]
  ) {
    check(workflow, overrides: overrides, instance: nil)
  }

  func check(_ workflow: Workflow, overrides: Overrides, instance: Instance?) -> (
    CheckedWorkflow, [Diagnostic]
  ) {
    var run = Run(checker: self, workflow: workflow, overrides: overrides, instance: instance)
    run.checkAll()
    return (run.result(), run.diagnostics.mergingUses().sortedUnique())
  }

  /// `checked` with new overrides: parameters, vars and expansions again; kinds kept.
  func recheck(_ checked: CheckedWorkflow, overrides: Overrides) -> (CheckedWorkflow, [Diagnostic]) {
    var run = Run(checker: self, workflow: checked.workflow, overrides: overrides, instance: checked.instance)
    run.recheck(checked)
    return (run.result(), run.diagnostics.mergingUses().sortedUnique())
  }
}

/// How a workflow type is checked in place of a node that uses it.
struct Instance: Sendable {
  /// The kind flowing into the node, which is the workflow's `IN`; `nil` when not known.
  var inputKind: Kind?
  /// The node's parameters, which are the workflow's vars.
  var vars: [String: VarBinding]
  /// The workflow types being expanded, outermost first (to stop a type that uses itself).
  var stack: [String]
}

extension TypeChecker {
  /// One check of one workflow: its state and what it found.
  struct Run {
    let checker: TypeChecker
    let workflow: Workflow
    let overrides: Overrides
    let instance: Instance?
    var diagnostics: [Diagnostic] = []
    /// Node ids (first occurrence) and model names → index.
    var nodeIndex: [String: Int] = [:]
    var modelIndex: [String: Int] = [:]
    var bindings: [String: VarBinding] = [:]
    var vars: [ResolvedVar] = []
    var nodes: [CheckedNode] = []
    var order: [Int] = []
    var inputKind: Kind?
    var inputKindRange: SourceRange?
    /// Look-back results by node index, requirement and scope.
    var lookBackMemo: [LookBackKey: NodeRef?] = [:]

    var library: NodeTypeLibrary { checker.library }

    init(checker: TypeChecker, workflow: Workflow, overrides: Overrides, instance: Instance?) {
      self.checker = checker
      self.workflow = workflow
      self.overrides = overrides
      self.instance = instance
      for (i, node) in workflow.nodes.enumerated() where nodeIndex[node.id.value] == nil {
        nodeIndex[node.id.value] = i
      }
      for (i, model) in workflow.models.enumerated() where modelIndex[model.name.value] == nil {
        modelIndex[model.name.value] = i
      }
    }

    /// The whole check, phase by phase.
    mutating func checkAll() {
      bindVars()
      checkParamOverrides()
      // Built in place, one node at a time: `map` over `self` would copy every node once more.
      nodes.reserveCapacity(workflow.nodes.count)
      for i in workflow.nodes.indices { nodes.append(resolveNode(workflow.nodes[i])) }
      for i in nodes.indices { resolveParams(at: i) }
      orderNodes()
      resolveInputKind()
      flowKinds()
      collectVarUses()
    }

    /// Parameters, vars and expansions again on an already checked workflow.
    mutating func recheck(_ checked: CheckedWorkflow) {
      bindVars()
      checkParamOverrides()
      nodes = checked.nodes
      order = checked.order
      inputKind = checked.inputKind
      inputKindRange = checked.inputKindRange
      for i in nodes.indices {
        resolveParams(at: i)
        if nodes[i].type?.role == .workflow { expand(at: i) }
      }
      collectVarUses()
    }

    func result() -> CheckedWorkflow {
      CheckedWorkflow(
        workflow: workflow, inputKind: inputKind, inputKindRange: inputKindRange, nodes: nodes, order: order,
        vars: vars, overrides: overrides, library: library, nodeIndex: nodeIndex, instance: instance)
    }
  }

  struct LookBackKey: Hashable {
    var node: Int
    var requirement: KindRequirement
    var scope: Scope
  }
}

extension Array where Element == Diagnostic {
  /// One diagnostic per root cause: reports that are the same but for their notes (a var's wrong
  /// value, reported at the value once per use, each use a note) become one, with every note in
  /// order and none twice.
  func mergingUses() -> [Diagnostic] {
    // A diagnostic without its notes is the key.
    var index: [Diagnostic: Int] = [:]
    var merged: [Diagnostic] = []
    for d in self {
      var key = d
      key.notes = []
      guard let i = index[key] else {
        index[key] = merged.count
        merged.append(d)
        continue
      }
      for note in d.notes where !merged[i].notes.contains(note) { merged[i].notes.append(note) }
    }
    return merged
  }
}
