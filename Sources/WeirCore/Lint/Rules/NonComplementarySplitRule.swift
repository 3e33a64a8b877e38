/// `non-complementary-split`: two thresholders that split one input at the same threshold with strict
/// comparators on both sides, so a confidence of exactly the threshold goes down neither branch.
struct NonComplementarySplitRule: LintRule {
  let id = "non-complementary-split"
  let defaultSeverity = Severity.warning
  let summary = "two branches split one input at t with '>' and '<', so a confidence of exactly t goes down neither"
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
    let splitters = context.graph.nodes.filter { $0.thresholder?.comparator != nil }
    let siblings = LintText.grouped(splitters) { Set($0.inputs.map(\.value)) }
    var out: [Diagnostic] = []
    for group in siblings {
      for (i, a) in group.items.enumerated() {
        for b in group.items[(i + 1)...] { out += check(a, b, context) }
      }
    }
    return out
  }

  private func check(_ a: BandNode, _ b: BandNode, _ context: LintContext) -> [Diagnostic] {
    let (specA, specB) = (a.thresholder!, b.thresholder!)
    let (ca, cb) = (specA.comparator!.value, specB.comparator!.value)
    let arriving = context.bands.incoming(a.id.value)
    let valuesA = specA.values
    let lost = uniqueEntries(specB).compactMap { entry -> (entry: ConceptThreshold, point: Double)? in
      guard let ta = valuesA[entry.concept.value] else { return nil }
      let band = arriving.band(entry.concept.value)
      let keptA = band.intersection(IntervalSet(ca, ta))
      let keptB = band.intersection(IntervalSet(cb, entry.value.value))
      guard !keptA.isEmpty, !keptB.isEmpty, let p = band.subtracting(keptA.union(keptB)).singlePoint else {
        return nil
      }
      return (entry, p)
    }
    return LintText.grouped(lost, by: \.point).map { group in
      let t = IntervalSet.formatNumber(group.key)
      let concepts = group.items.map { $0.entry.concept.value as String? }
      let entry = group.items[0].entry
      let inclusive = cb == .lessThan ? IntervalSet.Comparator.lessThanOrEqual : .greaterThanOrEqual
      var fixIts: [FixIt] = []
      if let range = specB.comparator?.range, cb == .lessThan || cb == .greaterThan {
        fixIts.append(FixIt("make '\(b.id.value)' keep \(t)", range: range, replacement: inclusive.rawValue))
      }
      return diagnostic(
        "\(LintText.subject(concepts, noun: context.noun(at: b.id.value))) with confidence exactly \(t) "
          + "pass neither '\(a.id.value)' (\(LintText.threshold(ca, valuesA[entry.concept.value]!))) "
          + "nor '\(b.id.value)' (\(LintText.threshold(cb, entry.value.value)))",
        at: entry.concept.range,
        notes: [Note("'\(a.id.value)' splits the same input", at: a.id.range)], fixIts: fixIts)
    }
  }
}
