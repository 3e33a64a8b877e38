/// `writer-without-regions`: an annotation writer fed data that carries no regions or concepts.
struct WriterWithoutRegionsRule: LintRule {
  let id = "writer-without-regions"
  let defaultSeverity = Severity.warning
  let summary = "an annotation writer that reads no regions or concepts, so has nothing to write"
  let rationale = """
    An annotation writer turns the regions and concepts that reach it into annotations. Fed only an \
    image (it reads the workflow input) or the output of a model that gives no concepts (an \
    embedder), it runs and writes nothing.
    """
  let fix = """
    Connect the writer after a node that gives regions or concepts: a detector or classifier, or a \
    thresholder after one.
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      embed: {type: visual-embedder, backend: {replay: embeddings.json}}
    nodes:
      vectors: {model: embed}
      write:
        type: annotation-writer
        input: vectors
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.filter { $0.writer != nil && context.bands.carriesPredictions[$0.id.value] == false }
      .map {
        node in
        let notes =
          node.inputs.isEmpty
          ? [Note("it reads the workflow input, which carries no predictions")]
          : node.inputs.map { Note("'\($0.value)' gives no regions or concepts", at: $0.range) }
        return diagnostic(
          "'\(node.id.value)' is fed no regions or concepts, so it has nothing to write", at: node.id.range,
          notes: notes)
      }
  }
}
