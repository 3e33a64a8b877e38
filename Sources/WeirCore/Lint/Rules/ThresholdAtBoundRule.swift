/// `threshold-at-bound`: a threshold at (or beyond) 0 or 1 that keeps nothing, everything, or one point.
struct ThresholdAtBoundRule: LintRule {
  let id = "threshold-at-bound"
  let defaultSeverity = Severity.warning
  let summary = "a threshold at 0 or 1 that keeps no confidence, every confidence, or only exactly 0 or 1"
  let rationale = """
    Confidences lie in [0, 1], so a threshold at a bound rarely does what it seems to: `> 1` and \
    `< 0` never fire, `>= 0` and `<= 1` keep everything (the threshold does nothing), and `>= 1` \
    keeps only a confidence of exactly 1, which models almost never give.
    """
  let fix = """
    Use a threshold inside (0, 1) (`> 0.99` rather than `>= 1`), or remove the concept from the \
    thresholder if it should not pass at all.
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
        params: {concept_threshold_type: GREATER_THAN_OR_EQUAL, concepts: {cat: 1, dog: 0.9}}
      write:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.flatMap { node -> [Diagnostic] in
      guard let spec = node.thresholder, let comparator = spec.comparator?.value else { return [] }
      let entries = spec.thresholds.map { (subject: "\($0.concept.value) confidence", value: $0.value) }
      let fallback = spec.fallback.map { [(subject: "confidence of other concepts", value: $0)] } ?? []
      return (entries + fallback).compactMap { check(comparator, $0.value, subject: $0.subject) }
    }
  }

  private func check(_ comparator: ValueComparator, _ t: Located<Double>, subject: String)
    -> Diagnostic?
  {
    let kept = IntervalSet(comparator, t.value)
    let written = "'\(LintText.threshold(comparator, t.value))'"
    if kept.isEmpty {
      return diagnostic("\(written) keeps no \(subject): confidences lie in [0, 1]", at: t.range)
    }
    if kept.isUnit {
      return diagnostic("\(written) keeps every \(subject): the threshold does nothing", at: t.range)
    }
    if let p = kept.singlePoint, p == 0 || p == 1 {
      return diagnostic(
        "\(written) keeps only a \(subject) of exactly \(NumberText.format(p)), which models rarely give",
        at: t.range)
    }
    return nil
  }
}
