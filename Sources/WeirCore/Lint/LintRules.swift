/// The registry of lint rules, in the order they are documented.
public enum LintRules {
  /// Every rule weir has.
  public static let all: [any LintRule] = [
    DeadBranchRule(),
    OverlappingWritersRule(),
    UncoveredBandRule(),
    DroppedAboveWrittenRule(),
    UnknownConceptRule(),
    ConceptRemovedUpstreamRule(),
    UnusedOutputRule(),
    WriterWithoutRegionsRule(),
    ReviewWithoutUserRule(),
    ThresholdsOutOfOrderRule(),
    NonComplementarySplitRule(),
    RedundantThresholdRule(),
    ThresholdAtBoundRule(),
    SampleFractionDegenerateRule(),
    UnusedSuppressionRule(),
    UnreadNodeRule(),
  ]

  /// The rule with this id; `lint.dead-branch` and `dead-branch` both name the same rule.
  public static func rule(_ id: String) -> (any LintRule)? {
    let bare = id.hasPrefix("lint.") ? String(id.dropFirst(5)) : id
    return all.first { $0.id == bare }
  }

  /// Every rule id.
  public static var ids: [String] { all.map(\.id) }

  /// The known id nearest to a misspelt one, for "did you mean" (on the command line).
  public static func suggestion(for id: String) -> String? {
    suggestion(for: id, at: nil)?.name
  }

  /// The known id nearest to a misspelt one written at `range`, for "did you mean" and its fix-it.
  public static func suggestion(for id: String, at range: SourceRange?) -> DidYouMean.Suggestion? {
    DidYouMean.suggestion(for: id.hasPrefix("lint.") ? String(id.dropFirst(5)) : id, at: range, in: ids)
  }

  static let unusedSuppression = UnusedSuppressionRule()
}
