/// The `model:` block of a Clarifai node: identity, type, and `output_info` parameters.
extension ClarifaiParser {
  /// The node's model declaration (named after the node) and the node's parameters.
  /// `paramsUnread` when `output_info` (or its `params` or `data`) is misspelt or malformed.
  mutating func parseModel(_ m: YAMLMapping, name: Located<String>) -> (
    ModelDecl, params: [Param], paramsUnread: Bool
  ) {
    context.checkKeys(m, allowed: Self.modelKeys, in: "a Clarifai model")
    var decl = ModelDecl(name: name, range: m.range)
    let modelId = m["model_id"].flatMap { identifier($0, "model_id") }
    if modelId == nil, m["model_id"] == nil {
      context.error(
        "syntax.missing-key", "the model of node '\(name.value)' has no 'model_id'", at: name.range)
    }
    let version = m["model_version_id"].flatMap { context.string($0, "'model_version_id'") }
    if let version { context.checkVersionID(version) }
    let userId = m["user_id"].flatMap { identifier($0, "user_id") }
    let appId = m["app_id"].flatMap { identifier($0, "app_id") }
    decl.type = m["model_type_id"].flatMap { identifier($0, "model_type_id") }
    let description = m["description"].flatMap { context.string($0, "'description'") }
    if let modelId {
      decl.clarifai = ClarifaiModelRef(
        modelId: modelId, modelVersionId: version, userId: userId, appId: appId, description: description)
    }
    if let version { checkPinned(m, version: version) }
    guard let info = m["output_info"] else {
      return (decl, [], context.wasSuggested("output_info", in: m))
    }
    let (params, unread) = parseOutputInfo(info)
    return (decl, params, unread)
  }

  private mutating func identifier(_ node: YAMLNode, _ what: String) -> Located<String>? {
    guard let id = context.string(node, "'\(what)'") else { return nil }
    context.checkClarifaiID(id, what)
    return id
  }

  /// A pinned version fixes the model's type, description and output_info, so clarifai-python
  /// rejects them beside `model_version_id` ("model should not set model_version_id and other
  /// model fields").
  private mutating func checkPinned(_ m: YAMLMapping, version: Located<String>) {
    for pair in m.entries {
      guard let key = pair.keyString, Self.modelKeys.contains(key), !Self.pinnedModelKeys.contains(key) else {
        continue
      }
      context.error(
        "syntax.pinned-model-field", "a model with a model_version_id cannot also set '\(key)'",
        at: pair.key.range,
        notes: [
          Note(
            "the version pinned here fixes the model's type, description and output_info", at: version.range),
          Note("remove '\(key)', or remove model_version_id to let clarifai-python create a new version"),
        ])
    }
  }

  /// `output_info: {params: {…}, data: {concepts: [{id, value}]}}` as node parameters.
  /// Whether they could all be read comes second.
  private mutating func parseOutputInfo(_ node: YAMLNode) -> ([Param], Bool) {
    guard let info = context.mapping(node, "'output_info'") else { return ([], true) }
    context.checkKeys(info, allowed: ["params", "data"], in: "output_info")
    var params: [Param] = []
    var unread = context.wasSuggested("params", in: info) || context.wasSuggested("data", in: info)
    if let p = info["params"] {
      if let map = context.mapping(p, "'output_info.params'") {
        params = Self.literalParams(map, context: &context)
      } else {
        unread = true
      }
    }
    if let dataPair = info.pair("data") {
      context.warning(
        "syntax.sdk-incompatible",
        "clarifai-python's create_workflow rejects 'output_info.data'; weir reads its concepts as the node's 'concepts' parameter",
        at: dataPair.key.range,
        notes: [
          Note(
            "to stay compatible with the SDK, write the thresholds as 'output_info.params.concepts: {cat: 0.95}'"
          )
        ])
      if let concepts = parseDataConcepts(dataPair.value) {
        if let earlier = params.first(where: { $0.name.value == "concepts" }) {
          context.error(
            "syntax.duplicate-concepts", "per-concept thresholds are given twice", at: concepts.name.range,
            notes: [Note("'output_info.params.concepts' gives them here", at: earlier.name.range)])
        } else {
          params.append(concepts)
        }
      } else {
        unread = true
      }
    }
    return (params, unread)
  }

  /// `data: {concepts: [{id: cat, value: 0.95}]}` as a `concepts` map parameter `{cat: 0.95}`.
  private mutating func parseDataConcepts(_ node: YAMLNode) -> Param? {
    guard let data = context.mapping(node, "'output_info.data'") else { return nil }
    context.checkKeys(data, allowed: ["concepts"], in: "output_info.data")
    guard let pair = data.pair("concepts"), let list = context.sequence(pair.value, "'concepts'") else {
      return nil
    }
    var entries: [Param] = []
    var seen: [String: SourceRange] = [:]
    for item in list.items {
      guard let entry = context.mapping(item, "a concept threshold") else { continue }
      context.checkKeys(entry, allowed: ["id", "value"], in: "a concept threshold")
      let head = entry.entries.first?.key.range ?? entry.range
      let id = context.require("id", in: entry, of: "this concept", at: head).flatMap {
        context.nonEmptyString($0, "a concept id")
      }
      let value = context.require("value", in: entry, of: "this concept", at: head)
      guard let id, let value, context.number(value, "a concept threshold") != nil else { continue }
      if let first = seen[id.value] {
        context.error(
          "syntax.duplicate-concept", "concept '\(id.value)' is given twice", at: id.range,
          notes: [Note("first given here", at: first)])
        continue
      }
      seen[id.value] = id.range
      entries.append(Param(name: id, value: .literal(value)))
    }
    return Param(name: Located("concepts", pair.key.range), value: .map(entries, list.range))
  }

  /// Parameters as written; Clarifai has no vars, so `$x` stays a string.
  static func literalParams(_ m: YAMLMapping, context: inout SyntaxContext) -> [Param] {
    m.entries.compactMap { pair in
      guard let key = context.keyString(pair) else { return nil }
      return Param(name: key, value: .literal(pair.value))
    }
  }
}

extension ParamValue {
  /// A YAML node as a value, with no `$var` references (the Clarifai dialect has no vars).
  static func literal(_ node: YAMLNode) -> ParamValue {
    switch node {
    case .scalar(let s):
      return .scalar(s)
    case .sequence(let seq):
      return .list(seq.items.map(literal), seq.range)
    case .mapping(let m):
      return .map(
        m.entries.map { Param(name: Located($0.keyString ?? "", $0.key.range), value: literal($0.value)) },
        m.range)
    }
  }
}
