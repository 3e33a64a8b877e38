import Foundation

extension Planner {
  /// Plans a checked workflow (Design.md §4): its nodes with their resolved types, models and typed
  /// parameters (vars substituted, overrides applied), vars as they stand after overrides.
  ///
  /// A node whose type is a workflow (`triage`) is replaced by that workflow's nodes, named
  /// `node/inner` (`label/write-sure`), reading what the node reads; the node itself then passes its
  /// input on to its readers. Paths in backends are resolved against `baseDirectory`, the workflow
  /// file's folder.
  public func plan(_ checked: CheckedWorkflow, baseDirectory: String) -> (ExecutionPlan?, [Diagnostic]) {
    var specs: [PlanNodeSpec] = []
    var diagnostics: [Diagnostic] = []
    Self.collect(checked, prefix: "", input: [], baseDirectory: baseDirectory, into: &specs, &diagnostics)
    let vars = checked.vars.compactMap { v in
      v.value.map { PlanVar(name: v.name, value: $0.json, overridden: v.isOverridden) }
    }
    guard !diagnostics.hasErrors else { return (nil, diagnostics) }
    let (plan, more) = plan(workflowId: checked.workflow.id?.value ?? "workflow", nodes: specs, vars: vars)
    return (plan, diagnostics + more)
  }

  /// Adds the nodes of `checked` to `specs`. `input` is what `IN` means here: empty at the top (the
  /// workflow input), the using node's inputs inside an expansion.
  static func collect(
    _ checked: CheckedWorkflow, prefix: String, input: [String], baseDirectory: String,
    into specs: inout [PlanNodeSpec],
    _ diagnostics: inout [Diagnostic]
  ) {
    for node in checked.nodes {
      let id = prefix + node.id
      let inputs = node.inputs.flatMap { ref -> [String] in
        switch ref {
        case .workflowInput: return input
        case .node(let n): return [prefix + n]
        }
      }
      guard let type = node.type else {
        diagnostics.append(
          .error("plan.unknown-type", "node '\(id)' has no known type", at: node.syntax.id.range))
        continue
      }
      let params = node.params.map { PlanParam($0.name, $0.value.json, vars: $0.vars) }
      // Inside an expansion the ranges are in another file: point at the using node instead.
      let range = prefix.isEmpty ? node.syntax.type?.range ?? node.syntax.id.range : nil
      switch type.role {
      case .operator:
        specs.append(
          PlanNodeSpec(id: id, type: type.name, kind: .operator, inputs: inputs, params: params, range: range)
        )
      case .model:
        guard let model = node.model else {
          diagnostics.append(.error("plan.no-model", "node '\(id)' names no model", at: node.syntax.id.range))
          continue
        }
        if node.scope != .whole {
          diagnostics.append(
            .error(
              "plan.unsupported-scope",
              "node '\(id)' runs model '\(model.name)' \(node.scope), which weir cannot run yet",
              at: node.syntax.id.range))
          continue
        }
        let spec = ModelSpec(
          name: model.name, type: type.name, concepts: model.concepts,
          backend: model.backend.map { BackendConfig($0, baseDirectory: baseDirectory) },
          clarifaiModelId: model.clarifai?.modelId.value ?? (model.decl == nil ? model.name : nil),
          declaration: model.decl)
        specs.append(
          PlanNodeSpec(
            id: id, type: type.name, kind: .model(spec), inputs: inputs, params: params, range: range))
      case .workflow:
        guard let expansion = node.expansion else {
          diagnostics.append(
            .error(
              "plan.no-expansion", "node '\(id)' uses workflow type '\(type.name)', which did not check",
              at: node.syntax.id.range))
          continue
        }
        collect(
          expansion, prefix: id + "/", input: inputs, baseDirectory: baseDirectory, into: &specs, &diagnostics
        )
        specs.append(
          PlanNodeSpec(id: id, type: type.name, kind: .passThrough, inputs: inputs, params: params))
      }
    }
  }
}
