import Testing

@testable import WeirCore

/// Workflows for the checker's tests, read by the real parsers (`WorkflowParser`). A test input
/// that does not parse cleanly is a mistake in the test, so parse errors fail the test.
enum TestWorkflow {
  static func parse(
    _ text: String, path: String = "test.yaml", sourceLocation: SourceLocation = #_sourceLocation
  )
    -> (Workflow, SourceFile)
  {
    let file = SourceFile(path: path, text: text)
    let (workflow, diagnostics) = WorkflowParser.parse(file)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      Issue.record(
        "test workflow does not parse:\n\(DiagnosticRenderer.text(errors, in: file))",
        sourceLocation: sourceLocation)
    }
    return (workflow ?? Workflow(dialect: .native, range: .at(0)), file)
  }
}
