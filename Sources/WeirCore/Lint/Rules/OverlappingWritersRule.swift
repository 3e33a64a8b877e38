/// `overlapping-writers`: two annotation writers with different statuses whose bands overlap, so the
/// same region is written twice.
struct OverlappingWritersRule: LintRule {
  let id = "overlapping-writers"
  let defaultSeverity = Severity.warning
  let summary = "two annotation writers with different statuses write the same confidences of a concept"
  let rationale = """
    When the bands of two writers overlap, a region whose confidence falls in both is written twice: \
    once accepted and once awaiting review, say. Reviewers see work that was already accepted, and \
    exports hold two annotations for one object. The classic case is an off-by-one at a shared \
    threshold: `> 0.95` on one branch and `>= 0.95` on the other both take a confidence of exactly 0.95.
    """
  let fix = """
    Make the branches meet without overlapping: where one branch uses `GREATER_THAN t`, the other \
    should use `LESS_THAN_OR_EQUAL t` (or `GREATER_THAN_OR_EQUAL t` with `LESS_THAN t`). \
    `weir bands FILE` marks overlaps with `!`.
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
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.95, dog: 0.95}}
      write-sure:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
      unsure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN_OR_EQUAL, concepts: {cat: 0.5, dog: 0.5}}
      write-review:
        type: annotation-writer
        input: unsure
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    let writers = context.bands.writers.filter { $0.status != nil }
    // Only writers with different statuses can conflict: pairs are taken across status groups, so
    // thousands of writers with one status cost nothing here.
    let groups = Dictionary(grouping: writers.indices) { writers[$0].status }.values.map { $0 }
    var pairs: [(Int, Int)] = []
    for (g, first) in groups.enumerated() {
      for second in groups[(g + 1)...] {
        for i in first {
          for j in second where !writers[i].sources.isDisjoint(with: writers[j].sources) {
            pairs.append(i < j ? (i, j) : (j, i))
          }
        }
      }
    }
    pairs.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    return pairs.flatMap { check(writers[$0.0], writers[$0.1], context) }
  }

  private func check(_ a: WriterBand, _ b: WriterBand, _ context: LintContext) -> [Diagnostic] {
    let concepts: [String?] = Set(a.bands.presentConcepts + b.bands.presentConcepts).sorted() + [nil]
    let overlaps = concepts.compactMap { c -> (concept: String?, overlap: IntervalSet)? in
      let overlap = band(a, c).intersection(band(b, c))
      return overlap.isEmpty ? nil : (c, overlap)
    }
    let noun = context.noun(at: b.id)
    return LintText.grouped(overlaps, by: \.overlap).map { group in
      let concepts = group.items.map(\.concept)
      let first = concepts[0]
      let pronoun = concepts.count == 1 ? (first ?? "them") : "them"
      // Concepts are grouped by their overlap; the writers' own bands may differ between them.
      let same = concepts.allSatisfy { band(a, $0) == band(a, first) && band(b, $0) == band(b, first) }
      var notes: [Note] = []
      if same {
        notes = [
          Note("'\(a.id)' writes \(pronoun) in \(band(a, first))", at: a.node.id.range),
          Note("'\(b.id)' writes \(pronoun) in \(band(b, first))", at: b.node.id.range),
        ]
      }
      if let t = group.key.singlePoint {
        let t = NumberText.format(t)
        notes.append(Note("where two branches split at \(t), use '> \(t)' on one and '<= \(t)' on the other"))
      }
      return diagnostic(
        "\(LintText.subject(concepts, noun: noun)) \(LintText.withConfidence(group.key)) are written twice, "
          + "as \(a.status!.name) by '\(a.id)' and as \(b.status!.name) by '\(b.id)'",
        at: b.node.id.range, notes: notes)
    }
  }

  private func band(_ w: WriterBand, _ concept: String?) -> IntervalSet {
    concept.map { w.bands.band($0) } ?? w.bands.others
  }
}
