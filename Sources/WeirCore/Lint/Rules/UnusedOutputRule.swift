/// `unused-output`: in a workflow that writes annotations, a model node whose output nothing reads.
struct UnusedOutputRule: LintRule {
  let id = "unused-output"
  let defaultSeverity = Severity.warning
  let summary = "in a workflow that writes annotations, a model node whose output no node reads"
  let rationale = """
    A workflow that writes annotations keeps only what reaches its writers. A model node that no \
    node reads still runs on every input, so it costs a model call (time, and money with a hosted \
    model) for nothing. In a workflow without writers, such as a plain Clarifai workflow, a node \
    nothing reads is one of the workflow's results and is not reported.
    """
  let fix = """
    Remove the node, or connect it: add it to the `input` of the node meant to read it.
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.json}}
      faces: {type: visual-detector, concepts: [face], backend: {replay: faces.json}}
    nodes:
      detect: {model: pets}
      find-faces: {model: faces}
      sure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5, dog: 0.5}}
      write:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    guard context.graph.writesAnnotations else { return [] }
    return context.graph.nodes.filter { $0.model != nil && context.graph.consumers(of: $0.id.value).isEmpty }
      .map {
        diagnostic(
          "nothing reads the output of '\($0.id.value)': its model runs on every input for nothing",
          at: $0.id.range,
          notes: [Note("this workflow writes annotations, so only what reaches an annotation writer is kept")]
        )
      }
  }
}
