/// The check pipeline, source text to diagnostics, as one function every command calls
/// (`weir check`, `lint`, `plan`, `run`, the REPL): Design.md §4.
///
/// YAML → AST (`WorkflowParser`) → graph rules (`GraphChecker`) → types (`TypeChecker`).
public enum Frontend {
  /// Parses and checks one file against `library` (the standard library unless given);
  /// diagnostics come sorted and de-duplicated.
  public static func check(
    _ file: SourceFile, library: NodeTypeLibrary = .standard, overrides: Overrides = Overrides()
  ) -> CheckOutcome {
    let (workflow, parseDiagnostics) = WorkflowParser.parse(file)
    var diagnostics = parseDiagnostics
    var checked: CheckedWorkflow?
    if let workflow {
      diagnostics += GraphChecker.check(workflow)
      let (result, typeDiagnostics) = TypeChecker(library: library).check(workflow, overrides: overrides)
      checked = result
      diagnostics += typeDiagnostics
    }
    return CheckOutcome(
      file: file, workflow: workflow, checked: checked, diagnostics: diagnostics.sortedUnique())
  }
}

/// What checking one file found.
public struct CheckOutcome: Sendable {
  public var file: SourceFile
  /// The workflow as far as it could be read; `nil` when the file is not a workflow at all.
  public var workflow: Workflow?
  /// The workflow after type checking (lint, the planner and the REPL work from it); `nil` with `workflow`.
  public var checked: CheckedWorkflow?
  /// Sorted by position and de-duplicated.
  public var diagnostics: [Diagnostic]

  public init(
    file: SourceFile, workflow: Workflow?, checked: CheckedWorkflow? = nil, diagnostics: [Diagnostic]
  ) {
    self.file = file
    self.workflow = workflow
    self.checked = checked
    self.diagnostics = diagnostics
  }

  public var hasErrors: Bool { diagnostics.hasErrors }
}
