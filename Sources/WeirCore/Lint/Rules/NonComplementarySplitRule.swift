/// `non-complementary-split`: two thresholders that split one input at the same threshold with strict
/// comparators on both sides, so a confidence of exactly the threshold goes down neither branch.
struct NonComplementarySplitRule: LintRule {
  let id = "non-complementary-split"
  let defaultSeverity = Severity.warning
  let summary =
    "two branches split one input at t with '>' and '<', so a confidence of exactly t goes down neither"
  let rationale = """
    Splitting a node's output into two branches at one threshold is meant to send every region down \
    exactly one of them. With `GREATER_THAN t` on one branch and `LESS_THAN t` on the other, a \
    confidence of exactly `t` passes neither and is silently dropped. Models often give round \
    numbers, so "exactly t" happens more than one would think.
    """
  let fix = """
    Make one side inclusive: `GREATER_THAN t` with `LESS_THAN_OR_EQUAL t`, or `GREATER_THAN_OR_EQUAL t` \
    with `LESS_THAN t`. The fix-it makes the second branch inclusive.
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.json}}
    nodes:
      detect: {model: pets}
      sure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.9, dog: 0.9}}
      write-sure:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
      unsure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: LESS_THAN, concepts: {cat: 0.9, dog: 0.9}}
      write-review:
        type: annotation-writer
        input: unsure
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    Self.siblingPairs(context).flatMap { check($0.a, $0.b, context) }
  }

  /// Per concept, the confidences that splits lose: this rule reports them, with a fix-it, so
  /// `dropped-above-written` does not report them again.
  static func lostPoints(_ context: LintContext) -> [String?: IntervalSet] {
    var points: [String?: IntervalSet] = [:]
    for pair in siblingPairs(context) {
      for lost in lost(pair.a, pair.b, context) {
        points[lost.entry.concept, default: .empty] = points[lost.entry.concept, default: .empty].union(
          .point(lost.point))
      }
    }
    return points
  }

  /// Thresholders with a comparator that read the same inputs, two by two: the pairs that can lose
  /// a single point (`SplitPairs`).
  private static func siblingPairs(_ context: LintContext) -> [(a: BandNode, b: BandNode)] {
    let splitters = context.graph.nodes.filter { $0.thresholder?.comparator != nil }
    var pairs: [(a: BandNode, b: BandNode)] = []
    for group in LintText.grouped(splitters, by: { Set($0.inputs.map(\.value)) }) {
      // Only the pairs that can lose a single point, in the order of a loop over every pair.
      for (i, j) in SplitPairs.candidates(group.items, context) {
        pairs.append((group.items[i], group.items[j]))
      }
    }
    return pairs
  }

  private func check(_ a: BandNode, _ b: BandNode, _ context: LintContext) -> [Diagnostic] {
    let (ca, cb) = (a.thresholder!.comparator!, b.thresholder!.comparator!)
    let lost = Self.lost(a, b, context)
    return LintText.grouped(lost, by: \.point).map { group in
      let t = NumberText.format(group.key)
      let first = group.items[0]
      var fixIts: [FixIt] = []
      if cb.value == .lessThan || cb.value == .greaterThan {
        let inclusive = cb.value == .lessThan ? ValueComparator.lessThanOrEqual : .greaterThanOrEqual
        fixIts.append(
          FixIt("make '\(b.id.value)' keep \(t)", range: cb.range, replacement: inclusive.name))
      }
      return diagnostic(
        "\(LintText.subject(group.items.map(\.entry.concept), noun: context.noun(at: b.id.value))) with confidence exactly \(t) "
          + "pass neither '\(a.id.value)' (\(LintText.threshold(ca.value, first.ta))) "
          + "nor '\(b.id.value)' (\(LintText.threshold(cb.value, first.entry.value.value)))",
        at: first.entry.range, notes: [Note("'\(a.id.value)' splits the same input", at: a.id.range)],
        fixIts: fixIts)
    }
  }

  /// The confidence, one per concept, that neither `a` nor `b` keeps of what reaches them both.
  private static func lost(_ a: BandNode, _ b: BandNode, _ context: LintContext) -> [(
    entry: AppliedThreshold, ta: Double, point: Double
  )] {
    let (ca, cb) = (a.thresholder!.comparator!, b.thresholder!.comparator!)
    let arriving = context.bands.incoming(a.id.value)
    let entriesA = context.appliedThresholds(a)
    return context.appliedThresholds(b).compactMap {
      entry -> (entry: AppliedThreshold, ta: Double, point: Double)? in
      guard let ta = entriesA.first(where: { $0.concept == entry.concept })?.value.value else { return nil }
      let band = context.band(arriving, entry.concept)
      let keptA = band.intersection(IntervalSet(ca.value, ta))
      let keptB = band.intersection(IntervalSet(cb.value, entry.value.value))
      guard !keptA.isEmpty, !keptB.isEmpty, let p = band.subtracting(keptA.union(keptB)).singlePoint else {
        return nil
      }
      return (entry, ta, p)
    }
  }
}
