extension ReplSession {
  /// `show NODE`: the node, what it reads and who reads it, its parameters in force, and — from the
  /// checker and the band analysis — the kind and the confidence bands that reach it.
  func show(_ name: String) -> ReplResponse {
    guard let checked else { return .error("no workflow loaded; use 'load FILE' first") }
    guard let node = checked.node(name) else {
      let hint = NameSuggester.didYouMean(name, in: checked.nodes.map(\.id))
      return .error("no node is named '\(name)'\(hint)")
    }
    let readers = checked.readers(of: .node(name))
    let inputs = node.inputs.map { ref -> String in
      if case .node(let id) = ref { return id }
      return "IN (the workflow input)"
    }
    let params = node.params.map { p -> (name: String, value: String) in
      let via = p.vars.isEmpty ? "" : "  (via " + p.vars.map { "$" + $0 }.joined(separator: ", ") + ")"
      let source = p.source == .defaultValue ? "  (default)" : ""
      return (p.name, "\(p.value)\(via)\(source)")
    }
    var lines = [
      "\(name): "
        + (node.type.map { "\($0.name) (\($0.family.rawValue), runs as \($0.role.rawValue))" }
          ?? "unknown type")
    ]
    if let model = node.syntax.model?.value { lines.append("  model: \(model)") }
    lines.append("  reads: " + inputs.joined(separator: ", "))
    lines.append("  read by: " + (readers.isEmpty ? "nothing" : readers.joined(separator: ", ")))
    lines.append("  kind in: " + (node.inputKind.map { "\($0)" } ?? "unknown"))
    lines.append("  kind out: " + (node.outputKind.map { "\($0)" } ?? "unknown"))
    if !params.isEmpty {
      var table = ReplTextTable([])
      for (k, v) in params { table.add([k, v]) }
      lines.append("  params:\n" + table.render(indent: "    "))
    }
    // TODO: the confidence bands reaching the node, from the band analysis once lint has landed.
    let report = NodeReport(
      node: name, type: node.type?.name, inputs: inputs, readers: readers, params: params,
      kind: node.inputKind.map { "\($0)" }, bands: [], text: lines.joined(separator: "\n"))
    return ReplResponse(text: report.text, payload: .node(report))
  }

  /// `plan`: the execution plan of the workflow with the current settings.
  func plan() -> ReplResponse {
    guard effectiveWorkflow != nil else { return .error("no workflow loaded; use 'load FILE' first") }
    // TODO: the planner's rendering once the planner has landed.
    return .error("'plan' is not available in this build")
  }

  /// `check`: the type checker on the workflow with the current settings.
  func check() -> ReplResponse {
    guard let document, let effective = effectiveWorkflow else {
      return .error("no workflow loaded; use 'load FILE' first")
    }
    let diagnostics = ReplToolchain.check(effective, library: library).diagnostics
    let errors = diagnostics.filter { $0.severity == .error }.count
    let text = diagnostics.isEmpty ? "no problems" : ReplToolchain.render(diagnostics, document.source)
    return ReplResponse(
      status: errors > 0 ? .error : .ok, text: text, diagnostics: diagnostics, payload: .text)
  }

  /// `lint`: check plus lint rules, on the workflow with the current settings.
  func lint() -> ReplResponse {
    guard effectiveWorkflow != nil else { return .error("no workflow loaded; use 'load FILE' first") }
    // TODO: the lint rules once landed.
    return .error("'lint' is not available in this build")
  }
}
