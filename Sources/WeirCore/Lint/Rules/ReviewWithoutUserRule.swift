/// `review-without-user`: a writer that sends annotations to review without saying whose they are
/// or which task lists them.
struct ReviewWithoutUserRule: LintRule {
  let id = "review-without-user"
  let defaultSeverity = Severity.warning
  let summary = "an annotation writer with a review status but no annotation_user_id or task_id"
  let rationale = """
    Annotations awaiting review are found by reviewers through a labeling task (`task_id`) and are \
    attributed to a user (`annotation_user_id`). A writer with `ANNOTATION_AWAITING_REVIEW` or \
    `ANNOTATION_AWAITING_CONSENSUS_REVIEW` that sets neither, or only one, writes annotations that \
    no review queue lists or that nobody can filter by author: the doubtful regions are never reviewed.
    """
  let fix = """
    Set both `annotation_user_id` (the user or bot the annotations belong to) and `task_id` (the \
    labeling task whose reviewers should see them).
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.json}}
    nodes:
      detect: {model: pets}
      write:
        type: annotation-writer
        input: detect
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.compactMap { node -> Diagnostic? in
      guard let w = node.writer, let status = w.status,
        status.value == .awaitingReview || status.value == .awaitingConsensusReview
      else { return nil }
      let missing = [("annotation_user_id", w.userId), ("task_id", w.taskId)].filter {
        $0.1?.value.isEmpty ?? true
      }
      guard !missing.isEmpty else { return nil }
      let names = LintText.list(missing.map(\.0), conjunction: "or")
      return diagnostic(
        "'\(node.id.value)' sends annotations to review without setting \(names): no reviewer will find them",
        at: node.id.range, notes: [Note("its status is \(status.value.name)", at: status.range)])
    }
  }
}
