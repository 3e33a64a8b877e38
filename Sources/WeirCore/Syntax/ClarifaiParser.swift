/// Parses clarifai-python's workflow YAML into the shared AST (Design.md §2; reference §1.1, §2).
///
/// The keys, id rules and the `model_version_id` rule are exactly those of clarifai-python's
/// `validate.py`, so a file this accepts without warnings, `create_workflow` accepts too. One
/// deliberate extension: per-concept thresholds in `output_info.data.concepts` (Clarifai's API
/// spelling) are read, with a warning, since the SDK would reject the file. Graph rules
/// (`node_inputs` naming earlier nodes) are `GraphChecker`'s, shared with the native dialect.
struct ClarifaiParser {
  var context = SyntaxContext()

  static let topKeys = ["workflow"]
  static let workflowKeys = ["id", "nodes"]
  static let nodeKeys = ["id", "model", "node_inputs"]
  static let modelKeys = [
    "model_id", "model_version_id", "user_id", "app_id", "model_type_id", "description", "output_info",
  ]
  /// Keys a model that pins a `model_version_id` may also set.
  static let pinnedModelKeys: Set = ["model_id", "model_version_id", "user_id", "app_id"]

  /// Parses a file whose top level holds `workflow:` as a mapping.
  mutating func parse(_ root: YAMLMapping) -> Workflow {
    var workflow = Workflow(dialect: .clarifai, range: root.range)
    context.checkKeys(root, allowed: Self.topKeys, in: "the top level of a Clarifai workflow")
    guard let pair = root.pair("workflow"), let body = context.mapping(pair.value, "'workflow'") else {
      return workflow
    }
    context.checkKeys(body, allowed: Self.workflowKeys, in: "a Clarifai workflow")
    if let idNode = context.require("id", in: body, of: "the workflow", at: pair.key.range),
      let id = context.string(idNode, "the workflow id")
    {
      context.checkClarifaiID(id, "workflow id")
      workflow.id = id
    }
    guard let nodesNode = context.require("nodes", in: body, of: "the workflow", at: pair.key.range),
      let nodes = context.sequence(nodesNode, "'nodes'")
    else { return workflow }
    if nodes.items.isEmpty {
      context.error(
        "syntax.empty-list", "'nodes' is empty; a workflow needs at least one node", at: nodes.range)
    }
    for (index, item) in nodes.items.enumerated() {
      guard let mapping = context.mapping(item, "a node") else { continue }
      parseNode(mapping, number: index + 1, into: &workflow)
    }
    return workflow
  }

  /// One `- id: …` entry of `nodes`, with its synthesized model (named after the node id).
  private mutating func parseNode(_ m: YAMLMapping, number: Int, into workflow: inout Workflow) {
    context.checkKeys(m, allowed: Self.nodeKeys, in: "a Clarifai node")
    let head = m.entries.first?.key.range ?? m.range
    var id: Located<String>?
    if let idNode = context.require("id", in: m, of: "node \(number)", at: head) {
      id = context.nonEmptyString(idNode, "a node id")
    }
    let owner = id.map { "node '\($0.value)'" } ?? "node \(number)"
    let inputs = m["node_inputs"].map { parseInputs($0) } ?? []
    var params: [Param] = []
    var paramsUnread = false
    var model: ModelDecl?
    var modelRef: Located<String>?
    if let modelPair = m.pair("model") {
      if let body = context.mapping(modelPair.value, "'model'") {
        let name = id ?? Located("", modelPair.key.range)
        (model, params, paramsUnread) = parseModel(body, name: name)
        modelRef = Located(name.value, modelPair.key.range)
      }
    } else if !context.wasSuggested("model", in: m) {
      context.error("syntax.missing-key", "\(owner) has no 'model'", at: id?.range ?? head)
    }
    // Without an id the node cannot be named or read; its model was still checked above.
    guard let id else { return }
    if let model { workflow.models.append(model) }
    workflow.nodes.append(
      WorkflowNode(
        id: id, model: modelRef, inputs: inputs, params: params, range: m.range, paramsUnread: paramsUnread))
  }

  /// `node_inputs: [{node_id: …}]`, a non-empty list.
  private mutating func parseInputs(_ node: YAMLNode) -> [Located<String>] {
    guard let list = context.sequence(node, "'node_inputs'") else { return [] }
    if list.items.isEmpty {
      context.error(
        "syntax.empty-list", "'node_inputs' is empty; leave it out to read the workflow input", at: list.range
      )
    }
    var inputs: [Located<String>] = []
    for item in list.items {
      guard let entry = context.mapping(item, "a node input") else { continue }
      context.checkKeys(entry, allowed: ["node_id"], in: "a node input")
      let head = entry.entries.first?.key.range ?? entry.range
      if let value = context.require("node_id", in: entry, of: "this node input", at: head),
        let id = context.nonEmptyString(value, "'node_id'")
      {
        inputs.append(id)
      }
    }
    return inputs
  }
}
