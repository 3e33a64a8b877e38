/// The language's part of the check, source text to diagnostics. The commands and the REPL reach
/// it through the driver (`WeirDriver`), which adds what lives outside WeirCore (backend options).
///
/// YAML → AST (`WorkflowParser`) → graph rules (`GraphChecker`) → types (`TypeChecker`) → what the
/// planner would refuse (`Planner.refusals`).
public enum Frontend {
  /// Parses and checks one file against `library` (the standard library unless given);
  /// diagnostics come sorted and de-duplicated. `prepare` changes the parsed workflow before it is
  /// checked (the driver binds models to backends given outside the file).
  public static func check(
    _ file: SourceFile, library: NodeTypeLibrary = .standard, overrides: Overrides = Overrides(),
    operators: OperatorRegistry = .standard, prepare: (inout Workflow) -> Void = { _ in }
  ) -> CheckOutcome {
    var (workflow, parseDiagnostics) = WorkflowParser.parse(file)
    if var parsed = workflow {
      prepare(&parsed)
      workflow = parsed
    }
    var diagnostics = parseDiagnostics
    var checked: CheckedWorkflow?
    if let workflow {
      let (result, more) = check(
        workflow, library: library, overrides: overrides, operators: operators,
        afterErrors: parseDiagnostics.hasErrors)
      checked = result
      diagnostics += more
    }
    return CheckOutcome(
      file: file, workflow: workflow, checked: checked, diagnostics: diagnostics.sortedUnique())
  }

  /// Checks a parsed workflow: graph rules, types, then what the planner would refuse, so a
  /// workflow without errors plans. Refusals that usually repeat a checker error
  /// (`Planner.echoes`) are reported only when nothing found an error, the parser included
  /// (`afterErrors`: it did).
  public static func check(
    _ workflow: Workflow, library: NodeTypeLibrary = .standard, overrides: Overrides = Overrides(),
    operators: OperatorRegistry = .standard, afterErrors: Bool = false
  ) -> (checked: CheckedWorkflow, diagnostics: [Diagnostic]) {
    var diagnostics = GraphChecker.check(workflow)
    let (checked, typeDiagnostics) = TypeChecker(library: library).check(workflow, overrides: overrides)
    diagnostics += typeDiagnostics
    let clean = !afterErrors && !diagnostics.hasErrors
    diagnostics += Planner(registry: operators).refusals(checked).filter {
      clean || !Planner.echoes.contains($0.id)
    }
    return (checked, diagnostics.sortedUnique())
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
  /// Problems found in other files while checking this one (the models file, `--backend` values).
  public var related: [FileDiagnostics] = []

  public init(
    file: SourceFile, workflow: Workflow?, checked: CheckedWorkflow? = nil, diagnostics: [Diagnostic]
  ) {
    self.file = file
    self.workflow = workflow
    self.checked = checked
    self.diagnostics = diagnostics
  }

  public var hasErrors: Bool { diagnostics.hasErrors || related.contains { $0.diagnostics.hasErrors } }

  /// The related files' reports, then this file's.
  public var reports: [FileDiagnostics] { related + [FileDiagnostics(file: file, diagnostics: diagnostics)] }
}
