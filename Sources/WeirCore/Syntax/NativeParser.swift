/// Parses weir's own dialect into the shared AST (Design.md §2, Documentation/Language.md).
///
/// ```yaml
/// weir: 1
/// workflow: auto-annotation
/// vars: {accept: 0.95}
/// models:
///   pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: predictions.json}}
/// nodes:
///   detect: {model: pets}
///   sure: {type: region-thresholder, input: detect, params: {concepts: {cat: $accept}}}
/// ```
///
/// Sections are read in a fixed order (vars and models before nodes) whatever order the file
/// gives them, so a node can name a model declared below it.
struct NativeParser {
  var context = SyntaxContext()
  /// Model names declared under `models:`, for `model: name` on nodes.
  var modelNames: [String: SourceRange] = [:]
  var modelsMisspelt = false
  /// Whether `vars:` was misspelt or malformed, so that unknown vars are not reported again.
  var varsUnread = false

  static let version = 1
  static let topKeys = ["weir", "workflow", "description", "vars", "models", "nodes", "params", "input"]

  /// Parses a top-level mapping (a missing `weir:` key is reported here, with a fix-it).
  mutating func parse(_ root: YAMLMapping) -> Workflow {
    var workflow = Workflow(dialect: .native, range: root.range)
    context.checkKeys(root, allowed: Self.topKeys, in: "the top level of a weir workflow")
    checkVersion(root)
    workflow.id = root["workflow"].flatMap { context.string($0, "the workflow name") }
    if let id = workflow.id { context.checkClarifaiID(id, "workflow name") }
    workflow.description = root["description"].flatMap { context.string($0, "'description'") }
    workflow.vars = root["vars"].map { parseVars($0) } ?? []
    // With 'vars' misspelt (or not a mapping), every '$name' would be unknown: one error is enough.
    varsUnread = context.wasSuggested("vars", in: root) || (root["vars"].map { $0.mapping == nil } ?? false)
    workflow.interface = parseInterface(root)
    if let models = root["models"] { parseModels(models, into: &workflow) }
    // With 'models' misspelt, every model name would be unknown: one error is enough.
    modelsMisspelt = context.wasSuggested("models", in: root)
    if let nodes = root["nodes"] {
      parseNodes(nodes, into: &workflow)
    } else {
      context.error(
        "syntax.missing-key", "the workflow has no 'nodes'", at: root.entries.first?.key.range ?? root.range)
    }
    checkVarReferences(workflow)
    return workflow
  }

  /// `weir: 1`, present and equal to the version this weir reads.
  private mutating func checkVersion(_ root: YAMLMapping) {
    guard let node = root["weir"] else {
      let start = SourceRange.at(root.range.start)
      context.error(
        "syntax.missing-version", "a weir workflow starts with 'weir: 1'", at: start,
        notes: [Note("without it weir cannot tell this file from other YAML")],
        fixIts: [FixIt("add the version", range: start, replacement: "weir: \(Self.version)\n")])
      return
    }
    guard let version = context.integer(node, "the weir version") else { return }
    if version != Self.version {
      context.error(
        "syntax.unsupported-version",
        "this weir reads version \(Self.version) workflows, not version \(version)",
        at: node.range)
    }
  }

  /// `vars: {name: value}`. Values are plain data: a var cannot refer to another var.
  private mutating func parseVars(_ node: YAMLNode) -> [VarDecl] {
    guard let m = context.mapping(node, "'vars'") else { return [] }
    return m.entries.compactMap { pair in
      guard let name = context.keyString(pair), checkName(name, "var") else { return nil }
      let value = ParamValue(pair.value)
      rejectReferences(in: value, owner: "a var")
      return VarDecl(name: name, value: value)
    }
  }

  /// `params:` and `input:` at the top level: the workflow can be used as a node type.
  private mutating func parseInterface(_ root: YAMLMapping) -> WorkflowInterface? {
    guard root["params"] != nil || root["input"] != nil else { return nil }
    var params: [Param] = []
    if let p = root["params"], let m = context.mapping(p, "'params'") {
      params = m.entries.compactMap { pair in
        guard let name = context.keyString(pair), checkName(name, "parameter") else { return nil }
        let value = ParamValue(pair.value)
        rejectReferences(in: value, owner: "a parameter's default")
        return Param(name: name, value: value)
      }
    }
    let input = root["input"].map { kindList($0, "'input'") } ?? []
    return WorkflowInterface(input: input, params: params)
  }

  /// A kind or a list of kinds (`image`, `[image, regions[...].region_info.bounding_box]`).
  mutating func kindList(_ node: YAMLNode, _ what: String) -> [Located<String>] {
    if node.sequence == nil { return context.nonEmptyString(node, what).map { [$0] } ?? [] }
    guard let list = context.sequence(node, what) else { return [] }
    return list.items.compactMap { context.nonEmptyString($0, "an input kind") }
  }

  /// Var and parameter names: a letter or `_`, then letters, digits, `_` or `-`, so `$name`
  /// reads unambiguously inside a value.
  mutating func checkName(_ name: Located<String>, _ what: String) -> Bool {
    let scalars = Array(name.value.unicodeScalars)
    let ok =
      (scalars.first.map { $0.properties.isAlphabetic && $0.isASCII || $0 == "_" } ?? false)
      && scalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
      }
    if !ok {
      context.error(
        "syntax.bad-name", "'\(name.value)' is not a valid \(what) name", at: name.range,
        notes: [Note("a \(what) name starts with a letter or '_' and holds letters, digits, '_' and '-'")])
    }
    return ok
  }

  /// Reports `$name` inside a var's value or a parameter default.
  private mutating func rejectReferences(in value: ParamValue, owner: String) {
    for ref in value.varReferences {
      context.error(
        "syntax.var-in-var", "\(owner) cannot refer to a var ('$\(ref.value)')", at: ref.range,
        notes: [Note("write the value itself, or quote it (\"$\(ref.value)\") to mean the text")])
    }
  }
}

extension ParamValue {
  /// Every `$name` reference inside this value, in source order.
  var varReferences: [Located<String>] {
    switch self {
    case .scalar: return []
    case .varRef(let v): return [v]
    case .list(let items, _): return items.flatMap(\.varReferences)
    case .map(let params, _): return params.flatMap(\.value.varReferences)
    }
  }
}
