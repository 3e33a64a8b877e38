/// `redundant-threshold`: a threshold that removes nothing, because every confidence that reaches it
/// already passes.
struct RedundantThresholdRule: LintRule {
  let id = "redundant-threshold"
  let defaultSeverity = Severity.warning
  let summary =
    "a threshold that removes nothing: every confidence of the concept that reaches it already passes"
  let rationale = """
    When earlier thresholders have narrowed a concept to a band that lies wholly inside what a later \
    threshold keeps (`> 0.5` after `> 0.9`), the later threshold never removes anything. Its author \
    almost always meant it to: the thresholds may be in the wrong order, or a var holds another \
    value than intended.
    """
  let fix = """
    Check the order of the thresholders and the values of the vars they use; remove the threshold if \
    it is indeed not needed.
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
      plausible:
        type: region-thresholder
        input: sure
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5, dog: 0.5}}
      write:
        type: annotation-writer
        input: plausible
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.flatMap { node -> [Diagnostic] in
      guard let comparator = node.thresholder?.comparator?.value else { return [] }
      let arriving = context.bands.incoming(node.id.value)
      return context.appliedThresholds(node).compactMap { entry -> Diagnostic? in
        let band = context.band(arriving, entry.concept)
        let kept = IntervalSet(comparator, entry.value.value)
        // A threshold that keeps nothing or everything anyway is `threshold-at-bound`'s finding.
        guard !band.isEmpty, !kept.isEmpty, !kept.isUnit, band.isSubset(of: kept) else { return nil }
        let subject = entry.concept.map { "a \($0) confidence" } ?? "a confidence of other concepts"
        let notes = node.inputs.map { input in
          let given = context.band(context.bands.outgoing(input.value), entry.concept)
          return Note("'\(input.value)' gives \(entry.label) in \(given)", at: input.range)
        }
        return diagnostic(
          "'\(LintText.threshold(comparator, entry.value.value))' never removes \(subject): "
            + "only \(band) reaches '\(node.id.value)'",
          at: entry.value.range, notes: notes)
      }
    }
  }
}
