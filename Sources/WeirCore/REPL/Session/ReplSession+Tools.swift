extension ReplSession {
  /// `show NODE`: the node, what it reads and who reads it, its parameters in force, and — from the
  /// checker and the band analysis — the kind and the confidence bands that reach it.
  func show(_ name: String) -> ReplResponse {
    guard let effective = effectiveWorkflow else { return .error("no workflow loaded; use 'load FILE' first") }
    guard let node = effective.node(name) else {
      let hint = NameSuggester.didYouMean(name, from: effective.nodes.map(\.id.value))
      return .error("no node is named '\(name)'\(hint)")
    }
    let type = PipelineCompiler(workflow: effective).nodeType(node)
    let readers = effective.nodes.filter { $0.inputs.contains { $0.value == name } }.map(\.id.value)
    let params = node.params.map { ($0.name.value, $0.value.flowText) }
    var lines = ["\(name)" + (type.map { ": \($0)" } ?? "")]
    lines.append("  reads: " + (node.inputs.isEmpty ? "IN (the workflow input)" : node.inputs.map(\.value).joined(separator: ", ")))
    lines.append("  read by: " + (readers.isEmpty ? "nothing" : readers.joined(separator: ", ")))
    if !params.isEmpty {
      var table = ReplTextTable([])
      for (k, v) in params { table.add([k, v]) }
      lines.append("  params:\n" + table.render(indent: "    "))
    }
    // TODO: the kind and confidence bands, from the checker and the band analysis once landed.
    let report = NodeReport(
      node: name, type: type, inputs: node.inputs.map(\.value), readers: readers, params: params, kind: nil, bands: [],
      text: lines.joined(separator: "\n"))
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
    guard let document, let effective = effectiveWorkflow else { return .error("no workflow loaded; use 'load FILE' first") }
    let diagnostics = ReplToolchain.check(effective, document.source).sortedUnique()
    let errors = diagnostics.filter { $0.severity == .error }.count
    let text = diagnostics.isEmpty ? "no problems" : ReplToolchain.render(diagnostics, document.source)
    return ReplResponse(status: errors > 0 ? .error : .ok, text: text, diagnostics: diagnostics, payload: .text)
  }

  /// `lint`: check plus lint rules, on the workflow with the current settings.
  func lint() -> ReplResponse {
    guard effectiveWorkflow != nil else { return .error("no workflow loaded; use 'load FILE' first") }
    // TODO: the lint rules once landed.
    return .error("'lint' is not available in this build")
  }
}
