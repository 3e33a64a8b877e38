/// `uncovered-band`: the confidences of a concept that no writer writes, i.e. what is dropped.
struct UncoveredBandRule: LintRule {
  let id = "uncovered-band"
  let defaultSeverity = Severity.note
  let summary =
    "confidences of a written concept, below every written one, that no writer covers: what the workflow drops"
  let rationale = """
    Dropping the least confident predictions is usually the point of an auto-annotation workflow, so \
    this is a note, not a warning: it states, per concept, the band below every written one that is \
    thrown away, so a reader can confirm it is the band they meant. A band lost *above* a written \
    one (`(0.5, 0.6]` between a review branch ending at 0.5 and an accept branch starting at 0.6, \
    or a single point such as `{0.95}` lost between `> 0.95` and `< 0.95`) is rarely meant: \
    `dropped-above-written` warns about it.
    """
  let fix = """
    If the band is the one you meant to drop, nothing: silence the note for the file with \
    `# weir-lint-ignore: uncovered-band` above the model node, or turn the rule off in `.weir.yaml`. \
    Otherwise move a threshold so that the branches meet.
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat], backend: {replay: pets.json}}
    nodes:
      detect: {model: pets}
      sure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5}}
      write:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    let uncovered = context.bands.coverage.filter { !$0.droppedBelowWritten.isEmpty }
    // Concepts that are handled alike are reported together: "cat and dog regions … are dropped".
    let groups = LintText.grouped(uncovered) { c in
      Handling(
        dropped: c.droppedBelowWritten, writers: c.writers.map(\.writer.id), bands: c.writers.map(\.band))
    }
    return groups.map { group in
      let concepts = group.items.map(\.concept)
      let coverage = group.items[0]
      let pronoun = concepts.count == 1 ? coverage.label : "them"
      // The notes name the writers without pointing at them: this note shows on workflows that
      // are fine, and one line per writer keeps it short.
      let notes = coverage.writers.map { w in
        Note(
          "'\(w.writer.id)' writes \(pronoun) in \(w.band)\(w.writer.status.map { " as \($0.name)" } ?? "")")
      }
      let writerIDs = coverage.writers.map(\.writer.id)
      let source = Self.firstSource(of: writerIDs, context)
      return diagnostic(
        "\(LintText.subject(concepts, noun: context.noun(at: writerIDs[0]))) "
          + "\(LintText.withConfidence(coverage.droppedBelowWritten)) are dropped",
        at: source?.id.range ?? coverage.writers[0].writer.node.id.range, notes: notes)
    }
  }

  /// What happens to a concept: two concepts handled alike are reported together.
  private struct Handling: Hashable {
    var dropped: IntervalSet
    var writers: [String]
    var bands: [IntervalSet]
  }

  /// The first model node, in source order, whose predictions reach one of the writers.
  static func firstSource(of writers: [String], _ context: LintContext) -> BandNode? {
    let ids = writers.reduce(into: Set<String>()) { $0.formUnion(context.bands.sources[$1] ?? []) }
    return context.graph.nodes.first { ids.contains($0.id.value) && $0.model != nil }
  }
}
