import WeirCore

extension Driver {
  /// The full check of `file`, then, when it has no errors, its conversion to `target`
  /// (`weir convert`). What weir cannot run yet (the planner's refusals, `plan.*`) does not stop a
  /// conversion: the converted file means the same and is refused the same way. Any other error
  /// does, and comes back in `errors` with no conversion; so does an error in a binding (`related`,
  /// each in the file it was written in: `--backend`, a models file).
  public func convert(
    _ file: SourceFile, library: NodeTypeLibrary, to target: Dialect, dropBackends: Bool = false,
    backendsToModelsFile: Bool = false, writesBoundBackends: Bool = true
  ) -> (errors: [Diagnostic], conversion: Conversion?, related: [FileDiagnostics]) {
    let outcome = check(file, library: library)
    let errors = outcome.diagnostics.filter { $0.severity == .error && !$0.id.hasPrefix("plan.") }
    let badBinding = outcome.related.contains { $0.diagnostics.contains { $0.severity == .error } }
    guard errors.isEmpty, !badBinding, let checked = outcome.checked else {
      return (errors, nil, outcome.related)
    }
    let converter = WorkflowConverter(
      dropBackends: dropBackends, backendsToModelsFile: backendsToModelsFile,
      writesBoundBackends: writesBoundBackends)
    return (errors, converter.convert(checked, file: file, to: target), outcome.related)
  }
}
