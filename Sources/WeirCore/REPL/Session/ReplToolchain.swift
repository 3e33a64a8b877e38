/// The language's stages as the session calls them: parse, check, lint, plan and diagnostic
/// rendering. One place, so the session stays the same as the stages grow.
enum ReplToolchain {
  /// Parses a workflow file.
  static func parse(_ file: SourceFile) -> (workflow: Workflow?, diagnostics: [Diagnostic]) {
    parser(file)
  }

  // TODO: call WorkflowParser.parse once the syntax stage has landed on main; tests set this meanwhile.
  nonisolated(unsafe) static var parser: (SourceFile) -> (workflow: Workflow?, diagnostics: [Diagnostic]) = { _ in
    (nil, [.error("repl.no-parser", "the workflow parser is not available in this build", at: nil)])
  }

  /// Type-checks a workflow (with the session's settings applied).
  static func check(_ workflow: Workflow, _ file: SourceFile) -> [Diagnostic] {
    []
  }

  /// Renders diagnostics as `weir check` prints them.
  static func render(_ diagnostics: [Diagnostic], _ file: SourceFile) -> String {
    diagnostics.sortedUnique().map { d in
      let at = d.range.map { r -> String in
        let (line, column) = file.location(of: r.start)
        return "\(file.path):\(line):\(column): "
      } ?? "\(file.path): "
      return "\(at)\(d.severity): \(d.message) [\(d.id)]"
    }.joined(separator: "\n")
  }
}
