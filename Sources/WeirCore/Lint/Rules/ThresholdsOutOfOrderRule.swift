/// `thresholds-out-of-order`: a concept's review band reaches above its accept band, as when the
/// accept and review thresholds are swapped.
struct ThresholdsOutOfOrderRule: LintRule {
  let id = "thresholds-out-of-order"
  let defaultSeverity = Severity.warning
  let summary =
    "confidences sent to review reach above those accepted: the accept and review thresholds look swapped"
  let rationale = """
    Auto-annotation accepts what the model is surest of and sends the doubtful band below it to \
    review. When some confidence sent to review is higher than every accepted one, the most \
    confident regions wait for a person while weaker ones are accepted unchecked: usually the two \
    thresholds (or the vars they use) are swapped.
    """
  let fix = """
    Make the accept band the top one: accept `> accept`, review `(review, accept]`, with \
    `review < accept`. Check which value each var holds.
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.json}}
    nodes:
      detect: {model: pets}
      high:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.9, dog: 0.9}}
      write-review:
        type: annotation-writer
        input: high
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
      middle:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: LESS_THAN_OR_EQUAL, concepts: {cat: 0.9, dog: 0.9}}
      plausible:
        type: region-thresholder
        input: middle
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5, dog: 0.5}}
      write-sure:
        type: annotation-writer
        input: plausible
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  private static let reviewStatuses: Set<AnnotationStatus> = [.awaitingReview, .awaitingConsensusReview]

  func check(_ context: LintContext) -> [Diagnostic] {
    let swapped = context.bands.coverage.compactMap {
      c -> (coverage: ConceptCoverage, review: IntervalSet)? in
      let accepted = c.band(.success)
      let review = c.band(.awaitingReview).union(c.band(.awaitingConsensusReview))
      guard let a = accepted.supremum, let r = review.supremum else { return nil }
      let above = r.value > a.value || (r.value == a.value && r.attained && !a.attained)
      return above ? (c, review) : nil
    }
    let groups = LintText.grouped(swapped) { [$0.review, $0.coverage.band(.success)] }
    return groups.map { group in
      let c = group.items[0].coverage
      let reviewers = c.writers.filter { $0.writer.status.map(Self.reviewStatuses.contains) ?? false }
      let acceptors = c.writers.filter { $0.writer.status == .success }
      let pronoun = group.items.count == 1 ? c.label : "them"
      let notes = acceptors.map {
        Note("'\($0.writer.id)' accepts \(pronoun) in \($0.band)", at: $0.writer.node.id.range)
      }
      return diagnostic(
        "\(LintText.subject(group.items.map(\.coverage.concept), noun: context.noun(at: reviewers[0].writer.id))) "
          + "in \(group.key[0]) go to review, above those accepted in \(group.key[1]): "
          + "the accept and review thresholds look swapped",
        at: reviewers[0].writer.node.id.range, notes: notes)
    }
  }
}
