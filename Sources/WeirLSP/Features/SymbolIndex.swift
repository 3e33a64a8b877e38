import WeirCore

/// A name a workflow defines and refers to: a node id, a var, a model.
enum SymbolName: Hashable {
  case node(String)
  case variable(String)
  case model(String)

  var text: String {
    switch self {
    case .node(let name), .variable(let name), .model(let name): name
    }
  }
}

/// One place a name is written: where it is defined, or where it is used.
struct Occurrence {
  var symbol: SymbolName
  /// The name itself (for a var use, without its `$`).
  var range: SourceRange
  var isDefinition: Bool
}

/// Every definition and use of a node id, var and model in a workflow, found from the AST's
/// ranges: the source of definition, references, highlights and rename.
struct SymbolIndex {
  var occurrences: [Occurrence] = []

  init(_ workflow: Workflow, file: SourceFile) {
    for node in workflow.nodes {
      add(.node(node.id.value), node.id.range, definition: true)
    }
    for node in workflow.nodes {
      for input in node.inputs { add(.node(input.value), input.range, definition: false) }
      if let model = node.model, model.range != node.id.range, file.slice(model.range) == model.value {
        add(.model(model.value), model.range, definition: false)
      }
      for param in node.params { addVars(param.value, file: file) }
    }
    for variable in workflow.vars {
      add(.variable(variable.name.value), variable.name.range, definition: true)
    }
    for param in workflow.interface?.params ?? [] {
      add(.variable(param.name.value), param.name.range, definition: true)
    }
    let nodeRanges = Set(workflow.nodes.map(\.id.range))
    for model in workflow.models {
      // A model named after its node (inline, or Clarifai's) is the node's id: one name, the node's.
      if !nodeRanges.contains(model.name.range) {
        add(.model(model.name.value), model.name.range, definition: true)
      }
      for param in model.params { addVars(param.value, file: file) }
      if let backend = model.backend {
        addVars(backend.value, file: file)
        for option in backend.options { addVars(option.value, file: file) }
      }
    }
  }

  private mutating func add(_ symbol: SymbolName, _ range: SourceRange, definition: Bool) {
    occurrences.append(Occurrence(symbol: symbol, range: range, isDefinition: definition))
  }

  private mutating func addVars(_ value: ParamValue, file: SourceFile) {
    switch value {
    case .scalar: break
    case .varRef(let name):
      // The scalar is `$name`: the name starts after the dollar.
      var range = name.range
      if range.start < file.bytes.count, file.bytes[range.start] == UInt8(ascii: "$") { range.start += 1 }
      add(.variable(name.value), range, definition: false)
    case .list(let items, _): for item in items { addVars(item, file: file) }
    case .map(let params, _): for param in params { addVars(param.value, file: file) }
    }
  }

  /// The occurrence under a byte offset (the cursor may sit just after the name).
  func occurrence(at offset: Int) -> Occurrence? {
    occurrences.first { $0.range.start <= offset && offset <= $0.range.end }
  }

  func occurrences(of symbol: SymbolName) -> [Occurrence] {
    occurrences.filter { $0.symbol == symbol }.sorted { $0.range < $1.range }
  }

  func definition(of symbol: SymbolName) -> Occurrence? {
    occurrences.first { $0.symbol == symbol && $0.isDefinition }
  }
}
