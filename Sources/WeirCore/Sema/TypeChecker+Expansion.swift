extension TypeChecker.Run {
  /// Checks the workflow behind a workflow-typed node (`triage`) with the node's input as its `IN`
  /// and the node's parameters as its vars, and keeps it as the node's expansion. Its errors are
  /// reported on the node, since they are in another file.
  mutating func expand(at i: Int) {
    let node = nodes[i]
    guard let type = node.type, let body = type.workflow else { return }
    let stack = instance?.stack ?? []
    let at = node.syntax.type?.range ?? node.syntax.id.range
    guard !stack.contains(type.name) else {
      let cycle = (stack + [type.name]).map { "'\($0)'" }.joined(separator: " -> ")
      diagnostics.append(
        .error("check.recursive-type", "workflow type '\(type.name)' uses itself: \(cycle)", at: at))
      return
    }
    var vars: [String: VarBinding] = [:]
    for param in node.params {
      vars[param.name] = VarBinding(name: param.name, value: .synthetic(param.value), valueRange: nil)
    }
    let instance = Instance(inputKind: node.inputKind, vars: vars, stack: stack + [type.name])
    let (expansion, problems) = checker.check(body, overrides: Overrides(), instance: instance)
    nodes[i].expansion = expansion
    for problem in problems where problem.severity == .error {
      diagnostics.append(.error(problem.id, "in \(node.label): \(problem.message)", at: at))
    }
  }
}
