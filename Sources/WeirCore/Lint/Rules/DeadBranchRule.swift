/// `dead-branch`: a thresholder no confidence can pass, because what reaches it and what it keeps do
/// not meet (`> 0.9` feeding `< 0.5`).
struct DeadBranchRule: LintRule {
  let id = "dead-branch"
  let defaultSeverity = Severity.warning
  let summary = "a thresholder that no confidence can pass: what reaches it and what it keeps do not meet"
  let rationale = """
    A thresholder keeps, for each concept it names, the confidences its comparator accepts. When the \
    nodes before it have already narrowed a concept to a band that does not meet that range \
    (`> 0.9` feeding `< 0.5`), nothing ever passes, and every node after it (often an annotation \
    writer) never runs. The workflow checks and runs without error, and silently writes nothing on \
    that branch.
    """
  let fix = """
    Compare the bands in the message: the one that reaches the node and the one it keeps. Usually a \
    comparator points the wrong way or two thresholds (or the vars they use) are swapped. \
    `weir bands FILE` shows what each branch receives.
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
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.9, dog: 0.9}}
      doubtful:
        type: region-thresholder
        input: sure
        params: {concept_threshold_type: LESS_THAN, concepts: {cat: 0.5, dog: 0.5}}
      write:
        type: annotation-writer
        input: doubtful
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] {
    context.graph.nodes.flatMap { node in check(node, context) }
  }

  /// A dead entry: a concept that reaches the node, a non-empty kept range, and no overlap.
  private struct DeadEntry {
    var entry: AppliedThreshold
    var arriving: IntervalSet
    var kept: IntervalSet
  }

  private func check(_ node: BandNode, _ context: LintContext) -> [Diagnostic] {
    guard let comparator = node.thresholder?.comparator?.value else { return [] }
    let id = node.id.value
    let arriving = context.bands.incoming(id)
    guard !arriving.isEmpty else { return [] }
    let dead = context.appliedThresholds(node).compactMap { entry -> DeadEntry? in
      let band = context.band(arriving, entry.concept)
      let kept = IntervalSet(comparator, entry.value.value)
      guard !band.isEmpty, !kept.isEmpty, !band.overlaps(kept) else { return nil }
      return DeadEntry(entry: entry, arriving: band, kept: kept)
    }
    guard !dead.isEmpty else { return [] }
    if context.bands.outgoing(id).isEmpty {
      return [wholeNode(node, dead, context)]
    }
    return dead.map { d in
      diagnostic(
        "no \(d.entry.concept == nil ? "confidence of other concepts" : "\(d.entry.label) confidence") can pass '\(id)': "
          + "it keeps \(d.kept) but only \(d.arriving) reaches it",
        at: d.entry.range, notes: inputNotes(node, concepts: [d.entry.concept], context))
    }
  }

  private func wholeNode(_ node: BandNode, _ dead: [DeadEntry], _ context: LintContext) -> Diagnostic {
    let id = node.id.value
    let groups = LintText.grouped(dead) { [$0.kept, $0.arriving] }
    let first = groups[0]
    let concepts = LintText.list(first.items.map(\.entry.label))
    var notes = groups.dropFirst().map { g in
      Note(
        "it keeps \(LintText.list(g.items.map(\.entry.label))) in \(g.key[0]) but only \(g.key[1]) reaches it"
      )
    }
    notes += inputNotes(node, concepts: first.items.map(\.entry.concept), context)
    let silenced = downstreamWriters(of: id, context)
    if !silenced.isEmpty {
      notes.append(
        Note(
          "so \(LintText.quoted(silenced.map(\.id.value))) never \(silenced.count == 1 ? "writes" : "write") anything"
        ))
    }
    return diagnostic(
      "no confidence can pass '\(id)': it keeps \(concepts) in \(first.key[0]) but only \(first.key[1]) reaches it",
      at: node.id.range, notes: notes)
  }

  /// Per input, what it gives for `concepts`: one note when they all come in one band.
  private func inputNotes(_ node: BandNode, concepts: [String?], _ context: LintContext) -> [Note] {
    node.inputs.flatMap { input in
      let given = context.bands.outgoing(input.value)
      return LintText.grouped(concepts) { context.band(given, $0) }.map { group in
        Note(
          "'\(input.value)' gives \(LintText.list(group.items.map { $0 ?? "other concepts" })) in \(group.key)",
          at: input.range)
      }
    }
  }

  /// Writers reachable from `id`.
  private func downstreamWriters(of id: String, _ context: LintContext) -> [BandNode] {
    var seen: Set<String> = [id]
    var queue = [id]
    var writers: [BandNode] = []
    while let next = queue.popLast() {
      for reader in context.graph.consumers(of: next) where seen.insert(reader.id.value).inserted {
        if reader.writer != nil { writers.append(reader) }
        queue.append(reader.id.value)
      }
    }
    let graph = context.graph
    return writers.sorted { (graph.position(of: $0.id.value) ?? 0) < (graph.position(of: $1.id.value) ?? 0) }
  }
}

/// A thresholder's entries with a repeated concept kept once (the last wins, as at run time).
func uniqueEntries(_ spec: ThresholdSpec) -> [ConceptThreshold] {
  var seen = Set<String>()
  return spec.thresholds.reversed().filter { seen.insert($0.concept.value).inserted }.reversed()
}
