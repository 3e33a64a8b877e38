/// `dropped-above-written`: confidences of a written concept that no writer writes, although
/// less confident ones are written: a gap between branches, or a band above them, that is lost.
struct DroppedAboveWrittenRule: LintRule {
  let id = "dropped-above-written"
  let defaultSeverity = Severity.warning
  let summary = "confidences of a written concept dropped although less confident ones are written"
  let rationale = """
    Dropping the least confident predictions is the point of most auto-annotation workflows, and \
    `uncovered-band` notes that band. Dropping confidences *above* a band that is written is almost \
    never meant: a review band `(0.4, 0.8]` with an accept band `(0.9, 1]` loses `(0.8, 0.9]`, \
    regions the model is surer of than those sent to review; `> 0.9` on one branch and `< 0.9` on \
    another lose exactly `0.9`; a thresholder that misspells a concept loses every confident region \
    of it. Each such band is data lost where nobody looks, so it is a warning.
    """
  let fix = """
    Move a threshold so that the branches meet (`> t` on one and `<= t` on the other), add a writer \
    for the band, or correct the concept's name. If the band is meant to be dropped, say so with \
    `# weir-lint-ignore: dropped-above-written` above the model node.
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
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.9}}
      write-sure:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
      unsure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: LESS_THAN_OR_EQUAL, concepts: {cat: 0.8}}
      plausible:
        type: region-thresholder
        input: unsure
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.4}}
      write-review:
        type: annotation-writer
        input: plausible
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    // A point lost between '> t' and '< t' on one input is `non-complementary-split`'s, with its fix-it.
    let splits = NonComplementarySplitRule.lostPoints(context)
    let lost = context.bands.coverage.compactMap { c -> (coverage: ConceptCoverage, band: IntervalSet)? in
      let band = c.droppedAboveWritten.subtracting(splits[c.concept] ?? .empty)
      return band.isEmpty ? nil : (c, band)
    }
    // Concepts that lose the same band alike are reported together: "cat and dog regions …".
    let groups = LintText.grouped(lost) { c in
      Handling(
        lost: c.band, writers: c.coverage.writers.map(\.writer.id), bands: c.coverage.writers.map(\.band))
    }
    return groups.map { group in
      let concepts = group.items.map(\.coverage.concept)
      let coverage = group.items[0].coverage
      let band = group.items[0].band
      let pronoun = concepts.count == 1 ? coverage.label : "them"
      let notes = coverage.writers.map { w in
        Note(
          "'\(w.writer.id)' writes \(pronoun) in \(w.band)\(w.writer.status.map { " as \($0.name)" } ?? "")",
          at: w.writer.node.id.range)
      }
      let writerIDs = coverage.writers.map(\.writer.id)
      let source = UncoveredBandRule.firstSource(of: writerIDs, context)
      return diagnostic(
        "\(LintText.subject(concepts, noun: context.noun(at: writerIDs[0]))) "
          + "\(LintText.withConfidence(band)) are dropped, "
          + "though less confident ones are written",
        at: source?.id.range ?? coverage.writers[0].writer.node.id.range, notes: notes)
    }
  }

  /// What a concept loses: two concepts that lose the same band alike are reported together.
  private struct Handling: Hashable {
    var lost: IntervalSet
    var writers: [String]
    var bands: [IntervalSet]
  }
}

extension ConceptCoverage {
  /// The dropped confidences below every written one: what a workflow usually means to drop.
  var droppedBelowWritten: IntervalSet {
    guard let lowest = written.infimum else { return dropped }
    let below = ConfidenceInterval(
      lower: 0, lowerClosed: true, upper: lowest.value, upperClosed: !lowest.attained)
    return dropped.intersection(IntervalSet([below]))
  }

  /// The dropped confidences above some written one: between written bands, or above them all.
  var droppedAboveWritten: IntervalSet { dropped.subtracting(droppedBelowWritten) }
}
