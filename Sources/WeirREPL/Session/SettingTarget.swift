import WeirCore

/// What `set` changes: a var, or a parameter of a node (optionally one key of a mapping parameter,
/// as in `set sure.concepts.cat = 0.9`).
public enum SettingTarget: Hashable, Sendable, Comparable, CustomStringConvertible {
  case variable(String)
  case parameter(node: String, name: String, key: String?)

  /// As the user writes it: `accept`, `sure.concept_threshold_type`, `sure.concepts.cat`.
  public var description: String {
    switch self {
    case .variable(let name): return name
    case .parameter(let node, let name, let key):
      return [node, name, key].compactMap { $0 }.joined(separator: ".")
    }
  }

  public static func < (a: SettingTarget, b: SettingTarget) -> Bool {
    switch (a, b) {
    case (.variable, .parameter): return true
    case (.parameter, .variable): return false
    default: return a.description < b.description
    }
  }

  /// Resolves a name as typed against a workflow: a var if one has that name, else the longest
  /// node id followed by `.PARAM` or `.PARAM.KEY` (node ids may contain dots). The error says what
  /// is wrong, with the nearest names.
  public static func resolve(_ text: String, in workflow: Workflow) -> Result<SettingTarget, ReplCommandError>
  {
    if workflow.variable(text) != nil { return .success(.variable(text)) }
    let nodes = workflow.nodes.map(\.id.value).sorted { $0.count > $1.count }
    guard let node = nodes.first(where: { text.hasPrefix($0 + ".") }) else {
      if !text.contains("."), workflow.node(text) != nil {
        return .failure(ReplCommandError("'\(text)' is a node; name one of its parameters: '\(text).PARAM'"))
      }
      let head = text.contains(".") ? String(text[..<text.firstIndex(of: ".")!]) : text
      let candidates = workflow.vars.map(\.name.value) + workflow.nodes.map(\.id.value)
      return .failure(
        ReplCommandError("no var or node is named '\(head)'\(NameSuggester.didYouMean(head, in: candidates))")
      )
    }
    let rest = text.dropFirst(node.count + 1)
    guard let dot = rest.firstIndex(of: ".") else {
      return rest.isEmpty
        ? .failure(ReplCommandError("'\(text)' needs a parameter name after the node"))
        : .success(.parameter(node: node, name: String(rest), key: nil))
    }
    let key = rest[rest.index(after: dot)...]
    if key.isEmpty { return .failure(ReplCommandError("'\(text)' needs a key after the last '.'")) }
    return .success(.parameter(node: node, name: String(rest[..<dot]), key: String(key)))
  }
}
