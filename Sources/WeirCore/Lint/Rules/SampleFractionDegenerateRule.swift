/// `sample-fraction-degenerate`: a random sampler that keeps nothing or everything.
struct SampleFractionDegenerateRule: LintRule {
  let id = "sample-fraction-degenerate"
  let defaultSeverity = Severity.warning
  let summary = "a random-sample node whose keep_fraction is 0 (keeps nothing) or 1 (keeps everything)"
  let rationale = """
    `random-sample` keeps each input with probability `keep_fraction`. At 0 it keeps nothing, so no \
    node after it ever runs; at 1 it keeps everything and does nothing. Either way the node is not \
    doing what a sampler is for, and a value of 0 or 1 is often a percentage written as a \
    fraction's bound (`1` meant as 1%).
    """
  let fix = """
    Use a fraction strictly between 0 and 1 (`0.01` for 1%), or remove the node.
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.json}}
    nodes:
      detect: {model: pets}
      spot-check:
        type: random-sample
        input: detect
        params: {keep_fraction: 0}
      write:
        type: annotation-writer
        input: spot-check
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.compactMap { node -> Diagnostic? in
      guard let f = node.sampler?.keepFraction else { return nil }
      let text = NumberText.format(f.value)
      let id = node.id.value
      if f.value <= 0 {
        return diagnostic(
          "keep_fraction \(text) keeps no input: nothing after '\(id)' ever runs", at: f.range)
      }
      if f.value >= 1 {
        return diagnostic("keep_fraction \(text) keeps every input: '\(id)' does nothing", at: f.range)
      }
      return nil
    }
  }
}
