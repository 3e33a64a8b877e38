/// `$name` references: each must name a var, or a parameter of the workflow's interface (which
/// becomes a var inside it, Design.md §2).
extension NativeParser {
  mutating func checkVarReferences(_ workflow: Workflow) {
    var names: [String: SourceRange] = [:]
    for v in workflow.vars { names[v.name.value] = v.name.range }
    for p in workflow.interface?.params ?? [] {
      if let declared = names[p.name.value] {
        context.error(
          "syntax.duplicate-var", "parameter '\(p.name.value)' has the name of a var", at: p.name.range,
          notes: [Note("the var is declared here", at: declared)])
      }
      names[p.name.value] = p.name.range
    }
    var values: [ParamValue] = []
    for node in workflow.nodes { values += node.params.map(\.value) }
    for model in workflow.models {
      values += model.params.map(\.value)
      if let backend = model.backend { values += [backend.value] + backend.options.map(\.value) }
    }
    var candidates: [String] = []
    for name in workflow.vars.map(\.name.value) + (workflow.interface?.params.map(\.name.value) ?? [])
    where !candidates.contains(name) {
      candidates.append(name)
    }
    for ref in values.flatMap(\.varReferences) where names[ref.value] == nil && !varsUnread {
      reportUnknownVar(ref, candidates: candidates)
    }
  }

  private mutating func reportUnknownVar(_ ref: Located<String>, candidates: [String]) {
    let notes =
      candidates.isEmpty
      ? [Note("declare it under 'vars:', or quote the value (\"$\(ref.value)\") to mean the text")]
      : [Note("vars: \(candidates.joined(separator: ", "))")]
    let suggestion = DidYouMean.suggestion(for: ref.value, at: ref.range, in: candidates, shown: { "$" + $0 })
    context.error(
      "syntax.unknown-var", "no var named '\(ref.value)'\(suggestion?.clause ?? "")", at: ref.range,
      notes: notes, fixIts: suggestion?.fixIts ?? [])
  }
}
