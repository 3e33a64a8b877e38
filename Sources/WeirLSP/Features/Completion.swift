import WeirCore

/// Completion: the keys allowed at the cursor (both dialects), node types, parameter names and
/// enum values, node ids where an input is named, `$vars` in parameter values, and in a
/// thresholder's `concepts` the concepts of the models upstream.
enum Completion {
  struct Item {
    var label: String
    /// 10 property, 7 class, 6 variable, 18 reference, 20 enum member, 9 module, 12 value.
    var kind: Int
    var detail: String = ""
    var insert: String? = nil
  }

  static func complete(_ analysis: DocumentAnalysis, at offset: Int) -> JSONValue {
    let file = analysis.document.file
    let context = CompletionContext(file, at: offset)
    guard context.key != "#" else { return .array([]) }
    let items = candidates(analysis, context, at: offset)
    let range = analysis.document.range(of: SourceRange(start: context.wordStart, end: offset))
    var seen = Set<String>()
    return .object([
      "isIncomplete": .bool(false),
      "items": .array(
        items.filter { seen.insert($0.label).inserted }.map { item in
          var object: [String: JSONValue] = [
            "label": .string(item.label), "kind": .int(item.kind),
            "textEdit": .object(["range": range.json, "newText": .string(item.insert ?? item.label)]),
          ]
          if !item.detail.isEmpty { object["detail"] = .string(item.detail) }
          return .object(object)
        }),
    ])
  }

  static func candidates(_ analysis: DocumentAnalysis, _ context: CompletionContext, at offset: Int) -> [Item]
  {
    let path = context.path
    let clarifai = isClarifai(analysis, path)
    if context.word.hasPrefix("$")
      || (context.key != nil && inParams(path, clarifai: clarifai) && context.word.isEmpty)
    {
      if context.word.hasPrefix("$") || valueTakesVars(analysis, context, clarifai: clarifai) {
        let vars = varItems(analysis)
        if context.word.hasPrefix("$") { return vars }
        return valueItems(analysis, context, clarifai: clarifai, at: offset) + vars
      }
    }
    if context.key != nil { return valueItems(analysis, context, clarifai: clarifai, at: offset) }
    // A key is being written.
    if clarifai {
      let tail = Array(path.filter { $0 != "-" }.suffix(3))
      switch tail {
      case []: return keys(DialectKeys.clarifaiTop)
      case ["workflow"]: return keys(DialectKeys.clarifaiWorkflow)
      case ["workflow", "nodes"]: return keys(DialectKeys.clarifaiNode)
      case ["workflow", "nodes", "node_inputs"]: return keys(["node_id"])
      case ["workflow", "nodes", "model"]: return keys(DialectKeys.clarifaiModel)
      case ["nodes", "model", "output_info"]: return keys(DialectKeys.clarifaiOutputInfo)
      case ["model", "output_info", "params"]:
        return paramKeys(node(analysis, context, clarifai: true, at: offset)?.type)
      default:
        if tail.count == 3, tail[0] == "output_info", tail[1] == "params" {
          return conceptItems(analysis, context, param: tail[2], clarifai: true, at: offset)
        }
        return []
      }
    }
    switch path.count {
    case 0: return keys(DialectKeys.nativeTop)
    case 2 where path[0] == "nodes": return keys(DialectKeys.nativeNode)
    case 2 where path[0] == "models": return keys(DialectKeys.nativeModel)
    case 3 where path[0] == "nodes" && path[2] == "model": return keys(DialectKeys.nativeModel)
    case 3 where path[0] == "nodes" && path[2] == "params":
      return paramKeys(node(analysis, context, clarifai: false, at: offset)?.type)
    case 4 where path[0] == "nodes" && path[2] == "params":
      return conceptItems(analysis, context, param: path[3], clarifai: false, at: offset)
    case 3 where path[0] == "models" && path[2] == "backend",
      4 where path[2] == "model" && path[3] == "backend":
      return keys(DialectKeys.backendKinds)
    default: return []
    }
  }

  /// Values of the key being written.
  static func valueItems(
    _ analysis: DocumentAnalysis, _ context: CompletionContext, clarifai: Bool, at offset: Int
  )
    -> [Item]
  {
    guard let key = context.key else { return [] }
    let library = analysis.library
    let parent = path(context.path, clarifai: clarifai)
    switch key {
    case "type" where parent.first == "nodes" && parent.count == 2:
      return library.types.map {
        Item(label: $0.name, kind: 7, detail: "\($0.inputDescription) → \($0.outputDescription)")
      }
    case "type", "model_type_id":
      return library.types.filter { $0.role == .model || key == "model_type_id" }.map {
        Item(label: $0.name, kind: 7, detail: "\($0.inputDescription) → \($0.outputDescription)")
      }
    case "model" where !clarifai:
      let declared = (analysis.workflow?.models ?? []).map {
        Item(label: $0.name.value, kind: 9, detail: $0.type?.value ?? "")
      }
      return declared
        + library.catalog.models.map { Item(label: $0.id, kind: 9, detail: "catalog: \($0.type)") }
    case "model_id":
      return library.catalog.models.map { Item(label: $0.id, kind: 9, detail: "catalog: \($0.type)") }
    case "input", "inputs", "node_id":
      let current = node(analysis, context, clarifai: clarifai, at: offset)?.id
      return (analysis.workflow?.nodes ?? []).filter { $0.id.value != current }.map {
        Item(label: $0.id.value, kind: 18, detail: analysis.checked?.node($0.id.value)?.type?.name ?? "")
      }
    case "builtin":
      return DialectKeys.builtinModels.map { Item(label: $0, kind: 12) }
    default:
      guard inParams(context.path, clarifai: clarifai) else { return [] }
      let paramName = paramOfPath(context, clarifai: clarifai)
      guard let type = node(analysis, context, clarifai: clarifai, at: offset)?.type,
        let decl = type.param(paramName)
      else { return [] }
      switch decl.type {
      case .enumeration(let domain): return domain.cases.map { Item(label: $0.name, kind: 20) }
      case .bool: return [Item(label: "true", kind: 12), Item(label: "false", kind: 12)]
      case .conceptList where context.inList:
        return conceptItems(analysis, context, param: paramName, clarifai: clarifai, at: offset)
      default: return []
      }
    }
  }

  /// The parameter whose value is being written: the key itself, or the map it is inside.
  static func paramOfPath(_ context: CompletionContext, clarifai: Bool) -> String {
    let rest = afterParams(context.path)
    return rest.first ?? context.key ?? ""
  }

  /// Keys below `params` in the path.
  static func afterParams(_ path: [String]) -> [String] {
    guard let i = path.lastIndex(of: "params") else { return [] }
    return Array(path[(i + 1)...])
  }

  static func inParams(_ path: [String], clarifai: Bool) -> Bool {
    clarifai
      ? path.suffix(3).contains("params") && path.contains("output_info")
      : path.count >= 3 && path[0] == "nodes" && path[2] == "params"
  }

  /// Whether a `$var` may be written here: any parameter value of a native workflow.
  static func valueTakesVars(_ analysis: DocumentAnalysis, _ context: CompletionContext, clarifai: Bool)
    -> Bool
  {
    !clarifai && inParams(context.path, clarifai: false)
  }

  static func path(_ path: [String], clarifai: Bool) -> [String] {
    clarifai ? path.filter { $0 != "-" } : path
  }

  static func keys(_ names: [String]) -> [Item] {
    names.map { Item(label: $0, kind: 10, insert: "\($0): ") }
  }

  static func paramKeys(_ type: NodeType?) -> [Item] {
    guard let type else { return [] }
    return type.params.map {
      Item(label: $0.name, kind: 10, detail: $0.typeDescription, insert: "\($0.name): ")
    }
  }

  static func varItems(_ analysis: DocumentAnalysis) -> [Item] {
    (analysis.checked?.vars ?? []).map {
      Item(label: "$\($0.name)", kind: 6, detail: $0.value.map { "\($0)" } ?? "")
    }
  }

  /// The concepts of the models upstream of the node, for a concept parameter.
  static func conceptItems(
    _ analysis: DocumentAnalysis, _ context: CompletionContext, param: String, clarifai: Bool, at offset: Int
  ) -> [Item] {
    guard let node = node(analysis, context, clarifai: clarifai, at: offset),
      let decl = node.type?.param(param)
    else { return [] }
    switch decl.type {
    case .conceptThresholds, .conceptMap, .conceptList: break
    default: return []
    }
    let insertColon = decl.type != .conceptList && context.key == nil
    var concepts = upstreamConcepts(analysis, of: node.id).map { ($0, "concept of a model upstream") }
    if concepts.isEmpty {
      // The models upstream do not say what they predict: offer what the workflow names elsewhere.
      concepts = namedConcepts(analysis).map { ($0, "concept named in this workflow") }
    }
    return concepts.map { concept, detail in
      Item(label: concept, kind: 12, detail: detail, insert: insertColon ? "\(concept): " : concept)
    }
  }

  /// The concepts written as keys of concept parameters anywhere in the workflow, in order.
  static func namedConcepts(_ analysis: DocumentAnalysis) -> [String] {
    guard let checked = analysis.checked else { return [] }
    var names: [String] = []
    for node in checked.nodes {
      for param in node.syntax.params {
        guard let decl = node.type?.param(param.name.value) else { continue }
        switch (decl.type, param.value) {
        case (.conceptThresholds, .map(let entries, _)), (.conceptMap, .map(let entries, _)):
          for entry in entries where !names.contains(entry.name.value) { names.append(entry.name.value) }
        default: continue
        }
      }
    }
    return names
  }

  /// Concepts predicted by the models whose output reaches `id`, nearest first.
  static func upstreamConcepts(_ analysis: DocumentAnalysis, of id: String) -> [String] {
    guard let checked = analysis.checked else { return [] }
    var concepts: [String] = []
    var seen: Set<String> = []
    var queue = checked.node(id)?.inputs ?? []
    while !queue.isEmpty {
      let ref = queue.removeFirst()
      guard case .node(let name) = ref, seen.insert(name).inserted, let node = checked.node(name) else {
        continue
      }
      if node.isModel {
        for concept in node.model?.concepts ?? [] where !concepts.contains(concept) {
          concepts.append(concept)
        }
      } else {
        queue += node.inputs
      }
    }
    return concepts
  }

  /// The checked node the cursor is in: by id in a native workflow, by range in a Clarifai one.
  static func node(_ analysis: DocumentAnalysis, _ context: CompletionContext, clarifai: Bool, at offset: Int)
    -> CheckedNode?
  {
    guard let checked = analysis.checked else { return nil }
    if !clarifai {
      guard context.path.count >= 2, context.path[0] == "nodes" else { return nil }
      return checked.node(context.path[1])
    }
    let nodes = checked.nodes
    return nodes.first { $0.syntax.range.start <= offset && offset <= $0.syntax.range.end }
      ?? nodes.last { $0.syntax.range.start <= offset }
  }

  static func isClarifai(_ analysis: DocumentAnalysis, _ path: [String]) -> Bool {
    if let dialect = analysis.workflow?.dialect { return dialect == .clarifai }
    if path.first == "workflow", path.count > 1 { return true }
    let text = analysis.document.file.text
    return !text.hasPrefix("weir:") && !text.contains("\nweir:") && text.contains("\nworkflow:\n")
  }
}
