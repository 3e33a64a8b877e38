import Foundation
import WeirCore

/// Checks a workflow file and compiles it into an execution plan: what `weir plan` prints and
/// `weir run` runs.
///
/// TODO: until the type checker lands this resolves vars and parameters itself, from the AST;
/// it then becomes `TypeChecker` + `Planner.plan(checked)`.
enum WorkflowCompiler {
  struct Compiled {
    var plan: ExecutionPlan?
    var workflow: Workflow?
    var diagnostics: [Diagnostic]
  }

  static func compile(_ file: SourceFile, sets: [String]) -> Compiled {
    let outcome = CheckPipeline.check(file)
    guard let workflow = outcome.workflow, !outcome.hasErrors else {
      return Compiled(plan: nil, workflow: outcome.workflow, diagnostics: outcome.diagnostics)
    }
    var diagnostics = outcome.diagnostics
    var vars: [String: JSONValue] = [:]
    var planVars: [PlanVar] = []
    for v in workflow.vars { vars[v.name.value] = JSONValue(v.value) }
    var overridden = Set<String>()
    for assignment in sets {
      guard let eq = assignment.firstIndex(of: "=") else { continue }
      let name = String(assignment[..<eq])
      let text = String(assignment[assignment.index(after: eq)...])
      guard vars[name] != nil else {
        diagnostics.append(
          .error("run.unknown-var", "--set names '\(name)', which is not a var of this workflow", at: nil))
        continue
      }
      vars[name] =
        Double(text).map(JSONValue.number)
        ?? (text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text))
      overridden.insert(name)
    }
    for v in workflow.vars {
      planVars.append(
        PlanVar(name: v.name.value, value: vars[v.name.value]!, overridden: overridden.contains(v.name.value))
      )
    }
    let base = (file.path as NSString).deletingLastPathComponent
    var specs: [PlanNodeSpec] = []
    for node in workflow.nodes {
      var used: [String] = []
      let params = node.params.map { p in
        PlanParam(p.name.value, substitute(p.value, vars, &used), vars: used)
      }
      let inputs = node.inputs.map(\.value)
      if let name = node.model?.value, let decl = workflow.model(name) {
        let spec = ModelSpec(
          name: name, type: decl.type?.value ?? node.type?.value ?? "model",
          concepts: decl.concepts?.map(\.value),
          backend: decl.backend.map { BackendConfig($0, baseDirectory: base) },
          clarifaiModelId: decl.clarifai?.modelId.value, declaration: decl)
        specs.append(
          PlanNodeSpec(id: node.id.value, type: spec.type, kind: .model(spec), inputs: inputs, params: params)
        )
      } else {
        specs.append(
          PlanNodeSpec(
            id: node.id.value, type: node.type?.value ?? "?", kind: .operator, inputs: inputs, params: params)
        )
      }
    }
    guard !diagnostics.hasErrors else {
      return Compiled(plan: nil, workflow: workflow, diagnostics: diagnostics)
    }
    let (plan, planDiagnostics) = Planner().plan(
      workflowId: workflow.id?.value ?? "workflow", nodes: specs, vars: planVars)
    return Compiled(plan: plan, workflow: workflow, diagnostics: diagnostics + planDiagnostics)
  }

  private static func substitute(_ value: ParamValue, _ vars: [String: JSONValue], _ used: inout [String])
    -> JSONValue
  {
    switch value {
    case .varRef(let name):
      if !used.contains(name.value) { used.append(name.value) }
      return vars[name.value] ?? .null
    case .list(let items, _): return .array(items.map { substitute($0, vars, &used) })
    case .map(let params, _):
      var o: [String: JSONValue] = [:]
      for p in params { o[p.name.value] = substitute(p.value, vars, &used) }
      return .object(o)
    case .scalar: return JSONValue(value)
    }
  }
}
