import Foundation

/// What `weir types` prints, and the generated part of `Documentation/Types.md`: node types by
/// family, one type in full, the model catalog. Built from the library itself, so docs cannot
/// drift from the declarations.
///
/// `runs` says how weir runs each type (`NodeExecution`); the operators' registry knows, and sits
/// above this stage, so the caller passes it: `OperatorRegistry.standard.execution(of:in:)`.
public enum NodeTypeDocs {
  /// How weir runs a node type.
  public typealias Runs = (NodeType) -> NodeExecution

  /// Every node type by family, one line each: name, who runs it and how, input → output.
  public static func list(_ library: NodeTypeLibrary, runs: Runs) -> String {
    var out = ""
    let width = (library.types.map(\.name.count).max() ?? 0) + 2
    for (family, types) in library.typesByFamily {
      out += "\(family.rawValue): \(family.summary)\n"
      for type in types {
        let name = type.name.padding(toLength: width, withPad: " ", startingAt: 0)
        let role = type.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        let how = runs(type).rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
        out += "  \(name)\(role)\(how)\(type.inputDescription) → \(type.outputDescription)\n"
      }
      out += "\n"
    }
    return out + legend
      + "weir types NAME shows one type's kinds, parameters and docs; weir types --models lists models.\n"
  }

  /// What the list's second column means.
  static var legend: String {
    "runs:\n"
      + NodeExecution.allCases.map {
        "  " + $0.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.explanation + "\n"
      }.joined() + "\n"
  }

  /// One node type in full.
  public static func describe(_ type: NodeType, runs: Runs) -> String {
    let how = runs(type)
    let kind =
      type.family == .workflow
      ? roleText(type.role, how) : "\(type.family.rawValue), \(roleText(type.role, how))"
    var out = "\(type.name) (\(kind))\n"
    if !type.aliases.isEmpty { out += "also named: \(type.aliases.joined(separator: ", "))\n" }
    out += "runs: \(how.rawValue) (\(how.explanation))\n"
    if !type.doc.isEmpty { out += "\n" + wrap(type.doc, indent: "") + "\n" }
    out += "\ninput:  \(type.inputDescription)\n"
    out += "output: \(type.outputDescription)\n"
    for trait in traits(type) { out += "\(trait)\n" }
    out += "\nparameters:\n"
    if type.params.isEmpty { out += "  none\n" }
    for param in type.params {
      out += "  \(param.name): \(paramSummary(param))\n"
      if case .enumeration(let domain) = param.type {
        out += wrap("values: " + domain.listing, indent: "      ") + "\n"
      }
      if !param.doc.isEmpty { out += wrap(param.doc, indent: "      ") + "\n" }
    }
    for group in type.requiresOneOf { out += "  at least one of: \(group.joined(separator: ", "))\n" }
    if type.acceptsAnyParams {
      out += "  any others are passed on unchecked (Clarifai does not publish them)\n"
    }
    if !type.origin.isEmpty { out += "\ndeclared in \(type.origin)\n" }
    return out
  }

  /// One model of the catalog in full.
  public static func describe(_ model: CatalogModel) -> String {
    let place = [model.userId, model.appId].compactMap { $0 }.joined(separator: "/")
    var out = "\(model.id) (model of type \(model.type)\(place.isEmpty ? "" : ", \(place)"))\n"
    if !model.doc.isEmpty { out += "\n" + wrap(model.doc, indent: "") + "\n" }
    if let concepts = model.concepts {
      let list = concepts.map { $0.name == $0.id ? $0.id : "\($0.id) (\($0.name))" }
      out += "\nconcepts: " + list.joined(separator: ", ") + "\n"
    }
    if !model.params.isEmpty {
      out += "\nparameters: " + model.params.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "\n"
    }
    if !model.origin.isEmpty { out += "\ndeclared in \(model.origin)\n" }
    return out
  }

  /// The model catalog, one line per model.
  public static func catalog(_ library: NodeTypeLibrary) -> String {
    let models = library.catalog.models.sorted { $0.id < $1.id }
    let width = (models.map(\.id.count).max() ?? 0) + 2
    var out = "models of the catalog: a node may name one by id (Clarifai model_id)\n"
    for model in models {
      out += "  \(model.id.padding(toLength: width, withPad: " ", startingAt: 0))\(model.type)\n"
    }
    return out
  }

  /// `operator: run by weir`, or what stops weir running it.
  static func roleText(_ role: NodeRole, _ runs: NodeExecution) -> String {
    switch (role, runs) {
    case (.model, _): return "model: called through a backend"
    case (.operator, .checkOnly): return "operator: checked only, weir cannot run it yet"
    case (.operator, _): return "operator: run by weir"
    case (.workflow, .checkOnly): return "workflow: checked only, a node in it cannot run"
    case (.workflow, _): return "workflow: its nodes run in its place"
    }
  }

  static func traits(_ type: NodeType) -> [String] {
    var lines: [String] = []
    if type.passesThrough {
      lines.append("passes through what it gets (a bounding box that comes in goes out)")
    }
    if type.looksBack { lines.append("looks back along the graph for an input entry its own input lacks") }
    if type.isSequential { lines.append("needs the frames of a video in order") }
    return lines
  }

  /// A default as one short line: a long or multi-line text (a prompt template) is quoted, its
  /// line breaks written `\n`, and cut after 40 characters; the parameter's doc says the rest.
  static func shortDefault(_ value: TypedValue) -> String {
    guard case .string(let text) = value, text.count > 40 || text.contains(where: \.isNewline) else {
      return value.description
    }
    let escaped = text.replacingOccurrences(of: "\n", with: "\\n")
    return "\"" + (escaped.count > 40 ? escaped.prefix(40) + "…" : escaped) + "\""
  }

  /// `enum, required`, `number in [0, 1], default 1`, with where Clarifai keeps it when unusual.
  static func paramSummary(_ param: ParamDecl) -> String {
    var parts = [param.typeDescription]
    if param.isRequired { parts.append("required") }
    if let value = param.defaultValue { parts.append("default \(shortDefault(value))") }
    if let needle = param.mustContain { parts.append("must contain \(needle)") }
    switch param.clarifaiField {
    case .params: break
    case .none: parts.append("weir only")
    case .dataConcepts, .outputConfig: parts.append("Clarifai: \(param.clarifaiField.rawValue)")
    }
    return parts.joined(separator: ", ")
  }

  /// `text` folded into lines of at most 100 characters, each starting with `indent`.
  static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
    var lines: [String] = []
    var line = indent
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      if line.count > indent.count, line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
      }
      line += (line.count > indent.count ? " " : "") + word
    }
    if line.count > indent.count { lines.append(line) }
    return lines.joined(separator: "\n")
  }
}
