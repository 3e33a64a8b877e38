/// `nodes:` of the native dialect: a mapping from node id to `{type, model, input(s), params}`.
extension NativeParser {
  static let nodeKeys = ["type", "model", "input", "inputs", "params"]

  mutating func parseNodes(_ node: YAMLNode, into workflow: inout Workflow) {
    if let list = node.sequence {
      context.error(
        "syntax.wrong-type", "'nodes' must be a mapping from node id to node, not a list", at: list.range,
        notes: [
          Note(
            "a list of '- id: …' entries is the Clarifai form, which starts with 'workflow:' holding 'id' and 'nodes'"
          )
        ])
      return
    }
    guard let m = context.mapping(node, "'nodes'") else { return }
    if m.entries.isEmpty {
      context.error("syntax.empty-list", "'nodes' is empty; a workflow needs at least one node", at: m.range)
    }
    var seen: Set<String> = []
    for pair in m.entries {
      guard let key = context.keyString(pair) else { continue }
      guard !key.value.isEmpty else {
        context.error("syntax.empty-value", "a node id must not be empty", at: key.range)
        continue
      }
      // A repeated key is the YAML loader's error already; the first definition wins.
      guard seen.insert(key.value).inserted else { continue }
      guard let body = context.mapping(pair.value, "node '\(key.value)'") else { continue }
      workflow.nodes.append(parseNode(body, id: key, into: &workflow))
    }
  }

  private mutating func parseNode(_ m: YAMLMapping, id: Located<String>, into workflow: inout Workflow)
    -> WorkflowNode
  {
    context.checkKeys(m, allowed: Self.nodeKeys, in: "a node")
    var node = WorkflowNode(id: id, range: m.range)
    node.type = m["type"].flatMap { context.nonEmptyString($0, "'type'") }
    if let pair = m.pair("model") { node.model = parseModelReference(pair, node: id, into: &workflow) }
    if m["type"] == nil, m["model"] == nil {
      context.error(
        "syntax.missing-key", "node '\(id.value)' has neither a 'type' nor a 'model'", at: id.range,
        notes: [Note("an operator node names its 'type'; a model node names its 'model'")])
    }
    node.inputs = parseInputs(m)
    if let p = m["params"] {
      if let params = context.mapping(p, "'params'") {
        node.params = NativeParser.params(params, context: &context)
      } else {
        node.paramsUnread = true
      }
    } else {
      node.paramsUnread = context.wasSuggested("params", in: m)
    }
    return node
  }

  /// `model: pets` (a name from `models:`) or `model: {type: …, backend: …}` written inline,
  /// which declares a model named after the node.
  private mutating func parseModelReference(
    _ pair: YAMLPair, node id: Located<String>, into workflow: inout Workflow
  )
    -> Located<String>?
  {
    if let inline = pair.value.mapping {
      if let declared = modelNames[id.value] {
        context.error(
          "syntax.duplicate-model",
          "the inline model of node '\(id.value)' is named after the node, and a model '\(id.value)' is already declared",
          at: pair.key.range, notes: [Note("declared here", at: declared)])
      }
      workflow.models.append(parseModelBody(inline, name: id, place: "an inline model"))
      return Located(id.value, pair.key.range)
    }
    guard let name = context.nonEmptyString(pair.value, "'model'") else { return nil }
    if modelNames[name.value] == nil, !modelsMisspelt { reportUnknownModel(name) }
    return name
  }

  private mutating func reportUnknownModel(_ name: Located<String>) {
    let known = modelNames.keys.sorted()
    guard !known.isEmpty else {
      return context.error(
        "syntax.unknown-model", "no model named '\(name.value)'", at: name.range,
        notes: [Note("declare it under 'models:', or write the model inline: 'model: {type: …, backend: …}'")]
      )
    }
    let notes = [Note("models declared: \(known.joined(separator: ", "))")]
    let suggestion = DidYouMean.suggestion(for: name.value, at: name.range, in: known)
    context.error(
      "syntax.unknown-model", "no model named '\(name.value)'\(suggestion?.clause ?? "")", at: name.range,
      notes: notes, fixIts: suggestion?.fixIts ?? [])
  }

  /// `input: a` or `inputs: [a, b]`; the other form is accepted after an error with a fix-it.
  private mutating func parseInputs(_ m: YAMLMapping) -> [Located<String>] {
    let single = m.pair("input")
    let several = m.pair("inputs")
    if let single, let several {
      let (first, second) = single.key.range < several.key.range ? (single, several) : (several, single)
      context.error(
        "syntax.conflicting-keys", "a node takes 'input' or 'inputs', not both", at: second.key.range,
        notes: [Note("'\(first.keyString ?? "")' is given here", at: first.key.range)])
    }
    var inputs: [Located<String>] = []
    if let single {
      if let list = single.value.sequence {
        context.error(
          "syntax.wrong-type", "'input' takes one node id; use 'inputs' for a list", at: single.key.range,
          fixIts: [FixIt("use 'inputs'", range: single.key.range, replacement: "inputs")])
        inputs += list.items.compactMap { context.nonEmptyString($0, "a node id") }
      } else if let id = context.nonEmptyString(single.value, "'input'") {
        inputs.append(id)
      }
    }
    if let several { inputs += parseInputList(several) }
    return inputs
  }

  private mutating func parseInputList(_ pair: YAMLPair) -> [Located<String>] {
    if pair.value.scalar != nil, pair.value.scalar?.resolved != .null {
      context.error(
        "syntax.wrong-type", "'inputs' takes a list; use 'input' for one node id", at: pair.key.range,
        fixIts: [FixIt("use 'input'", range: pair.key.range, replacement: "input")])
      return context.nonEmptyString(pair.value, "'inputs'").map { [$0] } ?? []
    }
    guard let list = context.sequence(pair.value, "'inputs'") else { return [] }
    if list.items.isEmpty {
      context.error(
        "syntax.empty-list", "'inputs' is empty; leave it out to read the workflow input", at: list.range)
    }
    return list.items.compactMap { context.nonEmptyString($0, "a node id") }
  }

  /// `params:` entries; plain `$name` values are var references.
  static func params(_ m: YAMLMapping, context: inout SyntaxContext) -> [Param] {
    m.entries.compactMap { pair in
      guard let key = context.keyString(pair) else { return nil }
      return Param(name: key, value: ParamValue(pair.value))
    }
  }
}
