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
    Self.collect(
      checked, prefix: "", input: [], anchor: nil, baseDirectory: baseDirectory, into: &specs, &diagnostics)
    let vars = checked.vars.compactMap { v in
      v.value.map { PlanVar(name: v.name, value: $0.json, overridden: v.isOverridden) }
    }
    guard !diagnostics.hasErrors else { return (nil, diagnostics) }
    let (plan, more) = plan(workflowId: checked.workflow.id?.value ?? "workflow", nodes: specs, vars: vars)
    return (plan, diagnostics + more)
  }

  /// Adds the nodes of `checked` to `specs`. `input` is what `IN` means here: empty at the top (the
  /// workflow input), the using node's inputs inside an expansion. `anchor` is where a problem
  /// inside an expansion is reported: the top-level node that uses the workflow type.
  static func collect(
    _ checked: CheckedWorkflow, prefix: String, input: [String], anchor: SourceRange?,
    baseDirectory: String,
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
      // Inside an expansion the ranges are in another file: point at the using node instead.
      let range = prefix.isEmpty ? node.syntax.type?.range ?? node.syntax.id.range : anchor
      let idRange = prefix.isEmpty ? node.syntax.id.range : anchor
      if let refusal = refusal(of: node, id: id, at: idRange) {
        diagnostics.append(refusal)
        continue
      }
      guard let type = node.type else { continue }
      let params = node.params.map { PlanParam($0.name, $0.value.json, vars: $0.vars) }
      switch type.role {
      case .operator:
        specs.append(
          PlanNodeSpec(id: id, type: type.name, kind: .operator, inputs: inputs, params: params, range: range)
        )
      case .model:
        guard let model = node.model else { continue }
        let spec = ModelSpec(
          name: model.name, type: type.name, concepts: model.concepts,
          backend: model.backend.map {
            BackendConfig($0, baseDirectory: $0.binding?.baseDirectory ?? baseDirectory)
          },
          clarifaiModelId: model.clarifai?.modelId.value ?? (model.decl == nil ? model.name : nil),
          declaration: model.decl)
        specs.append(
          PlanNodeSpec(
            id: id, type: type.name, kind: .model(spec), inputs: inputs, params: params, range: range))
      case .workflow:
        guard let expansion = node.expansion else { continue }
        collect(
          expansion, prefix: id + "/", input: inputs, anchor: anchor ?? node.syntax.id.range,
          baseDirectory: baseDirectory, into: &specs, &diagnostics)
        specs.append(
          PlanNodeSpec(id: id, type: type.name, kind: .passThrough, inputs: inputs, params: params))
      }
    }
  }

  /// Why a checked node cannot be planned whatever its parameters: no known type, a model node
  /// with no model or run in a scope weir cannot run, a workflow type that did not check.
  static func refusal(of node: CheckedNode, id: String, at idRange: SourceRange?) -> Diagnostic? {
    guard let type = node.type else {
      return .error("plan.unknown-type", "node '\(id)' has no known type", at: idRange)
    }
    switch type.role {
    case .operator:
      return nil
    case .model:
      guard let model = node.model else {
        return .error("plan.no-model", "node '\(id)' names no model", at: idRange)
      }
      guard node.scope == .whole else {
        return .error(
          "plan.unsupported-scope",
          "node '\(id)' runs model '\(model.name)' \(node.scope), which weir cannot run yet", at: idRange)
      }
      return nil
    case .workflow:
      guard node.expansion != nil else {
        return .error(
          "plan.no-expansion", "node '\(id)' uses workflow type '\(type.name)', which did not check",
          at: idRange)
      }
      return nil
    }
  }
}

extension Planner {
  /// Everything the planner would refuse in `checked`, each at the node's position (a node inside a
  /// workflow-typed node at the node that uses it): a type with no runtime behaviour, parameters an
  /// operator cannot use, a model scope weir cannot run. The check reports these, so a workflow
  /// that checks without errors plans; the ids are the planner's own.
  ///
  /// Some repeat what the checker usually says first (`echoes`): a node with no known type (a
  /// Clarifai model whose type only Clarifai knows gets just a note from the checker), a model
  /// node with no model, a workflow type that did not check, parameters the operator refuses.
  ///
  /// It walks the checked nodes the way planning does, but builds no plan: no node specs, no
  /// models, and for an operator only what its descriptor says (`OperatorRegistry.refusal`).
  public func refusals(_ checked: CheckedWorkflow) -> [Diagnostic] {
    var refusals: [Diagnostic] = []
    collectRefusals(checked, prefix: "", anchor: nil, into: &refusals)
    return refusals
  }

  /// Adds the refusals of `checked`'s nodes; `prefix` and `anchor` as in `collect`.
  func collectRefusals(
    _ checked: CheckedWorkflow, prefix: String, anchor: SourceRange?, into refusals: inout [Diagnostic]
  ) {
    for node in checked.nodes {
      let id = prefix + node.id
      let idRange = prefix.isEmpty ? node.syntax.id.range : anchor
      if let refusal = Self.refusal(of: node, id: id, at: idRange) {
        refusals.append(refusal)
        continue
      }
      guard let type = node.type else { continue }
      switch type.role {
      case .operator:
        let range = prefix.isEmpty ? node.syntax.type?.range ?? node.syntax.id.range : anchor
        let params = OperatorParams(
          Dictionary(node.params.map { ($0.name, $0.value.json) }, uniquingKeysWith: { $1 }))
        if let refusal = operatorRefusal(id: id, type: type.name, params: params, at: range) {
          refusals.append(refusal.diagnostic)
        }
      case .model:
        continue
      case .workflow:
        guard let expansion = node.expansion else { continue }
        collectRefusals(
          expansion, prefix: id + "/", anchor: anchor ?? node.syntax.id.range, into: &refusals)
      }
    }
  }

  /// Refusals that usually repeat a checker error: reported only when the checker found none.
  public static let echoes: Set<String> = [
    "plan.unknown-type", "plan.no-model", "plan.no-expansion", "plan.bad-parameter",
  ]
}
