import WeirCore

extension Driver {
  /// The full check of `file`, then, when it has no errors, its conversion to `target`
  /// (`weir convert`). What weir cannot run yet (the planner's refusals, `plan.*`) does not stop a
  /// conversion: the converted file means the same and is refused the same way. Any other error
  /// does, and comes back in `errors` with no conversion.
  public func convert(
    _ file: SourceFile, library: NodeTypeLibrary, to target: Dialect, dropBackends: Bool = false
  ) -> (errors: [Diagnostic], conversion: Conversion?) {
    let outcome = check(file, library: library)
    let errors = outcome.diagnostics.filter { $0.severity == .error && !$0.id.hasPrefix("plan.") }
    guard errors.isEmpty, let checked = outcome.checked else { return (errors, nil) }
    let conversion = WorkflowConverter(dropBackends: dropBackends).convert(checked, file: file, to: target)
    return (errors, conversion)
  }
}
