import Foundation
import WeirCore

extension Workflow {
  /// The value a setting has in this workflow, as written (`nil` when it is not written).
  public func value(of target: SettingTarget) -> ParamValue? {
    switch target {
    case .variable(let name):
      return variable(name)?.value
    case .parameter(let nodeId, let name, let key):
      guard let param = node(nodeId)?.param(name) else { return nil }
      guard let key else { return param.value }
      guard case .map(let entries, _) = param.value else { return nil }
      return entries.first { $0.name.value == key }?.value
    }
  }

  /// This workflow with the settings replaced; a parameter or key not written yet is added, with
  /// the range of its node so that diagnostics about it point somewhere sensible.
  public func applying(_ settings: [SettingTarget: ParamValue]) -> Workflow {
    var result = self
    for (target, value) in settings.sorted(by: { $0.key < $1.key }) { result.apply(target, value) }
    return result
  }

  private mutating func apply(_ target: SettingTarget, _ value: ParamValue) {
    switch target {
    case .variable(let name):
      guard let i = vars.firstIndex(where: { $0.name.value == name }) else { return }
      vars[i].value = value
    case .parameter(let nodeId, let name, let key):
      guard let n = nodes.firstIndex(where: { $0.id.value == nodeId }) else { return }
      let nodeRange = nodes[n].range
      var params = nodes[n].params
      let p = params.firstIndex { $0.name.value == name }
      guard let key else {
        if let p {
          params[p].value = value
        } else {
          params.append(Param(name: Located(name, nodeRange), value: value))
        }
        nodes[n].params = params
        return
      }
      var entries: [Param] = []
      var mapRange = nodeRange
      if let p, case .map(let existing, let r) = params[p].value {
        entries = existing
        mapRange = r
      }
      if let e = entries.firstIndex(where: { $0.name.value == key }) {
        entries[e].value = value
      } else {
        entries.append(Param(name: Located(key, mapRange), value: value))
      }
      let map = ParamValue.map(entries, mapRange)
      if let p {
        params[p].value = map
      } else {
        params.append(Param(name: Located(name, nodeRange), value: map))
      }
      nodes[n].params = params
    }
  }
}

extension ParamValue {
  /// The same value with every range set to `range`: for a value typed at the REPL, whose own
  /// ranges point into the typed text, not into the workflow file.
  public func relocated(to range: SourceRange) -> ParamValue {
    switch self {
    case .scalar(var s):
      s.range = range
      return .scalar(s)
    case .varRef(let v):
      return .varRef(Located(v.value, range))
    case .list(let items, _):
      return .list(items.map { $0.relocated(to: range) }, range)
    case .map(let entries, _):
      return .map(
        entries.map { Param(name: Located($0.name.value, range), value: $0.value.relocated(to: range)) },
        range)
    }
  }

  /// The value as YAML flow text, for messages and `vars`: `0.9`, `$accept`, `[a, b]`, `{cat: 0.9}`.
  public var flowText: String {
    switch self {
    case .scalar(let s):
      switch s.style {
      case .singleQuoted: return "'\(s.value.replacingOccurrences(of: "'", with: "''"))'"
      case .doubleQuoted:
        return
          "\"\(s.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
      case .plain, .literal, .folded: return s.value
      }
    case .varRef(let v): return "$" + v.value
    case .list(let items, _): return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
    case .map(let entries, _):
      return "{" + entries.map { "\($0.name.value): \($0.value.flowText)" }.joined(separator: ", ") + "}"
    }
  }
}
