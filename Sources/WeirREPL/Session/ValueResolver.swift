import WeirCore

/// Follows `$var` references in the AST to the values they stand for.
struct ValueResolver {
  var workflow: Workflow

  /// The value with var references followed (up to a depth that stops reference cycles).
  func resolved(_ value: ParamValue, depth: Int = 0) -> ParamValue {
    guard case .varRef(let name) = value, depth < 32, let v = workflow.variable(name.value) else {
      return value
    }
    return resolved(v.value, depth: depth + 1)
  }

  /// The scalar a value stands for, if it is one.
  func scalar(_ value: ParamValue) -> ScalarValue? {
    if case .scalar(let s) = resolved(value) { return s.resolved }
    return nil
  }
}
