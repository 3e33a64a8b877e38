/// A lint rule: something that type-checks and runs, but does what its author did not mean.
///
/// Each rule lives in its own file under `Rules/` with a stable id, a default severity and its
/// documentation; `Documentation/LintRules.md` is generated from these (`weir lint --list-rules --markdown`).
public protocol LintRule: Sendable {
  /// Stable kebab-case id (`dead-branch`); its diagnostics carry `lint.<id>`.
  var id: String { get }
  var defaultSeverity: Severity { get }
  /// One line, lowercase: what the rule reports.
  var summary: String { get }
  /// Markdown paragraphs: why it matters.
  var rationale: String { get }
  /// Markdown paragraphs: how to fix it.
  var fix: String { get }
  /// A native workflow on which the rule fires (shown in the docs; the tests lint it).
  var example: String { get }
  /// The rule's findings, at the default severity; the `Linter` applies configuration and suppressions.
  func check(_ context: LintContext) -> [Diagnostic]
}

extension LintRule {
  /// `lint.<id>`.
  public var diagnosticID: String { "lint.\(id)" }

  /// A finding of this rule at its default severity.
  func diagnostic(_ message: String, at range: SourceRange?, notes: [Note] = [], fixIts: [FixIt] = [])
    -> Diagnostic
  {
    Diagnostic(
      id: diagnosticID, severity: defaultSeverity, message: message, range: range, notes: notes,
      fixIts: fixIts)
  }
}
