/// A workflow after type checking: the form lint, the planner and the REPL work from.
///
/// Every node is there, in source order, even when it has errors (its unknown parts are `nil`), so
/// later stages can keep going and report more.
public struct CheckedWorkflow: Sendable {
  /// The workflow as parsed.
  public var workflow: Workflow
  /// What the workflow input `IN` gives: declared (`input:`), or inferred from the nodes that read it;
  /// `nil` when not known (a workflow type whose using node's input is not known).
  public var inputKind: Kind?
  /// Where `inputKind` is declared; `nil` when it was inferred.
  public var inputKindRange: SourceRange?
  /// One per node of `workflow.nodes`, in the same order.
  public var nodes: [CheckedNode]
  /// Indices into `nodes` in dependency order (every node after the nodes it reads). Nodes on a
  /// cycle, which the parser reports, are left out.
  public var order: [Int]
  /// The workflow's vars (for a workflow type, its parameters), with values after overrides.
  public var vars: [ResolvedVar]
  /// The overrides this was checked with.
  public var overrides: Overrides
  /// The library it was checked against, to re-check after overrides.
  public var library: NodeTypeLibrary
  let nodeIndex: [String: Int]
  /// Set when this is a workflow type checked in place of a node.
  let instance: Instance?

  /// The node with this id.
  public func node(_ id: String) -> CheckedNode? { nodeIndex[id].map { nodes[$0] } }

  /// The index of the node with this id in `nodes`.
  public func index(of id: String) -> Int? { nodeIndex[id] }

  /// The var with this name.
  public func variable(_ name: String) -> ResolvedVar? { vars.first { $0.name == name } }

  /// The nodes in dependency order.
  public var orderedNodes: [CheckedNode] { order.map { nodes[$0] } }

  /// The ids of the nodes that read `ref` (directly), in source order.
  public func readers(of ref: NodeRef) -> [String] {
    nodes.filter { $0.inputs.contains(ref) }.map(\.id)
  }

  /// The kind flowing out of `ref`: `IN`'s kind, or a node's output kind.
  public func kind(of ref: NodeRef) -> Kind? {
    switch ref {
    case .workflowInput: return inputKind
    case .node(let id): return node(id)?.outputKind
    }
  }

  /// The same workflow with other overrides (replacing the current ones): parameters are resolved
  /// again, kinds are kept, since no parameter changes a kind. Cheap enough for every REPL `set`.
  /// The diagnostics are those of the parameters and of the overrides themselves.
  public func with(_ overrides: Overrides) -> (CheckedWorkflow, [Diagnostic]) {
    TypeChecker(library: library).recheck(self, overrides: overrides)
  }
}
