/// Runs the lint rules over one workflow: configuration decides which rules run and how severe their
/// findings are, and `# weir-lint-ignore:` comments in the file suppress findings.
public struct Linter: Sendable {
  public var configuration: LintConfiguration
  public var rules: [any LintRule]
  /// What each operator type does; its descriptor gives the node's band role.
  public var operators: OperatorRegistry

  public init(
    configuration: LintConfiguration = LintConfiguration(), rules: [any LintRule] = LintRules.all,
    operators: OperatorRegistry = .standard
  ) {
    self.configuration = configuration
    self.rules = rules
    self.operators = operators
  }

  /// The findings of every enabled rule, sorted, with suppressed ones removed and unused suppressions
  /// reported. `file` is the source the graph came from (suppression comments are read from it).
  public func lint(_ graph: BandGraph, file: SourceFile) -> [Diagnostic] {
    lint(LintContext(graph: graph), file: file)
  }

  /// The same, reusing a band analysis the caller already has.
  public func lint(_ context: LintContext, file: SourceFile) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var ran = Set<String>()
    for rule in rules {
      guard let severity = configuration.severity(of: rule) else { continue }
      ran.insert(rule.id)
      findings += rule.check(context).map { d in
        var d = d
        d.severity = severity
        // A note pointing where the finding itself points adds a second snippet of the same line.
        d.notes = d.notes.map { $0.range == d.range ? Note($0.message) : $0 }
        return d
      }
    }
    return applySuppressions(findings, ran: ran, file: file).sortedUnique()
  }

  /// Removes suppressed findings and reports suppressions that suppress nothing.
  func applySuppressions(_ findings: [Diagnostic], ran: Set<String>, file: SourceFile) -> [Diagnostic] {
    let suppressions = Suppression.scan(file)
    guard !suppressions.isEmpty else { return findings }
    var used = Set<SourceRange>()
    var kept: [Diagnostic] = []
    for d in findings {
      guard let range = d.range else {
        kept.append(d)
        continue
      }
      let line = file.location(of: range.start).line
      let matches = suppressions.filter { $0.line == line }.flatMap(\.rules).filter {
        LintRules.rule($0.value).map { "lint.\($0.id)" } == d.id
      }
      if matches.isEmpty { kept.append(d) } else { used.formUnion(matches.map(\.range)) }
    }
    let meta = LintRules.unusedSuppression
    guard let severity = configuration.severity(of: meta) else { return kept }
    return kept
      + suppressions.flatMap { unused($0, used: used, ran: ran) }.map { d in
        var d = d
        d.severity = severity
        return d
      }
  }

  /// Findings about one suppression comment: names no rule, names an unknown rule, suppresses nothing.
  private func unused(_ s: Suppression, used: Set<SourceRange>, ran: Set<String>) -> [Diagnostic] {
    let meta = LintRules.unusedSuppression
    if s.rules.isEmpty {
      return [
        meta.diagnostic(
          "'\(Suppression.marker)' names no rule; write '# \(Suppression.marker): rule-id'", at: s.range)
      ]
    }
    return s.rules.compactMap { id -> Diagnostic? in
      guard let rule = LintRules.rule(id.value) else {
        let suggestion = LintRules.suggestion(for: id.value, at: id.range)
        return meta.diagnostic(
          "'\(id.value)' is not a lint rule\(suggestion?.clause ?? "")", at: id.range,
          fixIts: suggestion?.fixIts ?? [])
      }
      // A rule that did not run (turned off, or not chosen with --rule) cannot have been suppressed.
      guard ran.contains(rule.id), !used.contains(id.range) else { return nil }
      // Removing the comment is only right when it names this rule alone.
      let fixIts =
        s.rules.count == 1 ? [FixIt("remove the suppression", range: s.range, replacement: "")] : []
      return meta.diagnostic(
        "this suppression of '\(rule.id)' suppresses nothing", at: id.range, fixIts: fixIts)
    }
  }
}
