/// Types and ranges of `replay` and `builtin` backend options.
extension BackendParser {
  /// Checks one option's value; `$var` references pass (their value is known only at run time).
  static func checkOption(_ name: String, _ node: YAMLNode, context: inout SyntaxContext) {
    if case .varRef = ParamValue(node) { return }
    let what = "'\(name)'"
    switch name {
    case "images", "format":
      _ = context.nonEmptyString(node, what)
    case "scale_factor":
      if let n = context.number(node, what), n <= 1 {
        context.error(
          "syntax.out-of-range", "\(what) must be greater than 1, not \(format(n))", at: node.range)
      }
    case "min_neighbors":
      atLeast(0, node, what, context: &context)
    case "min_size", "max_size":
      size(node, what, context: &context)
    default:
      break
    }
  }

  private static func atLeast(_ low: Int, _ node: YAMLNode, _ what: String, context: inout SyntaxContext) {
    if let n = context.integer(node, what), n < low {
      context.error("syntax.out-of-range", "\(what) must be at least \(low), not \(n)", at: node.range)
    }
  }

  /// A size in pixels: `24` (square) or `[24, 32]` (width, height).
  private static func size(_ node: YAMLNode, _ what: String, context: inout SyntaxContext) {
    guard let list = node.sequence else { return atLeast(1, node, what, context: &context) }
    if list.items.count != 2 {
      context.error(
        "syntax.wrong-type", "\(what) must be one size or [width, height], not a list of \(list.items.count)",
        at: list.range)
      return
    }
    for item in list.items { atLeast(1, item, what, context: &context) }
  }

  private static func format(_ n: Double) -> String {
    n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
  }
}
