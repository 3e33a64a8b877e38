/// The registry of lint rules, in the order they are documented.
public enum LintRules {
  /// Every rule weir has.
  public static let all: [any LintRule] = [
    DeadBranchRule(),
    OverlappingWritersRule(),
    UncoveredBandRule(),
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
  ]

  /// The rule with this id; `lint.dead-branch` and `dead-branch` both name the same rule.
  public static func rule(_ id: String) -> (any LintRule)? {
    let bare = id.hasPrefix("lint.") ? String(id.dropFirst(5)) : id
    return all.first { $0.id == bare }
  }

  /// Every rule id.
  public static var ids: [String] { all.map(\.id) }

  /// The known id nearest to a misspelt one, for "did you mean".
  public static func suggestion(for id: String) -> String? {
    DidYouMean.nearest(to: id.hasPrefix("lint.") ? String(id.dropFirst(5)) : id, in: ids)
  }

  static let unusedSuppression = UnusedSuppressionRule()
}
