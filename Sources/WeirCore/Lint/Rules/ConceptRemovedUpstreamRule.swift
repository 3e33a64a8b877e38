/// `concept-removed-upstream`: a threshold for a concept an earlier thresholder already removed,
/// because that one names no threshold for it.
struct ConceptRemovedUpstreamRule: LintRule {
  let id = "concept-removed-upstream"
  let defaultSeverity = Severity.warning
  let summary = "a thresholder names a concept that an earlier thresholder removes by giving it no threshold"
  let rationale = """
    A thresholder keeps only the concepts it has a threshold for: every other concept is removed \
    (weir's runtime does this, like Clarifai's). So a chain `a → b` where `b` thresholds `dog` but `a` \
    names only `cat` never sees a dog: `b`'s threshold for `dog` can never apply, and dogs are \
    silently dropped at `a`.
    """
  let fix = """
    Give the earlier thresholder a threshold for the concept too (use `0` with `GREATER_THAN_OR_EQUAL` \
    to let every confidence through), or move the later threshold to a branch that still carries the concept.
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.json}}
    nodes:
      detect: {model: pets}
      cats:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5}}
      sure:
        type: region-thresholder
        input: cats
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.9, dog: 0.9}}
      write:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.flatMap { node -> [Diagnostic] in
      guard let spec = node.thresholder else { return [] }
      let arriving = context.bands.incoming(node.id.value)
      return spec.thresholds.compactMap { entry -> Diagnostic? in
        let concept = entry.concept.value
        guard arriving.band(concept).isEmpty, let remover = remover(of: concept, before: node, context) else {
          return nil
        }
        let named = remover.thresholder.map { uniqueEntries($0).map(\.concept.value) } ?? []
        return diagnostic(
          "\(concept) never reaches '\(node.id.value)': '\(remover.id.value)' has no threshold for \(concept) and removes it",
          at: entry.concept.range,
          notes: [
            Note(
              "'\(remover.id.value)' names only \(named.isEmpty ? "no concepts" : LintText.list(named)); "
                + "a thresholder removes the concepts it has no threshold for",
              at: remover.id.range)
          ])
      }
    }
  }

  /// The nearest thresholder before `node` that `concept` reaches and that has no threshold for it.
  private func remover(of concept: String, before node: BandNode, _ context: LintContext) -> BandNode? {
    var seen = Set<String>()
    var queue = node.inputs.map(\.value)
    var head = 0
    while head < queue.count {
      let id = queue[head]
      head += 1
      guard seen.insert(id).inserted, let n = context.graph.node(id) else { continue }
      if let spec = n.thresholder, spec.fallback == nil, spec.comparator != nil,
        !context.bands.incoming(id).band(concept).isEmpty,
        !spec.thresholds.contains(where: { $0.concept.value == concept })
      {
        return n
      }
      if n.model == nil { queue += n.inputs.map(\.value) }
    }
    return nil
  }
}
