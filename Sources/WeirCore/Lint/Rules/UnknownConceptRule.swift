/// `unknown-concept`: a threshold names a concept the upstream model does not predict.
struct UnknownConceptRule: LintRule {
  let id = "unknown-concept"
  let defaultSeverity = Severity.warning
  let summary = "a thresholder names a concept that no model before it predicts"
  let rationale = """
    A threshold for a concept the model never predicts matches nothing: a typo (`cta` for `cat`) or \
    a concept id where the model uses another name makes the branch silently empty, and because a \
    thresholder removes every concept it has no threshold for, the concept that was meant is dropped \
    as well. The rule knows a model's concepts from its `concepts:` declaration or from the model \
    catalog. When a model's concepts are unknown (a Clarifai model without a catalog entry), the \
    other thresholders on its predictions stand in for them: a concept that no other one names, \
    close to one that another names (`dgo` beside `dog`), is reported as the likely typo.
    """
  let fix = """
    Use a concept the model predicts (the message suggests the nearest one and the note lists them), \
    or declare the model's concepts correctly.
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
        params: {concept_threshold_type: GREATER_THAN, concepts: {cta: 0.9, dog: 0.9}}
      write:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.flatMap { node -> [Diagnostic] in
      guard let spec = node.thresholder else { return [] }
      let models = context.sourceModels(of: node.id.value)
      guard !models.isEmpty else { return [] }
      // A model with unknown concepts may predict anything; its other thresholders are the guide.
      guard models.allSatisfy({ $0.model.concepts != nil }) else {
        return lonelyTypos(in: node, spec, models: models, context)
      }
      let known = models.flatMap { $0.model.concepts! }
      return spec.thresholds.filter { !known.contains($0.concept.value) }.map { entry in
        report(entry.concept, models: models, known: known)
      }
    }
  }

  private func report(
    _ concept: Located<String>, models allModels: [(node: BandNode, model: BandModel)], known: [String]
  ) -> Diagnostic {
    var seen = Set<String>()
    let models = allModels.filter { seen.insert($0.model.name).inserted }
    var message =
      models.count == 1
      ? "'\(models[0].model.name)' does not predict '\(concept.value)'"
      : "none of \(LintText.quoted(models.map(\.model.name))) predicts '\(concept.value)'"
    // A concept's name where its id belongs (`BINARY_POSITIVE` for `ai_b1b1b1b1`): thresholds match ids.
    let byName = models.lazy.compactMap { $0.model.conceptNames.first { $0.value == concept.value }?.key }
      .first
    let suggestion = byName ?? DidYouMean.nearest(to: concept.value, in: known)
    if let byName {
      message =
        "'\(concept.value)' is the name of the concept '\(byName)'; thresholds match concept ids, not names"
    } else if let suggestion {
      message += "; did you mean '\(suggestion)'?"
    }
    let notes = models.map { m in
      let shown = m.model.concepts!.map { id in m.model.conceptNames[id].map { "\(id) (\($0))" } ?? id }
      return Note("'\(m.model.name)' predicts \(Self.listing(shown))", at: m.model.conceptsRange)
    }
    let fixIts = suggestion.map { [FixIt("use '\($0)'", range: concept.range, replacement: $0)] } ?? []
    return diagnostic(message, at: concept.range, notes: notes, fixIts: fixIts)
  }

  /// For models whose concepts are unknown: the concepts of `node` that no other thresholder on
  /// the same models names, and that are a typo of one another names.
  private func lonelyTypos(
    in node: BandNode, _ spec: ThresholdSpec, models: [(node: BandNode, model: BandModel)],
    _ context: LintContext
  ) -> [Diagnostic] {
    let names = Set(models.map(\.model.name))
    var others: [(node: BandNode, concept: Located<String>)] = []
    for other in context.graph.nodes where other.id.value != node.id.value {
      guard let otherSpec = other.thresholder,
        context.sourceModels(of: other.id.value).contains(where: { names.contains($0.model.name) })
      else { continue }
      others += otherSpec.thresholds.map { (other, $0.concept) }
    }
    let named = others.map(\.concept.value)
    return spec.thresholds.compactMap { entry -> Diagnostic? in
      let concept = entry.concept
      guard !named.contains(concept.value),
        let suggestion = DidYouMean.suggestion(for: concept.value, at: concept.range, in: named),
        let namer = others.first(where: { $0.concept.value == suggestion.name })
      else { return nil }
      let model = models.count == 1 ? "'\(models[0].model.name)'" : "the same models"
      return diagnostic(
        "no other thresholder on \(model) names '\(concept.value)'\(suggestion.clause)", at: concept.range,
        notes: [Note("'\(namer.node.id.value)' names '\(suggestion.name)'", at: namer.concept.range)],
        fixIts: suggestion.fixIts)
    }
  }

  /// `cat and dog`; long catalog lists are cut: `person, bicycle, car, … (80 concepts)`.
  static func listing(_ concepts: [String]) -> String {
    if concepts.isEmpty { return "no concepts" }
    if concepts.count <= 12 { return LintText.list(concepts) }
    return concepts.prefix(10).joined(separator: ", ") + ", … (\(concepts.count) concepts)"
  }
}
