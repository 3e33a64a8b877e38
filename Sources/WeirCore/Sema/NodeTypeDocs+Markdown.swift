import Foundation

extension NodeTypeDocs {
  /// The reference part of `Documentation/Types.md` (`weir types --markdown`): every node type by
  /// family with its kinds and parameters, then the model catalog.
  public static func markdown(_ library: NodeTypeLibrary, runs: Runs) -> String {
    var out = "## Node types\n\n"
    out += executionSummary(library, runs: runs) + "\n"
    for (family, types) in library.typesByFamily {
      out +=
        "- [\(family.rawValue)](#\(family.rawValue)): " + types.map { "`\($0.name)`" }.joined(separator: ", ")
        + "\n"
    }
    for (family, types) in library.typesByFamily {
      out +=
        "\n### \(family.rawValue)\n\n\(family.summary.prefix(1).uppercased() + family.summary.dropFirst()).\n"
      for type in types { out += "\n" + markdown(type, runs: runs(type)) }
    }
    out += "\n## Model catalog\n\n"
    out += "| model id | type | where | concepts | parameters |\n|---|---|---|---|---|\n"
    for model in library.catalog.models.sorted(by: { $0.id < $1.id }) {
      let place = [model.userId, model.appId].compactMap { $0 }.joined(separator: "/")
      let concepts = model.concepts.map { $0.map { "`\($0.id)`" }.joined(separator: ", ") } ?? "not listed"
      let params = model.params.map { "`\($0.key): \($0.value)`" }.joined(separator: ", ")
      out += "| `\(model.id)` | `\(model.type)` | \(place) | \(concepts) | \(params) |\n"
    }
    return out
  }

  /// Which types weir runs itself, which it forwards to backends, and which it only checks.
  static func executionSummary(_ library: NodeTypeLibrary, runs: Runs) -> String {
    let types = library.types.sorted { $0.name < $1.name }
    var out = ""
    for how in NodeExecution.allCases {
      let names = types.filter { runs($0) == how }.map { "`\($0.name)`" }
      let what: String
      switch how {
      case .local: what = "weir runs these itself"
      case .remote: what = "weir forwards these to the model's backend (replay, builtin, http or command)"
      case .checkOnly:
        what = "weir checks workflows that use these but cannot run them yet; plan and run refuse them"
      }
      out += "- **\(how.rawValue)** (\(names.count)): \(what): " + names.joined(separator: ", ") + ".\n"
    }
    return out
  }

  static func markdown(_ type: NodeType, runs: NodeExecution) -> String {
    var out = "#### `\(type.name)`\n\n"
    var facts = ["\(roleText(type.role, runs))"]
    if !type.aliases.isEmpty {
      facts.append("also named " + type.aliases.map { "`\($0)`" }.joined(separator: ", "))
    }
    out += facts.joined(separator: "; ") + ".\n\n"
    if !type.doc.isEmpty { out += escape(type.doc) + "\n\n" }
    out += "- input: `\(type.inputDescription)`\n- output: \(code(type.outputDescription))\n"
    for trait in traits(type) { out += "- \(trait)\n" }
    if !type.params.isEmpty {
      out += "\n| parameter | type | | description |\n|---|---|---|---|\n"
      for param in type.params {
        var doc = escape(param.doc)
        if case .enumeration(let domain) = param.type { doc = "One of \(domain.listing). " + doc }
        let flags = paramSummary(param).dropFirst(param.typeDescription.count).drop { $0 == "," || $0 == " " }
        out += "| `\(param.name)` | \(param.typeDescription) | \(flags) | \(doc) |\n"
      }
    }
    for group in type.requiresOneOf {
      out += "\nAt least one of " + group.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
    }
    if type.acceptsAnyParams { out += "\nIts parameters are not published; any are passed on unchecked.\n" }
    return out
  }

  /// `its input, with X` → `its input, with `X``.
  private static func code(_ description: String) -> String {
    let prefix = "its input, with "
    if description.hasPrefix(prefix) { return prefix + "`\(description.dropFirst(prefix.count))`" }
    return description == "its input" ? description : "`\(description)`"
  }

  /// Table cells may not hold `|` or line breaks.
  private static func escape(_ text: String) -> String {
    text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ").replacingOccurrences(
      of: "|", with: "\\|")
  }
}
