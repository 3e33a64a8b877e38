/// What `weir lint` found in one file: the check's diagnostics, the rules' findings and the bands.
public struct LintOutcome: Sendable {
  public var check: CheckOutcome
  /// The band analysis; `nil` when the file has errors (the rules do not run then).
  public var bands: BandAnalysis?
  /// The check's diagnostics and the rules' findings, sorted.
  public var diagnostics: [Diagnostic]

  public var file: SourceFile { check.file }
}

extension Linter {
  /// Runs the rules on what checking a file found. The rules run only on a workflow without
  /// errors: a workflow that cannot run has nothing to say about what it would do, and findings
  /// about half-understood nodes would be noise next to the errors.
  public func lint(_ outcome: CheckOutcome) -> LintOutcome {
    guard !outcome.hasErrors, let checked = outcome.checked else {
      return LintOutcome(check: outcome, bands: nil, diagnostics: outcome.diagnostics)
    }
    let context = LintContext(graph: BandGraph(checked: checked, operators: operators))
    let findings = lint(context, file: outcome.file)
    return LintOutcome(
      check: outcome, bands: context.bands, diagnostics: (outcome.diagnostics + findings).sortedUnique())
  }

  /// Checks and lints one source file in-process: `weir lint` on one file.
  public func lint(_ file: SourceFile, library: NodeTypeLibrary = .standard) -> LintOutcome {
    lint(Frontend.check(file, library: library))
  }
}
