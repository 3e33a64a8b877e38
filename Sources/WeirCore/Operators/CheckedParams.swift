/// Reads a checked node's parameters for its operator's descriptor, with the ranges diagnostics
/// should point at: where the value is written, or where the `$var` giving it is used.
///
/// Values are the checker's: vars substituted, enums normalized (given as their Clarifai numbers,
/// as the planner gives them to the runtime), defaults filled in. A value the checker rejected is
/// absent, and one an operator cannot use is left out (`reject` returns): the checker has already
/// reported it at its position.
public struct CheckedParams: OperatorParamReader {
  public let node: CheckedNode
  /// Inside an expanded workflow type, every range is the using node's, since the workflow type's
  /// own text is in another file.
  public let fallback: SourceRange?

  public init(node: CheckedNode, fallback: SourceRange? = nil) {
    self.node = node
    self.fallback = fallback
  }

  func range(_ source: ValueSource) -> SourceRange? {
    if let fallback { return fallback }
    switch source {
    case .literal(let r): return r
    case .variable(_, let use): return use
    case .defaultValue, .model, .override: return nil
    }
  }

  public func value(_ name: String) -> Sourced<JSONValue>? {
    guard let p = node.param(name) else {
      // `task_id: $task` in a workflow type checked on its own: the var has no value yet, because
      // the node using the type gives it. The parameter is set, just not known here.
      if let written = node.syntax.param(name), case .varRef(let v) = written.value {
        return Sourced(.string("$\(v.value)"), fallback ?? v.range)
      }
      return nil
    }
    return Sourced(p.value.json, range(p.source))
  }

  public func reject(_ problem: OperatorConfigError) {}

  /// The entries in the order written, each with its own key and value ranges.
  public func thresholdEntries(_ name: String) -> [(concept: Sourced<String>, value: Sourced<Double>)] {
    guard let p = node.param(name) else { return [] }
    if p.entries.isEmpty, let map = p.value.numberMap {
      let r = range(p.source)
      return map.sorted { $0.key < $1.key }.map { (Sourced($0.key, r), Sourced($0.value, r)) }
    }
    var entries: [(concept: Sourced<String>, value: Sourced<Double>)] = []
    for e in p.entries {
      guard let key = e.key, let x = e.value.doubleValue else { continue }
      let keyRange = fallback ?? e.keyRange
      entries.append((Sourced(key, keyRange), Sourced(x, range(e.source) ?? keyRange)))
    }
    return entries
  }
}
