/// Types and ranges of `replay` and `builtin` backend options.
extension BackendParser {
  /// Checks one option's value; a `$var` is refused (backends take written values).
  static func checkOption(_ name: String, _ node: YAMLNode, context: inout SyntaxContext) {
    if refuseVar(node, what: "option '\(name)'", context: &context) { return }
    let what = "'\(name)'"
    switch name {
    case "images", "format":
      _ = context.nonEmptyString(node, what)
    case "scale_factor":
      // The built-in detector's own bounds (WeirModels' BuiltinDetectorConfig): above 1, at most 4.
      if let n = context.number(node, what), n <= 1 || n > 4 {
        context.error(
          "syntax.out-of-range", "\(what) must be above 1 and at most 4, not \(NumberText.format(n))",
          at: node.range)
      }
    case "min_neighbors":
      atLeast(0, node, what, context: &context)
    case "min_size", "max_size":
      // A side length in pixels; 0 means no bound (Documentation/Backends.md, "builtin").
      atLeast(0, node, what, context: &context)
    case "max_pixels":
      // The largest image decoded, width × height (Documentation/Backends.md, "builtin").
      atLeast(1, node, what, context: &context)
    default:
      break
    }
  }

  private static func atLeast(_ low: Int, _ node: YAMLNode, _ what: String, context: inout SyntaxContext) {
    if let n = context.integer(node, what), n < low {
      context.error("syntax.out-of-range", "\(what) must be at least \(low), not \(n)", at: node.range)
    }
  }
}
