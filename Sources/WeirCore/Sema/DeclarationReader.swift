/// Reads declaration files, weir's YAML for node types and models (`stdlib/types/*.yaml`,
/// `stdlib/models/*.yaml`, users' `--types` files):
///
/// ```yaml
/// weir: 1
/// types:
///   region-thresholder: {family: filter, runs: operator, input: regions[...].data.concepts, …}
/// models:
///   face-detection: {type: visual-detector, user_id: clarifai, app_id: main}
/// ```
///
/// Mistakes are diagnostics with ids `types.*`, pointing into the declaration file.
struct DeclarationReader {
  /// The file's name, kept on what it declares.
  let origin: String
  var diagnostics: [Diagnostic] = []

  init(origin: String) {
    self.origin = origin
  }

  static let fileKeys = ["weir", "types", "models"]
  static let typeKeys = [
    "family", "runs", "doc", "aliases", "input", "output", "pass_through", "look_back", "sequential",
    "open_params", "requires_one_of", "params",
  ]
  static let paramKeys = [
    "type", "doc", "required", "default", "range", "values", "aliases", "must_contain", "clarifai",
  ]
  static let modelKeys = ["type", "user_id", "app_id", "concepts", "params", "doc"]

  /// Reads a whole declaration file.
  mutating func read(_ root: ParamValue) -> (types: [NodeType], models: [CatalogModel]) {
    guard let entries = mapping(root, what: "a declaration file") else { return ([], []) }
    checkKeys(entries, allowed: DeclarationReader.fileKeys, in: "a declaration file")
    if let version = entries.first(where: { $0.name.value == "weir" }) {
      if case .scalar(let s) = version.value, s.resolved == .int(1) {
      } else {
        diagnostics.append(
          .error("types.bad-value", "this weir reads version 1 files ('weir: 1')", at: version.value.range))
      }
    }
    var types: [NodeType] = []
    var models: [CatalogModel] = []
    if let section = entries.first(where: { $0.name.value == "types" }),
      let list = mapping(section.value, what: "'types'")
    {
      for entry in list {
        if let type = nodeType(name: entry.name, entry.value) { types.append(type) }
      }
    }
    if let section = entries.first(where: { $0.name.value == "models" }),
      let list = mapping(section.value, what: "'models'")
    {
      for entry in list {
        if let model = catalogModel(name: entry.name, entry.value) { models.append(model) }
      }
    }
    return (types, models)
  }

  // MARK: - Node types

  mutating func nodeType(name: Located<String>, _ value: ParamValue) -> NodeType? {
    let what = "node type '\(name.value)'"
    guard let entries = mapping(value, what: what) else { return nil }
    checkKeys(entries, allowed: DeclarationReader.typeKeys, in: what)
    let fields = Dictionary(entries.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
    let families = NodeFamily.allCases.filter { $0 != .workflow }.map(\.rawValue)
    guard
      let family = choice(fields["family"], among: families, what: "'family' of \(what)", owner: name.range)
        .flatMap(NodeFamily.init(rawValue:)),
      let role = choice(
        fields["runs"], among: ["model", "operator"], what: "'runs' of \(what)", owner: name.range
      )
      .flatMap(NodeRole.init(rawValue:))
    else { return nil }
    var type = NodeType(name: name.value, family: family, role: role, inputs: [], origin: origin)
    type.nameRange = name.range
    type.doc = fields["doc"].flatMap { string($0.value, what: "'doc' of \(what)")?.value } ?? ""
    type.aliases =
      fields["aliases"].flatMap { strings($0.value, what: "'aliases' of \(what)") }?.map(\.value) ?? []
    type.passesThrough =
      fields["pass_through"].flatMap { bool($0.value, what: "'pass_through' of \(what)") } ?? false
    type.looksBack = fields["look_back"].flatMap { bool($0.value, what: "'look_back' of \(what)") } ?? false
    type.isSequential =
      fields["sequential"].flatMap { bool($0.value, what: "'sequential' of \(what)") } ?? false
    type.acceptsAnyParams =
      fields["open_params"].flatMap { bool($0.value, what: "'open_params' of \(what)") } ?? false
    guard let input = fields["input"] else {
      diagnostics.append(
        .error("types.missing-key", "\(what) needs 'input' (a kind, or Any)", at: name.range))
      return nil
    }
    type.inputs = requirements(input.value, what: "'input' of \(what)")
    if let output = fields["output"] {
      type.output = outputKind(output.value, what: "'output' of \(what)")
    } else if !type.passesThrough {
      diagnostics.append(
        .error("types.missing-key", "\(what) needs 'output', or 'pass_through: true'", at: name.range))
    }
    if let params = fields["params"], let list = mapping(params.value, what: "'params' of \(what)") {
      type.params = list.compactMap { paramDecl(name: $0.name, $0.value, owner: what) }
    }
    if let groups = fields["requires_one_of"] {
      type.requiresOneOf = requiresOneOf(groups.value, params: type.params, what: what)
    }
    return type
  }

  mutating func requirements(_ value: ParamValue, what: String) -> [KindRequirement] {
    guard let texts = strings(value, what: what) else { return [] }
    var result: [KindRequirement] = []
    for text in texts {
      do throws(KindError) {
        result.append(try KindRequirement(parsing: text.value))
      } catch {
        diagnostics.append(.error("types.invalid-kind", error.message, at: text.range))
      }
    }
    return result
  }

  /// An output: one kind, or a list of kinds that are all given.
  mutating func outputKind(_ value: ParamValue, what: String) -> Kind {
    var kind = Kind()
    for requirement in requirements(value, what: what) {
      switch requirement {
      case .any:
        diagnostics.append(
          .error("types.invalid-kind", "an output cannot be Any; write 'pass_through: true'", at: value.range)
        )
      case .oneOf(let kinds):
        if kinds.count > 1 {
          diagnostics.append(
            .error("types.invalid-kind", "an output cannot be one of several kinds", at: value.range))
        }
        kinds.forEach { kind.formUnion($0) }
      }
    }
    return kind
  }

  mutating func requiresOneOf(_ value: ParamValue, params: [ParamDecl], what: String) -> [[String]] {
    guard case .list(let groups, _) = value else {
      diagnostics.append(
        .error("types.bad-value", "'requires_one_of' of \(what) must be a list of lists", at: value.range))
      return []
    }
    return groups.compactMap { group in
      guard let names = strings(group, what: "'requires_one_of' of \(what)") else { return nil }
      for name in names where !params.contains(where: { $0.name == name.value }) {
        diagnostics.append(
          .error("types.bad-value", "\(what) has no parameter '\(name.value)'", at: name.range))
      }
      return names.map(\.value)
    }
  }

  // MARK: - Catalog models

  mutating func catalogModel(name: Located<String>, _ value: ParamValue) -> CatalogModel? {
    let what = "model '\(name.value)'"
    guard let entries = mapping(value, what: what) else { return nil }
    checkKeys(entries, allowed: DeclarationReader.modelKeys, in: what)
    let fields = Dictionary(entries.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
    guard let typeField = fields["type"], let type = string(typeField.value, what: "'type' of \(what)") else {
      diagnostics.append(.error("types.missing-key", "\(what) needs 'type' (its model type)", at: name.range))
      return nil
    }
    var model = CatalogModel(id: name.value, type: type.value, origin: origin)
    model.typeRange = type.range
    model.userId = fields["user_id"].flatMap { string($0.value, what: "'user_id' of \(what)")?.value }
    model.appId = fields["app_id"].flatMap { string($0.value, what: "'app_id' of \(what)")?.value }
    model.doc = fields["doc"].flatMap { string($0.value, what: "'doc' of \(what)")?.value } ?? ""
    if let concepts = fields["concepts"] {
      model.concepts = catalogConcepts(concepts.value, what: "'concepts' of \(what)")
    }
    if let params = fields["params"], let list = mapping(params.value, what: "'params' of \(what)") {
      model.writtenParams = list
    }
    return model
  }

  /// `[cat, dog]` or `[{id: ai_b1b1b1b1, name: BINARY_POSITIVE}]`.
  mutating func catalogConcepts(_ value: ParamValue, what: String) -> [CatalogConcept]? {
    guard case .list(let items, _) = value else {
      diagnostics.append(.error("types.bad-value", "\(what) must be a list of concepts", at: value.range))
      return nil
    }
    return items.compactMap { item in
      if case .scalar(let s) = item { return CatalogConcept(id: s.value) }
      guard let fields = mapping(item, what: "a concept of \(what)") else { return nil }
      checkKeys(fields, allowed: ["id", "name"], in: "a concept of \(what)")
      guard
        let id = fields.first(where: { $0.name.value == "id" }).flatMap({ string($0.value, what: "'id'") })
      else {
        diagnostics.append(.error("types.missing-key", "a concept of \(what) needs 'id'", at: item.range))
        return nil
      }
      let name = fields.first(where: { $0.name.value == "name" }).flatMap { string($0.value, what: "'name'") }
      return CatalogConcept(id: id.value, name: name?.value)
    }
  }

  // MARK: - Shapes

  /// The entries of a mapping, or a diagnostic.
  mutating func mapping(_ value: ParamValue, what: String) -> [Param]? {
    if case .map(let entries, _) = value { return entries }
    diagnostics.append(.error("types.bad-value", "\(what) must be a mapping", at: value.range))
    return nil
  }

  mutating func checkKeys(_ entries: [Param], allowed: [String], in what: String) {
    for entry in entries where !allowed.contains(entry.name.value) {
      let suggestion = NameSuggester.suggestion(for: entry.name.value, at: entry.name.range, in: allowed)
      diagnostics.append(
        .error(
          "types.unknown-key", "unknown key '\(entry.name.value)' in \(what)\(suggestion?.clause ?? "")",
          at: entry.name.range, notes: [Note("allowed keys: " + allowed.joined(separator: ", "))],
          fixIts: suggestion?.fixIts ?? []))
    }
  }

  /// A scalar's text (numbers and booleans as written).
  mutating func string(_ value: ParamValue, what: String) -> Located<String>? {
    switch value {
    case .scalar(let s): return Located(s.value, s.range)
    case .varRef(let ref): return Located("$" + ref.value, ref.range)
    default:
      diagnostics.append(.error("types.bad-value", "\(what) must be a string", at: value.range))
      return nil
    }
  }

  /// One string or a list of strings.
  mutating func strings(_ value: ParamValue, what: String) -> [Located<String>]? {
    if case .list(let items, _) = value {
      let result = items.compactMap { string($0, what: what) }
      return result.count == items.count ? result : nil
    }
    return string(value, what: what).map { [$0] }
  }

  mutating func bool(_ value: ParamValue, what: String) -> Bool? {
    if case .scalar(let s) = value, case .bool(let b) = s.resolved { return b }
    diagnostics.append(.error("types.bad-value", "\(what) must be true or false", at: value.range))
    return nil
  }

  /// A required key whose value is one of `names` (`family`, `runs`).
  mutating func choice(_ entry: Param?, among names: [String], what: String, owner: SourceRange) -> String? {
    guard let entry else {
      diagnostics.append(
        .error("types.missing-key", "missing \(what): one of \(names.joined(separator: ", "))", at: owner))
      return nil
    }
    guard let text = string(entry.value, what: what) else { return nil }
    if names.contains(text.value) { return text.value }
    let suggestion = NameSuggester.suggestion(for: text.value, at: text.range, in: names, affixes: true)
    diagnostics.append(
      .error(
        "types.bad-value", "\(what) has no value '\(text.value)'\(suggestion?.clause ?? "")", at: text.range,
        notes: [Note("valid values: " + names.joined(separator: ", "))], fixIts: suggestion?.fixIts ?? []))
    return nil
  }
}
