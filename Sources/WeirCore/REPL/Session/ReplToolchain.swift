/// The language's stages as the session calls them: parse, check, lint, plan and diagnostic
/// rendering. One place, so the session stays the same as the stages grow.
enum ReplToolchain {
  /// Parses a workflow file.
  static func parse(_ file: SourceFile) -> (workflow: Workflow?, diagnostics: [Diagnostic]) {
    WorkflowParser.parse(file)
  }

  /// Checks a workflow (with the session's settings applied): graph rules, then types.
  static func check(_ workflow: Workflow, _ file: SourceFile) -> [Diagnostic] {
    // TODO: the type checker once it has landed.
    GraphChecker.check(workflow)
  }

  /// Renders diagnostics as `weir check` prints them (no colour: the front end decides).
  static func render(_ diagnostics: [Diagnostic], _ file: SourceFile) -> String {
    var text = DiagnosticRenderer.text(diagnostics.sortedUnique(), in: file)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
