/// The check pipeline, source text to diagnostics, as one function every command calls
/// (`weir check`, `lint`, `plan`, `run`, the REPL): DESIGN.md §4.
///
/// Today: YAML → AST (`WorkflowParser`) → graph rules (`GraphChecker`). The type checker
/// (Sema) slots in after the graph rules.
public enum Frontend {
  /// Parses and checks one file; diagnostics come sorted and de-duplicated.
  public static func check(_ file: SourceFile) -> CheckOutcome {
    let (workflow, parseDiagnostics) = WorkflowParser.parse(file)
    var diagnostics = parseDiagnostics
    if let workflow {
      diagnostics += GraphChecker.check(workflow)
      // Hook: the type checker runs here, on `workflow`, and appends its diagnostics.
    }
    return CheckOutcome(file: file, workflow: workflow, diagnostics: diagnostics.sortedUnique())
  }
}

/// What checking one file found.
public struct CheckOutcome: Sendable {
  public var file: SourceFile
  /// The workflow as far as it could be read; `nil` when the file is not a workflow at all.
  public var workflow: Workflow?
  /// Sorted by position and de-duplicated.
  public var diagnostics: [Diagnostic]

  public init(file: SourceFile, workflow: Workflow?, diagnostics: [Diagnostic]) {
    self.file = file
    self.workflow = workflow
    self.diagnostics = diagnostics
  }

  public var hasErrors: Bool { diagnostics.hasErrors }
}
