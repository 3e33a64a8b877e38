import WeirCore
import WeirDriver

/// The language's stages as the session calls them: parse, check, lint, plan and diagnostic
/// rendering. One place, so the session stays the same as the stages grow.
enum ReplToolchain {
  /// Parses a workflow file.
  static func parse(_ file: SourceFile) -> (workflow: Workflow?, diagnostics: [Diagnostic]) {
    WorkflowParser.parse(file)
  }

  /// Checks a workflow (with the session's settings applied) with the driver's full check: what
  /// `weir check` reports for the same workflow, backend options and planner refusals included.
  static func check(_ workflow: Workflow, library: NodeTypeLibrary, driver: Driver) -> (
    checked: CheckedWorkflow, diagnostics: [Diagnostic]
  ) {
    driver.check(workflow, library: library)
  }

  /// Renders diagnostics as `weir check` prints them (no colour: the front end decides).
  static func render(_ diagnostics: [Diagnostic], _ file: SourceFile) -> String {
    var text = DiagnosticRenderer.text(diagnostics.sortedUnique(), in: file)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}

extension CheckedWorkflow {
  /// The annotation writers (by their descriptors), workflow-typed nodes inlined, with their
  /// statuses when valid.
  func flatWriters(_ operators: OperatorRegistry) -> [(id: String, status: AnnotationStatus?)] {
    let flat = FlatWorkflow(operators: operators)
    return FlatWorkflow.nodes(self).compactMap { node in
      flat.descriptor(node.node)?.write.map { (node.id, $0.status?.value) }
    }
  }

  /// Model nodes reading the workflow input: the ones whose outputs the session caches.
  var sourceModels: [CheckedNode] {
    nodes.filter { $0.isModel && $0.inputs == [.workflowInput] }
  }
}
