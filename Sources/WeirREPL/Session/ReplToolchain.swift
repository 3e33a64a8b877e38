/// The language's stages as the session calls them: parse, check, lint, plan and diagnostic
/// rendering. One place, so the session stays the same as the stages grow.
enum ReplToolchain {
  /// Parses a workflow file.
  static func parse(_ file: SourceFile) -> (workflow: Workflow?, diagnostics: [Diagnostic]) {
    WorkflowParser.parse(file)
  }

  /// Checks a workflow (with the session's settings applied): graph rules, then types, as
  /// `weir check` does.
  static func check(_ workflow: Workflow, library: NodeTypeLibrary) -> (
    checked: CheckedWorkflow, diagnostics: [Diagnostic]
  ) {
    let (checked, typeDiagnostics) = TypeChecker(library: library).check(workflow)
    return (checked, (GraphChecker.check(workflow) + typeDiagnostics).sortedUnique())
  }

  /// Renders diagnostics as `weir check` prints them (no colour: the front end decides).
  static func render(_ diagnostics: [Diagnostic], _ file: SourceFile) -> String {
    var text = DiagnosticRenderer.text(diagnostics.sortedUnique(), in: file)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}

extension CheckedWorkflow {
  /// The nodes whose type is `name`, workflow-typed nodes inlined.
  func flatNodes(ofType name: String) -> [String] {
    var flat: [PipelineCompiler.FlatNode] = []
    PipelineCompiler.flatten(self, prefix: "", input: [], into: &flat)
    return flat.filter { $0.node.type?.name == name }.map(\.id)
  }

  /// Model nodes reading the workflow input: the ones whose outputs the session caches.
  var sourceModels: [CheckedNode] {
    nodes.filter { $0.isModel && $0.inputs == [.workflowInput] }
  }
}
