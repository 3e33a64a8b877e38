import Foundation

/// Values set from outside the file: `weir run --set accept=0.9`, the REPL's `set`.
public struct Overrides: Sendable {
  /// New values of vars, by name.
  public var vars: [String: ScalarValue]
  /// New values of node parameters (`set sure.concepts.cat = 0.9`).
  public var params: [ParamOverride]

  public init(vars: [String: ScalarValue] = [:], params: [ParamOverride] = []) {
    self.vars = vars
    self.params = params
  }

  public var isEmpty: Bool { vars.isEmpty && params.isEmpty }

  /// Adds `NAME=VALUE` (a var) or `NODE.PARAM=VALUE` / `NODE.PARAM.KEY=VALUE` (a parameter, or one
  /// concept of a mapping). The value is read as YAML reads a plain scalar: `0.9` is a number,
  /// `no` a string. Returns false when the text is not an assignment.
  public mutating func add(assignment: String) -> Bool {
    guard let equals = assignment.firstIndex(of: "=") else { return false }
    let target = assignment[..<equals].trimmingCharacters(in: .whitespaces)
    let text = assignment[assignment.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    let value = ScalarResolver.resolve(text, style: .plain, tag: nil) ?? .string(text)
    let parts = target.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    guard !target.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return false }
    if parts.count == 1 {
      vars[target] = value
    } else {
      params.removeAll { $0.node == parts[0] && $0.param == parts[1] && $0.key == parts.dropFirst(2).first }
      params.append(
        ParamOverride(node: parts[0], param: parts[1], key: parts.dropFirst(2).first, value: value))
    }
    return true
  }
}

/// A new value for one node parameter, or for one entry of a mapping parameter.
public struct ParamOverride: Equatable, Sendable {
  public var node: String
  public var param: String
  /// The mapping key to set (a concept of `concepts`); `nil` sets the whole parameter.
  public var key: String?
  public var value: ScalarValue

  public init(node: String, param: String, key: String? = nil, value: ScalarValue) {
    self.node = node
    self.param = param
    self.key = key
    self.value = value
  }
}
