import Testing

@testable import WeirCore

/// A stand-in for the native and Clarifai parsers (which live on another branch until it lands):
/// just enough to build `Workflow` ASTs from YAML for the checker's unit tests. It reports nothing
/// and accepts only well-formed files.
enum TestWorkflow {
  /// Parses `text` in the dialect its top level shows; `file` is kept for rendering.
  static func parse(_ text: String, path: String = "test.yaml") -> (Workflow, SourceFile) {
    let file = SourceFile(path: path, text: text)
    let (node, diagnostics) = YAMLLoader().load(file)
    precondition(diagnostics.isEmpty, "bad test YAML: \(diagnostics.map(\.message))")
    guard case .mapping(let root) = node else { fatalError("test YAML must be a mapping") }
    if case .mapping(let workflow) = root["workflow"] { return (clarifai(workflow, range: root.range), file) }
    return (native(root), file)
  }

  static func native(_ root: YAMLMapping) -> Workflow {
    var workflow = Workflow(dialect: .native, range: root.range)
    workflow.id = located(root["workflow"])
    workflow.description = located(root["description"])
    if case .mapping(let vars) = root["vars"] {
      workflow.vars = vars.entries.map { VarDecl(name: key($0), value: ParamValue($0.value)) }
    }
    if root["input"] != nil || root["params"] != nil {
      let input = root["input"].map(strings) ?? []
      let params = root["params"]?.mapping?.entries.map { Param(name: key($0), value: ParamValue($0.value)) } ?? []
      workflow.interface = WorkflowInterface(input: input, params: params)
    }
    for entry in root["models"]?.mapping?.entries ?? [] {
      let m = entry.value.mapping
      var model = ModelDecl(name: key(entry), type: located(m?["type"]), range: entry.value.range)
      model.concepts = m?["concepts"].map(strings)
      if let id = located(m?["model_id"]) { model.clarifai = ClarifaiModelRef(modelId: id) }
      model.params = params(m?["params"])
      workflow.models.append(model)
    }
    for entry in root["nodes"]?.mapping?.entries ?? [] {
      let m = entry.value.mapping
      var node = WorkflowNode(id: key(entry), type: located(m?["type"]), range: entry.value.range)
      node.model = located(m?["model"])
      node.inputs = (m?["input"] ?? m?["inputs"]).map(strings) ?? []
      node.params = params(m?["params"])
      workflow.nodes.append(node)
    }
    return workflow
  }

  static func clarifai(_ root: YAMLMapping, range: SourceRange) -> Workflow {
    var workflow = Workflow(dialect: .clarifai, id: located(root["id"]), range: range)
    for item in root["nodes"]?.sequence?.items ?? [] {
      guard let n = item.mapping, let id = located(n["id"]), let m = n["model"]?.mapping,
        let modelId = located(m["model_id"])
      else { continue }
      var model = ModelDecl(name: id, type: located(m["model_type_id"]), range: m.range)
      model.clarifai = ClarifaiModelRef(
        modelId: modelId, modelVersionId: located(m["model_version_id"]), userId: located(m["user_id"]),
        appId: located(m["app_id"]))
      workflow.models.append(model)
      var node = WorkflowNode(id: id, model: id, range: n.range)
      node.inputs = n["node_inputs"]?.sequence?.items.compactMap { located($0.mapping?["node_id"]) } ?? []
      node.params = params(m["output_info"]?.mapping?["params"])
      workflow.nodes.append(node)
    }
    return workflow
  }

  static func key(_ pair: YAMLPair) -> Located<String> { Located(pair.keyString ?? "", pair.key.range) }

  static func located(_ node: YAMLNode?) -> Located<String>? {
    node?.scalar.map { Located($0.value, $0.range) }
  }

  static func strings(_ node: YAMLNode) -> [Located<String>] {
    if let s = node.scalar { return [Located(s.value, s.range)] }
    return node.sequence?.items.compactMap(located) ?? []
  }

  static func params(_ node: YAMLNode?) -> [Param] {
    node?.mapping?.entries.map { Param(name: key($0), value: ParamValue($0.value)) } ?? []
  }
}
