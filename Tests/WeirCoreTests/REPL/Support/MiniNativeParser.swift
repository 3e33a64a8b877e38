@testable import WeirCore

/// A stand-in for the syntax stage's parser until it lands: reads the native dialect's `vars`,
/// `models` and `nodes` into the shared AST, with the loader's ranges. No diagnostics.
enum MiniNativeParser {
  static func parse(_ file: SourceFile) -> (workflow: Workflow?, diagnostics: [Diagnostic]) {
    let (node, diagnostics) = YAMLLoader().load(file)
    guard let root = node?.mapping else { return (nil, diagnostics) }
    var workflow = Workflow(dialect: .native, range: root.range)
    if let vars = root["vars"]?.mapping {
      workflow.vars = vars.entries.map { VarDecl(name: Located($0.keyString ?? "", $0.key.range), value: ParamValue($0.value)) }
    }
    if let models = root["models"]?.mapping {
      workflow.models = models.entries.map { model($0.keyString ?? "", $0.key.range, $0.value) }
    }
    for entry in root["nodes"]?.mapping?.entries ?? [] {
      guard let body = entry.value.mapping else { continue }
      var n = WorkflowNode(id: Located(entry.keyString ?? "", entry.key.range), range: entry.value.range)
      if let t = body["type"]?.scalar { n.type = Located(t.value, t.range) }
      if let m = body["model"]?.scalar { n.model = Located(m.value, m.range) }
      if let i = body["input"]?.scalar { n.inputs = [Located(i.value, i.range)] }
      if let list = body["inputs"]?.sequence { n.inputs = list.items.compactMap(\.scalar).map { Located($0.value, $0.range) } }
      if case .map(let params, _)? = body["params"].map(ParamValue.init) { n.params = params }
      workflow.nodes.append(n)
    }
    return (workflow, diagnostics)
  }

  private static func model(_ name: String, _ range: SourceRange, _ node: YAMLNode) -> ModelDecl {
    var decl = ModelDecl(name: Located(name, range), range: node.range)
    let body = node.mapping
    if let t = body?["type"]?.scalar { decl.type = Located(t.value, t.range) }
    if let list = body?["concepts"]?.sequence { decl.concepts = list.items.compactMap(\.scalar).map { Located($0.value, $0.range) } }
    if let backend = body?["backend"]?.mapping, let first = backend.entries.first {
      decl.backend = BackendSpec(
        kind: Located(first.keyString ?? "", first.key.range), value: ParamValue(first.value), range: backend.range)
    }
    return decl
  }
}
