import WeirCore

extension Driver {
  /// The full check of one file: syntax, graph, types, backend options and everything the planner
  /// would refuse. What `weir check` reports, and what every other front end reports first.
  public func check(_ file: SourceFile, library: NodeTypeLibrary) -> CheckOutcome {
    var related: [FileDiagnostics] = []
    let path = file.path == SourceReader.stdinName ? SourceReader.stdinPath : file.path
    var outcome = Frontend.check(file, library: library, overrides: overrides, operators: operators) {
      workflow in
      (workflow, related) = bind(workflow, at: path, library: library)
    }
    outcome.related = related
    guard let workflow = outcome.workflow else { return outcome }
    let extra = backendDiagnostics(workflow)
    if !extra.isEmpty { outcome.diagnostics = (outcome.diagnostics + extra).sortedUnique() }
    return outcome
  }

  /// The full check of a parsed workflow (the REPL checks its workflow with its settings applied);
  /// the same diagnostics `check(file:library:)` gives for that workflow.
  public func check(_ workflow: Workflow, library: NodeTypeLibrary) -> (
    checked: CheckedWorkflow, diagnostics: [Diagnostic]
  ) {
    let (checked, diagnostics) = Frontend.check(
      workflow, library: library, overrides: overrides, operators: operators)
    return (checked, (diagnostics + backendDiagnostics(workflow)).sortedUnique())
  }

  /// `check`, then the lint rules under `configuration` (the project's `.weir.yaml` with the command line).
  public func lint(_ file: SourceFile, library: NodeTypeLibrary, configuration: LintConfiguration)
    -> LintOutcome
  {
    Linter(configuration: configuration).lint(check(file, library: library))
  }

  /// `check`, then the band analysis of a workflow without errors (`nil` with errors).
  public func bands(_ file: SourceFile, library: NodeTypeLibrary) -> (
    outcome: CheckOutcome, bands: BandAnalysis?
  ) {
    let outcome = check(file, library: library)
    guard !outcome.hasErrors, let checked = outcome.checked else { return (outcome, nil) }
    return (outcome, BandAnalysis(checked: checked))
  }

  /// The options of every model's backend written in the workflow, as its kind reads them (the
  /// parser has checked the structure: one known kind). Bound backends were checked by `bind`.
  func backendDiagnostics(_ workflow: Workflow) -> [Diagnostic] {
    workflow.models.flatMap { model -> [Diagnostic] in
      guard let spec = model.backend, spec.binding == nil, let kind = backendKinds.kind(spec.kind.value)
      else {
        return []
      }
      return kind.diagnose(spec: spec, model: model)
    }
  }
}
