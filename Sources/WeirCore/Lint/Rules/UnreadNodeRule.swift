/// `unread-node`: in a workflow that writes annotations, an operator node whose output nothing
/// reads and which stores nothing itself (no annotations, no counts), so `weir run` skips it.
struct UnreadNodeRule: LintRule {
  let id = "unread-node"
  let defaultSeverity = Severity.note
  let summary = "in a workflow that writes annotations, an operator node whose output no node reads"
  let rationale = """
    A workflow that writes annotations runs a node only when its output reaches an annotation \
    writer; the plan shows the others as skipped and `weir run` never runs them (only `--output`, \
    which keeps every node's output, does). An operator that nothing reads and that writes nothing \
    is usually a node left unconnected, whose work the author expected to see. Object-counters are \
    not reported: the run stores their counts. Model nodes nothing reads are `unused-output`'s, \
    since they cost a model call.
    """
  let fix = """
    Connect the node (add it to the `input` of the node meant to read it, such as a writer), or \
    remove it.
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
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5, dog: 0.5}}
      write:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
      biggest:
        type: top-k-regions
        input: detect
        params: {k: 1}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    guard context.graph.writesAnnotations else { return [] }
    // A workflow used as a node is expanded into nodes named `node/inner`: its own writers write.
    let expanded = Set(
      context.graph.nodes.flatMap { n in
        n.id.value.indices.filter { n.id.value[$0] == "/" }.map { String(n.id.value[..<$0]) }
      })
    return context.graph.nodes.filter {
      $0.model == nil && $0.writer == nil && !$0.recordsCount && !expanded.contains($0.id.value)
        && context.graph.consumers(of: $0.id.value).isEmpty
    }
    .map {
      diagnostic(
        "nothing reads the output of '\($0.id.value)' and it writes no annotations: `weir run` skips it",
        at: $0.id.range,
        notes: [
          Note(
            "this workflow writes annotations, so a node runs only when its output reaches an annotation writer"
          )
        ])
    }
  }
}
