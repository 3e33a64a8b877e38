import WeirCore

/// A checked workflow's nodes with workflow-typed nodes (`triage`) inlined, their nodes named
/// `node/inner`, as the planner names them: how the REPL lists a workflow's writers.
struct FlatWorkflow {
  /// A node of the workflow with workflow-typed nodes inlined.
  struct Node {
    var id: String
    var node: CheckedNode
    /// Flat ids of the nodes it reads; empty for the workflow input.
    var inputs: [String]
  }

  /// What each operator type does.
  var operators: OperatorRegistry

  /// The nodes of `checked` in dependency order.
  static func nodes(_ checked: CheckedWorkflow) -> [Node] {
    var flat: [Node] = []
    flatten(checked, prefix: "", input: [], into: &flat)
    return flat
  }

  /// Appends the nodes of `checked` in dependency order, inlining workflow-typed nodes. `input`
  /// is what the workflow's `IN` stands for; a workflow-typed node passes its input on, so its
  /// readers read what it reads.
  private static func flatten(
    _ checked: CheckedWorkflow, prefix: String, input: [String], into flat: inout [Node]
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
        flat.append(Node(id: prefix + node.id, node: node, inputs: inputs))
        output[node.id] = [prefix + node.id]
      }
    }
  }

  /// What a checked operator node does; `nil` for a model, an unknown type or one weir cannot run.
  func descriptor(_ node: CheckedNode) -> OperatorDescriptor? {
    guard let type = node.type, type.role == .operator else { return nil }
    return (try? operators.describe(type: type.name, params: CheckedParams(node: node))) ?? nil
  }
}
