/// `models:` of the native dialect, and models written inline on a node.
extension NativeParser {
  static let modelKeys = [
    "type", "concepts", "backend", "params", "model_id", "user_id", "app_id", "model_version_id",
  ]

  mutating func parseModels(_ node: YAMLNode, into workflow: inout Workflow) {
    guard let m = context.mapping(node, "'models'") else { return }
    for pair in m.entries {
      guard let name = context.keyString(pair) else { continue }
      guard !name.value.isEmpty else {
        context.error("syntax.empty-value", "a model name must not be empty", at: name.range)
        continue
      }
      modelNames[name.value] = name.range
      guard let body = context.mapping(pair.value, "model '\(name.value)'") else { continue }
      workflow.models.append(parseModelBody(body, name: name, place: "a model"))
    }
  }

  /// `{type, concepts, backend, params, model_id, user_id, app_id, model_version_id}`.
  mutating func parseModelBody(_ m: YAMLMapping, name: Located<String>, place: String) -> ModelDecl {
    context.checkKeys(m, allowed: Self.modelKeys, in: place)
    var decl = ModelDecl(name: name, range: m.range)
    decl.type = m["type"].flatMap { context.nonEmptyString($0, "'type'") }
    decl.concepts = m["concepts"].flatMap { parseConcepts($0) }
    decl.backend = m["backend"].flatMap { BackendParser.parse($0, context: &context) }
    if let p = m["params"], let params = context.mapping(p, "'params'") {
      decl.params = NativeParser.params(params, context: &context)
    }
    decl.clarifai = parseIdentity(m, name: name)
    return decl
  }

  /// `concepts: [cat, dog]`: non-empty strings, each once.
  private mutating func parseConcepts(_ node: YAMLNode) -> [Located<String>]? {
    guard let list = context.sequence(node, "'concepts'") else { return nil }
    var seen: [String: SourceRange] = [:]
    var concepts: [Located<String>] = []
    for item in list.items {
      guard let concept = context.nonEmptyString(item, "a concept") else { continue }
      if let first = seen[concept.value] {
        context.error(
          "syntax.duplicate-concept", "concept '\(concept.value)' is listed twice", at: concept.range,
          notes: [Note("first listed here", at: first)])
        continue
      }
      seen[concept.value] = concept.range
      concepts.append(concept)
    }
    return concepts
  }

  /// The model's Clarifai identity, when it names one (`model_id` and optionally the others).
  private mutating func parseIdentity(_ m: YAMLMapping, name: Located<String>) -> ClarifaiModelRef? {
    func id(_ key: String) -> Located<String>? {
      guard let node = m[key], let value = context.string(node, "'\(key)'") else { return nil }
      context.checkClarifaiID(value, key)
      return value
    }
    let modelId = id("model_id")
    let userId = id("user_id")
    let appId = id("app_id")
    let version = m["model_version_id"].flatMap { context.string($0, "'model_version_id'") }
    if let version { context.checkVersionID(version) }
    guard let modelId else {
      if m["model_id"] == nil {
        for key in ["user_id", "app_id", "model_version_id"] {
          guard let pair = m.pair(key) else { continue }
          context.error(
            "syntax.missing-key",
            "'\(key)' names part of a Clarifai model, but model '\(name.value)' has no 'model_id'",
            at: pair.key.range)
        }
      }
      return nil
    }
    return ClarifaiModelRef(modelId: modelId, modelVersionId: version, userId: userId, appId: appId)
  }
}
